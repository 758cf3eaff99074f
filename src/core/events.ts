import type { ConsentEventDetail, ConsentEventName } from './types'

/** A `window.dataLayer` as tag managers read it; the page may have frozen or replaced it. */
export type DataLayerWindow = Window & { dataLayer?: unknown }

/**
 * Push to the page's `dataLayer`, if it has one, without ever throwing: a frozen array or a push
 * that throws is reported once through `report`, and the SDK goes on.
 */
export const createDataLayer = (win: DataLayerWindow | null | undefined, report: (error: unknown) => void) => {
  let reported = false
  return (item: unknown) => {
    try {
      const layer = win?.dataLayer as { push?: (item: unknown) => void } | undefined
      if (typeof layer?.push == 'function') layer.push(item)
    } catch (error) {
      if (!reported) report(error)
      reported = true
    }
  }
}

/**
 * The one event emitter: `on()` listeners, a `consentry:<name>` CustomEvent on the window and,
 * when the page has a `dataLayer`, a `consentry_update` push for tag managers on ready and change.
 * An EventTarget per instance keeps instances apart and reports a throwing listener the way
 * the browser reports one of a DOM event, without breaking the others.
 */
export const createEvents = (win: DataLayerWindow | null | undefined) => {
  const target = new EventTarget()
  const push = createDataLayer(win, (error) =>
    console.error('consentry: window.dataLayer.push failed; events reach it no more', error),
  )
  return {
    on(name: ConsentEventName, fn: (detail: ConsentEventDetail) => void) {
      const listener = (event: Event) => fn((event as CustomEvent).detail)
      target.addEventListener(name, listener)
      return () => target.removeEventListener(name, listener)
    },
    emit(name: ConsentEventName, detail: ConsentEventDetail) {
      target.dispatchEvent(new CustomEvent(name, { detail }))
      if (!win) return
      win.dispatchEvent(new CustomEvent(`consentry:${name}`, { detail }))
      if (name == 'ready' || name == 'change') push({ event: 'consentry_update', consentry: detail })
    },
  }
}
