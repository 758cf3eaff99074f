import type { DecisionSource } from '../core/types'

/** Proof of one decision, as the endpoint receives it. */
export interface Receipt {
  /** Unique per decision: the endpoint stores a receipt sent twice once. */
  receiptId: string
  /** The browser's consent id, stable while a decision is stored. */
  consentId: string
  /** The recipient token from the page URL (`subjectParam`), when there was one. */
  subject?: string
  /** The config revision the decision was made under. */
  revision: number
  /** Every category: granted or not. */
  categories: Record<string, boolean>
  /** Every service, keyed `category.service`: granted or not. */
  services: Record<string, boolean>
  /** Who decided. */
  source: DecisionSource
  /** Whether the browser sent the Global Privacy Control signal. */
  gpc: boolean
  /** The language of the page or the browser. */
  locale: string
  /** The page URL, without the subject parameter. */
  url: string
  /** When the decision was made, ISO 8601. */
  timestamp: string
}

/** The receipts not yet accepted by the endpoint, kept in localStorage across page views. */
export interface Outbox {
  read(): Receipt[]
  keep(queue: Receipt[]): void
}

export const createOutbox = (win: Window, key: string): Outbox => ({
  read() {
    try {
      const stored = JSON.parse(win.localStorage.getItem(key) ?? '[]')
      return Array.isArray(stored) ? stored : []
    } catch {
      return []
    }
  },
  keep(queue) {
    try {
      win.localStorage.setItem(key, JSON.stringify(queue))
    } catch {
      // Storage full or blocked: the receipts in memory still go out while the page lives.
    }
  },
})
