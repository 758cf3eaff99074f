import type { ConsentEventDetail, ConsentEventName } from './types'

type Listener = (detail: ConsentEventDetail) => void

/** Reports an error like an uncaught one, without breaking the caller. */
export const report = (error: unknown) =>
  setTimeout(() => {
    throw error
  })

/**
 * The one event emitter: `on()` listeners, a `consentry:<name>` CustomEvent on the window and,
 * when the page has a `dataLayer`, a `consentry_update` push for tag managers on ready and change.
 */
export const createEvents = (win: (Window & typeof globalThis & { dataLayer?: unknown[] }) | null | undefined) => {
  const listeners: Partial<Record<ConsentEventName, Set<Listener>>> = {}
  return {
    on(name: ConsentEventName, fn: Listener) {
      ;(listeners[name] ??= new Set()).add(fn)
      return () => void listeners[name]!.delete(fn)
    },
    emit(name: ConsentEventName, detail: ConsentEventDetail) {
      listeners[name]?.forEach((fn) => {
        try {
          fn(detail)
        } catch (error) {
          report(error)
        }
      })
      if (!win) return
      win.dispatchEvent(new win.CustomEvent('consentry:' + name, { detail }))
      if ((name == 'ready' || name == 'change') && Array.isArray(win.dataLayer))
        win.dataLayer.push({ event: 'consentry_update', consentry: detail })
    },
  }
}
