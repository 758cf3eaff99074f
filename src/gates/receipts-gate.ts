import { uuid } from '../core/id'
import type { Gate, ReceiptsOptions } from '../core/types'
import { createOutbox, type Receipt } from './outbox'
import type { createSender } from './receipts-sender'

/**
 * The recipient token of the page URL, removed from the address bar at once, and kept for the
 * tab's session: a reload before the visitor decides still ties the receipt to the contact.
 * Without a token in the URL, the session is read only once a receipt needs it: Web Storage is
 * slow to open, and a page view without a decision never needs it.
 */
const subjectOf = (win: Window, url: URL, param: string, name: string) => {
  const key = `consentry:subject:${name}`
  const fromUrl = url.searchParams.get(param)
  if (fromUrl != null) {
    url.searchParams.delete(param)
    win.history.replaceState(win.history.state, '', url)
    try {
      win.sessionStorage.setItem(key, fromUrl)
    } catch {
      // Storage blocked: the token holds for this page view.
    }
    return () => fromUrl
  }
  return () => {
    try {
      return win.sessionStorage.getItem(key)
    } catch {
      return null
    }
  }
}

/** Loads the sender, which is needed only once there is a receipt to send. */
export type LoadSender = () => Promise<{ createSender: typeof createSender }>

/**
 * The receipts gate, with the sender loaded by `loadSender`: the npm entry imports it as a chunk
 * of your bundle, the script tag fetches `consentry-receipts.js`. See {@link receipts}.
 */
export const receiptsWith =
  (
    { endpoint, subjectParam, maxQueued = 100, retryDelay = 1000, setCookie }: ReceiptsOptions,
    loadSender: LoadSender,
  ): Gate =>
  (consent, doc) => {
    const win = doc.defaultView!
    const url = new URL(doc.URL)
    const fromEmail = !!subjectParam && url.searchParams.has(subjectParam)
    const subject = subjectParam ? subjectOf(win, url, subjectParam, consent.config.cookie.name) : () => null
    const outbox = createOutbox(win, `consentry:outbox:${consent.config.cookie.name}`)
    let sender: ReturnType<typeof loadSender> | undefined
    let started: ReturnType<typeof createSender> | undefined
    let stopped = false
    const send = () => {
      sender ??= loadSender()
      sender
        .then((module) => {
          if (stopped) return
          started ??= module.createSender({ win, endpoint, outbox, retryDelay, setCookie })
          started.flush()
        })
        .catch((error) => {
          // Kept in the outbox: the next decision or page view tries again.
          sender = undefined
          console.error(
            'consentry: the receipt sender could not be loaded; queued receipts wait for the next attempt',
            error,
          )
        })
    }
    // Stored at once, so that a page closed before the sender arrives loses nothing.
    const enqueue = (receipt: Receipt) => {
      const queue = [...outbox.read(), receipt]
      if (queue.length > maxQueued) console.warn(`consentry: receipt outbox full (${maxQueued}); dropping the oldest`)
      outbox.keep(queue.slice(-maxQueued))
      send()
    }

    const lastKey = `consentry:receipted:${consent.config.cookie.name}`
    const stop = consent.on('consent', (state) => {
      // The same decision again (another tab's, applied here by crossTab()) has its receipt already.
      const mark = JSON.stringify([state.id, state.updatedAt, state.categories, state.services])
      try {
        if (win.localStorage.getItem(lastKey) == mark) return
        win.localStorage.setItem(lastKey, mark)
      } catch {
        // Storage blocked: every decision gets its receipt.
      }
      const receipt: Receipt = {
        receiptId: uuid(),
        consentId: state.id,
        revision: state.revision,
        categories: state.categories,
        services: state.services,
        source: state.source ?? 'api',
        gpc: consent.gpc,
        locale: doc.documentElement.lang || win.navigator.language,
        url: url.href,
        timestamp: new Date(state.updatedAt!).toISOString(),
      }
      const recipient = subject()
      if (recipient != null) receipt.subject = recipient
      enqueue(receipt)
    })
    // A recipient who has just followed an email link is about to decide, and may close the tab
    // right after: the sender is ready before the receipt is. Receipts left unsent by an earlier
    // page view go once the page is idle (within 2 s), not in the way of the tags it gates:
    // opening Web Storage takes milliseconds.
    const retryLeft = () => {
      if (!stopped && outbox.read().length) send()
    }
    if (fromEmail) send()
    else if (win.requestIdleCallback) win.requestIdleCallback(retryLeft, { timeout: 2000 })
    else win.setTimeout(retryLeft, 2000)
    return () => {
      stop()
      stopped = true
      started?.stop()
    }
  }
