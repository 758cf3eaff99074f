import type { Receipt } from '../core/types'

export type { Receipt }

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
