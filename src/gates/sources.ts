import { isSafeUrl } from '../core/url'
import { domGate } from './dom-gate'

/**
 * Gate for `<iframe|img|… data-consent data-src>`: `src` is set when granted; when withdrawn an
 * iframe goes to about:blank and other elements lose their `src`. A `data-src` that is not
 * http(s), mailto or relative (`javascript:`, say) is never copied.
 */
export const sources = () => {
  const refused = new WeakSet<Element>()
  const grantedSource = (element: Element) => {
    const source = element.getAttribute('data-src')!
    if (isSafeUrl(source, element.baseURI)) return source
    if (!refused.has(element))
      console.warn('consentry: a data-src that is not an http(s) or relative URL stays unset', element)
    refused.add(element)
    return null
  }
  return domGate('[data-consent][data-src]:not(script)', (element, granted) => {
    const current = element.getAttribute('src')
    let wanted: string | null = null
    if (granted) wanted = grantedSource(element)
    else if (current && element.localName == 'iframe') wanted = 'about:blank'
    if (current == wanted) return
    if (wanted == null) element.removeAttribute('src')
    else element.setAttribute('src', wanted)
  })
}
