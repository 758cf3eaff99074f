import type { Consentry } from '../core/types'
import { domGate } from './dom-gate'
import { carriesNonce, copyScript, type ScriptGateOptions } from './trust'

// The types a browser runs; any other (and a nomodule script) fires neither load nor error.
const RUNS = /^(|module|(text|application)\/(x-)?(java|ecma)script|text\/(jscript|livescript|javascript1\.[0-5]))$/i

/** Put the real script in place; resolves once it may be followed, as the parser would. */
const activate = (gated: HTMLScriptElement) =>
  new Promise<void>((done) => {
    let script: HTMLScriptElement
    try {
      script = copyScript(gated, gated.ownerDocument, gated.getAttribute('data-type'))
    } catch (error) {
      // An attribute the DOM refuses, or a value Trusted Types reject: this script is skipped.
      console.warn('consentry: a gated script could not be re-created and stays inert', gated, error)
      done()
      return
    }
    // Like the parser: an external script finishes before the next runs, unless marked async.
    if (script.src && !gated.hasAttribute('async') && !script.noModule && RUNS.test(script.type.trim())) {
      script.onload = () => done()
      script.onerror = () => done()
    } else done()
    gated.replaceWith(script)
  })

/**
 * Gate for `<script type="text/plain" data-consent>`: once granted, each is re-created as a
 * real script, in document order, with its attributes and nonce. A script runs at most once, and
 * only if it is still granted when its turn comes (a slower script before it may hold it back).
 */
export const scripts = ({ nonce }: ScriptGateOptions = {}) => {
  const queued = new WeakSet<Element>()
  let chain = Promise.resolve()
  const runIfStillGranted = (gated: HTMLScriptElement, consent: Consentry) => {
    if (gated.isConnected && consent.isGranted(gated.getAttribute('data-consent')!)) return activate(gated)
    // Withdrawn (or removed) while it waited: it waits for the next grant.
    queued.delete(gated)
    return undefined
  }
  return domGate('script[type="text/plain"][data-consent]', (element, granted, consent) => {
    if (!granted || queued.has(element)) return
    queued.add(element)
    const gated = element as HTMLScriptElement
    if (!carriesNonce(gated, nonce)) {
      console.warn("consentry: a gated script without the page's nonce stays inert", gated)
      return
    }
    // A failure here must not end the chain: the scripts after this one still run.
    chain = chain.then(() => runIfStillGranted(gated, consent)).catch((error) => console.error('consentry:', error))
  })
}
