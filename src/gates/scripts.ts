import { domGate } from './dom'

const activate = (gated: HTMLScriptElement, doc: Document) =>
  new Promise<unknown>((done) => {
    const script = doc.createElement('script')
    for (const { name, value } of gated.attributes) if (name != 'type') script.setAttribute(name, value)
    const type = gated.getAttribute('data-type')
    if (type) script.type = type
    // The nonce attribute reads "" once parsed under a CSP header; the property keeps the value.
    script.nonce = gated.nonce
    script.text = gated.text
    // Like the parser: an external script finishes before the next runs, unless marked async.
    if (script.src && !gated.hasAttribute('async')) script.onload = script.onerror = done
    else done(0)
    gated.replaceWith(script)
  })

/**
 * Gate for `<script type="text/plain" data-consent>`: once granted, each is re-created as a
 * real script, in document order, with its attributes and nonce. A script runs at most once.
 */
export const scripts = () => {
  const queued = new WeakSet<Element>()
  let chain: Promise<unknown> = Promise.resolve()
  return domGate('script[type="text/plain"][data-consent]', (element, granted) => {
    if (!granted || queued.has(element)) return
    queued.add(element)
    chain = chain.then(() => activate(element as HTMLScriptElement, element.ownerDocument))
  })
}
