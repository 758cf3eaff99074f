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

// Past an hour, a later page view tries again sooner than a timer of this one would.
const MAX_WAIT = 3600e3

/** The ms a `Retry-After` asks for: seconds, or an HTTP date; a minute when it says neither. */
const waitOf = (header: string | null) => {
  const text = header?.trim() ?? ''
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - Date.now()
  return Math.min(Number.isFinite(ms) ? Math.max(ms, 1) : 60_000, MAX_WAIT)
}

/**
 * POST the outbox's receipts oldest first, one at a time, removing each once a 2xx answer
 * arrives. One that fails stays queued and the next is tried all the same, so that a receipt the
 * endpoint keeps refusing never holds back the later ones; the failed ones are retried with capped
 * exponential backoff and when the browser comes back online; a 429 holds every send back for as
 * long as its `Retry-After` says (at most an hour). On leaving the page, what is left
 * goes to `sendBeacon` (it stays queued until confirmed).
 */
export const createSender = ({ win, endpoint, outbox, retryDelay, setCookie }: SenderOptions): Sender => {
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let sending = false
  let quietUntil = 0
  const next = (tried: Set<string>) => outbox.read().find((receipt) => !tried.has(receipt.receiptId))
  /** Whether the endpoint accepted the receipt, or for how many ms it asks to be left alone (429). */
  const send = async (receipt: Receipt): Promise<boolean | number> => {
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
      if (response.status == 429) return waitOf(response.headers.get('retry-after'))
      return response.ok
    } catch {
      // Offline, refused by CORS, or cut off.
      return false
    }
  }
  const flush = async () => {
    if (sending) return
    clearTimeout(timer)
    // A decision made, or the browser back online, while a 429's wait runs: sent when it ends.
    const quiet = quietUntil - Date.now()
    if (quiet > 0) {
      timer = setTimeout(flush, quiet)
      return
    }
    sending = true
    const tried = new Set<string>()
    let failed = false
    let asked = 0
    try {
      // Until every receipt in the outbox was tried once, decisions made meanwhile included; a
      // 429 stops the round: the rest would be refused too.
      for (let receipt = next(tried); receipt && !asked; receipt = next(tried)) {
        tried.add(receipt.receiptId)
        const answer = await send(receipt)
        if (answer === true) {
          const sent = receipt.receiptId
          outbox.keep(outbox.read().filter((each) => each.receiptId != sent))
        } else {
          failed = true
          if (typeof answer == 'number') asked = answer
        }
      }
    } finally {
      sending = false
    }
    if (!failed) {
      failures = 0
      return
    }
    quietUntil = Date.now() + asked
    timer = setTimeout(flush, Math.max(asked, Math.min(retryDelay * 2 ** failures, 60_000)))
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
