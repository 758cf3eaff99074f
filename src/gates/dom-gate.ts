import type { Consentry, Gate } from '../core/types'

const HTML = 'http://www.w3.org/1999/xhtml'

// While the parser is still running, an element is complete only once something follows it:
// a gated inline script or template may otherwise be seen with half of its content.
const isParsed = (node: Node | null): boolean => !!node && (!!node.nextSibling || isParsed(node.parentNode))

/**
 * A gate over the elements matching `selector` that carry `data-consent`: `apply` is called for
 * each with whether its category or service is granted, at start, on every consent change, and
 * whenever elements are added (single-page apps). `apply` must be idempotent.
 */
export const domGate =
  (selector: string, apply: (element: Element, granted: boolean, consent: Consentry) => void): Gate =>
  (consent, doc) => {
    const scan = () =>
      doc.querySelectorAll(selector).forEach((element) => {
        // An <svg> or <math> element of the same name is not what the gates handle.
        if (element.namespaceURI != HTML) return
        if (doc.readyState == 'loading' && !isParsed(element)) return
        try {
          apply(element, consent.isGranted(element.getAttribute('data-consent')!), consent)
        } catch (error) {
          // One element the DOM or the page's policy refuses never stops the others, nor throws into the page.
          console.warn('consentry: a gated element was skipped', element, error)
        }
      })
    const observer = new MutationObserver(scan)
    observer.observe(doc, { childList: true, subtree: true })
    doc.addEventListener('DOMContentLoaded', scan)
    const stop = consent.$state.listen(scan)
    scan()
    return () => {
      observer.disconnect()
      doc.removeEventListener('DOMContentLoaded', scan)
      stop()
    }
  }
