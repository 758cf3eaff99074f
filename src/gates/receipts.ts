import { uuid } from '../core/id'
import type { DecisionSource, Gate, ReceiptsOptions } from '../core/types'

export type { ReceiptsOptions }

/** Proof of one decision, as the endpoint receives it. */
export interface Receipt {
  receiptId: string
  consentId: string
  subject?: string
  revision: number
  categories: Record<string, boolean>
  services: Record<string, boolean>
  source: DecisionSource
  gpc: boolean
  locale: string
  url: string
  timestamp: string
}

/**
 * Gate that POSTs a receipt of every decision to `endpoint`, keeping each in a localStorage
 * outbox until a 2xx answer arrives: it is sent again on the next page load, when the browser
 * comes back online, and with capped exponential backoff (the endpoint de-duplicates by
 * receiptId). At start it removes the subject parameter from the address bar. Start it first.
 */
export const receipts =
  ({ endpoint, subjectParam, maxQueued = 100, retryDelay = 1000, setCookie }: ReceiptsOptions): Gate =>
  (consent, doc) => {
    const win = doc.defaultView!
    const url = new URL(doc.URL)
    const subject = subjectParam ? url.searchParams.get(subjectParam) : null
    if (subjectParam && subject != null) {
      url.searchParams.delete(subjectParam)
      win.history.replaceState(win.history.state, '', url)
    }
    const key = `consentry:outbox:${consent.config.cookie.name}`
    const outbox = (): Receipt[] => {
      try {
        const stored = JSON.parse(win.localStorage.getItem(key) ?? '[]')
        return Array.isArray(stored) ? stored : []
      } catch {
        return []
      }
    }
    const keep = (queue: Receipt[]) => {
      try {
        win.localStorage.setItem(key, JSON.stringify(queue))
      } catch {
        // Storage full or blocked: the receipts in memory still go out while the page lives.
      }
    }
    let failures = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    let sending = false
    const flush = async () => {
      if (sending) return
      sending = true
      clearTimeout(timer)
      try {
        // Oldest first, one at a time, until the outbox is empty (decisions made meanwhile included).
        for (let receipt = outbox()[0]; receipt; receipt = outbox()[0]) {
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
          keep(outbox().filter((each) => each.receiptId != receipt.receiptId))
          failures = 0
        }
      } catch {
        timer = setTimeout(flush, Math.min(retryDelay * 2 ** failures++, 60_000))
      } finally {
        sending = false
      }
    }
    const enqueue = (receipt: Receipt) => {
      const queue = [...outbox(), receipt]
      if (queue.length > maxQueued) console.warn(`consentry: receipt outbox full (${maxQueued}); dropping the oldest`)
      keep(queue.slice(-maxQueued))
      flush()
    }
    // On leaving the page, hand what is left to the browser; it stays queued until confirmed.
    const leave = () => {
      for (const receipt of outbox()) {
        const body = new Blob([JSON.stringify(receipt)], { type: 'application/json' })
        win.navigator.sendBeacon?.(endpoint, body)
      }
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
      if (subject != null) receipt.subject = subject
      enqueue(receipt)
    })
    win.addEventListener('online', flush)
    win.addEventListener('pagehide', leave)
    flush()
    return () => {
      stop()
      clearTimeout(timer)
      win.removeEventListener('online', flush)
      win.removeEventListener('pagehide', leave)
    }
  }
