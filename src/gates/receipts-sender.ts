import type { Outbox, Receipt } from './outbox'

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
 * arrives. One that fails stays queued and the next is tried all the same, so that a receipt the
 * endpoint keeps refusing never holds back the later ones; the failed ones are retried with capped
 * exponential backoff and when the browser comes back online. On leaving the page, what is left
 * goes to `sendBeacon` (it stays queued until confirmed).
 */
export const createSender = ({ win, endpoint, outbox, retryDelay, setCookie }: SenderOptions): Sender => {
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let sending = false
  const next = (tried: Set<string>) => outbox.read().find((receipt) => !tried.has(receipt.receiptId))
  /** Whether the endpoint accepted the receipt. */
  const send = async (receipt: Receipt) => {
    try {
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
      return response.ok
    } catch {
      // Offline, refused by CORS, or cut off.
      return false
    }
  }
  const flush = async () => {
    if (sending) return
    sending = true
    clearTimeout(timer)
    const tried = new Set<string>()
    let failed = false
    try {
      // Until every receipt in the outbox was tried once, decisions made meanwhile included.
      for (let receipt = next(tried); receipt; receipt = next(tried)) {
        tried.add(receipt.receiptId)
        if (await send(receipt)) {
          const sent = receipt.receiptId
          outbox.keep(outbox.read().filter((each) => each.receiptId != sent))
        } else failed = true
      }
    } finally {
      sending = false
    }
    if (!failed) {
      failures = 0
      return
    }
    timer = setTimeout(flush, Math.min(retryDelay * 2 ** failures, 60_000))
    failures++
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
