import type { Outbox } from './outbox'

/** What the receipts gate hands the sender. */
export interface SenderOptions {
  win: Window
  endpoint: string
  outbox: Outbox
  retryDelay: number
  setCookie: boolean | undefined
}

/** Sends the outbox: the part of receipts that waits until there is something to send. */
export interface Sender {
  flush(): void
  stop(): void
}

/**
 * POST the outbox's receipts oldest first, one at a time, removing each once a 2xx answer
 * arrives; on failure, retry with capped exponential backoff and when the browser comes back
 * online; on leaving the page, hand what is left to `sendBeacon` (it stays queued until confirmed).
 */
export const createSender = ({ win, endpoint, outbox, retryDelay, setCookie }: SenderOptions): Sender => {
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let sending = false
  const flush = async () => {
    if (sending) return
    sending = true
    clearTimeout(timer)
    try {
      // Until the outbox is empty, decisions made meanwhile included.
      for (let receipt = outbox.read()[0]; receipt; receipt = outbox.read()[0]) {
        const response = await win.fetch(endpoint, {
          method: 'POST',
          keepalive: true,
          credentials: setCookie ? 'include' : 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(receipt),
        })
        // Reading the answer ends the request; until then it holds part of the browser's
        // small quota for keepalive requests, and later sends fail.
        await response.text()
        if (!response.ok) throw new Error(`${response.status}`)
        const sent = receipt.receiptId
        outbox.keep(outbox.read().filter((each) => each.receiptId != sent))
        failures = 0
      }
    } catch {
      timer = setTimeout(flush, Math.min(retryDelay * 2 ** failures, 60_000))
      failures++
    } finally {
      sending = false
    }
  }
  const leave = () => {
    for (const receipt of outbox.read()) {
      const body = new Blob([JSON.stringify(receipt)], { type: 'application/json' })
      win.navigator.sendBeacon?.(endpoint, body)
    }
  }
  win.addEventListener('online', flush)
  win.addEventListener('pagehide', leave)
  return {
    flush,
    stop() {
      clearTimeout(timer)
      win.removeEventListener('online', flush)
      win.removeEventListener('pagehide', leave)
    },
  }
}
