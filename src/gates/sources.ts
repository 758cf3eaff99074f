import { domGate } from './dom'

/**
 * Gate for `<iframe|img|… data-consent data-src>`: `src` is set when granted; when withdrawn an
 * iframe goes to about:blank and other elements lose their `src`.
 */
export const sources = () =>
  domGate('[data-consent][data-src]:not(script)', (element, granted) => {
    const current = element.getAttribute('src')
    const wanted = granted ? element.getAttribute('data-src') : current && element.localName == 'iframe' ? 'about:blank' : null
    if (current != wanted) wanted == null ? element.removeAttribute('src') : element.setAttribute('src', wanted)
  })
