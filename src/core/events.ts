import type { ConsentEventDetail, ConsentEventName } from './types'

/**
 * The one event emitter: `on()` listeners, a `consentry:<name>` CustomEvent on the window and,
 * when the page has a `dataLayer`, a `consentry_update` push for tag managers on ready and change.
 * An EventTarget per instance keeps instances apart and reports a throwing listener the way
 * the browser reports one of a DOM event, without breaking the others.
 */
export const createEvents = (win: (Window & { dataLayer?: unknown[] }) | null | undefined) => {
  const target = new EventTarget()
  return {
    on(name: ConsentEventName, fn: (detail: ConsentEventDetail) => void) {
      const listener = (event: Event) => fn((event as CustomEvent).detail)
      target.addEventListener(name, listener)
      return () => target.removeEventListener(name, listener)
    },
    emit(name: ConsentEventName, detail: ConsentEventDetail) {
      target.dispatchEvent(new CustomEvent(name, { detail }))
      if (!win) return
      win.dispatchEvent(new CustomEvent('consentry:' + name, { detail }))
      if (name == 'ready' || name == 'change') win.dataLayer?.push?.({ event: 'consentry_update', consentry: detail })
    },
  }
}
