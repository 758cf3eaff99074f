// Script-tag entry: the one module that touches window. Errors are logged, never thrown into the page.
// A config validated once is fingerprinted in the decision cookie; a returning visitor's
// unchanged config skips the validator, which lives in a chunk loaded only when needed.
import { checksum, decode } from './core/codec'
import { createCore } from './core/create-core'
import { withDefaults } from './core/defaults'
import { resolveMode } from './core/modes'
import { hasOwn } from './core/own'
import { createStorage } from './core/storage'
import type { Config, ConsentryConfig } from './core/types'
import { gatesFor, pushDefaults } from './gates/from-config'

const host = window as Window & { consentry?: unknown }
// Through Document.prototype: an element named "currentScript" or "getElementById" shadows the
// document's own (named access), and would otherwise choose the nonce and the chunks' URL.
const current = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')!.get!.call(document)
const script = current instanceof HTMLScriptElement ? current : null
const base = script?.src || location.href
// On a page that uses nonces, Consentry's own tag carries the page's nonce.
const nonce = script?.nonce || undefined
// Written by a server or CDN edge that knows the visitor's country: `data-region="US-CA"`.
const region = script?.dataset.region
const fail = (error: unknown) => {
  delete host.consentry
  console.error(error)
}

// The UI chunk also carries the validator: a first visit needs both, and loads one file.
let chunk: Promise<typeof import('./cdn-ui')> | undefined
const ui = () => {
  chunk ??= import(/* @vite-ignore */ new URL('consentry-ui.js', base).href)
  return chunk
}

/** The decision stored under the config's cookie name, if any decodes. */
const storedUnder = (input: ConsentryConfig) => decode(createStorage(withDefaults(input).cookie).read())

/**
 * Consent Mode's default and the vendors' holds, from a config not validated yet: tags loaded
 * right after this script (gtag.js, Tag Manager, UET) must find them before the validator has
 * arrived. A config too broken to read pushes nothing here, and fails validation next.
 */
const pushEarlyDefaults = (input: ConsentryConfig, stored: boolean) => {
  try {
    const config = withDefaults(input)
    const gpc = (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
    // As the core will: a stored decision that no longer counts grants nothing meanwhile.
    pushDefaults(config, window, stored ? 'opt-in' : resolveMode(config, region), gpc)
  } catch {
    // Reported by the validator.
  }
}

// The receipts' sender, fetched once there is a receipt to send.
const loadReceiptsSender = (): Promise<typeof import('./cdn-receipts')> =>
  import(/* @vite-ignore */ new URL('consentry-receipts.js', base).href)

const start = (text: string) => {
  const fingerprint = checksum(text)
  let defaultsPushed = false
  const run = (config: Config) => {
    const gates = gatesFor(config, { nonce, crossTab: true, defaultsPushed, loadReceiptsSender })
    host.consentry = createCore(config, { gates, fingerprint, ui, region })
  }
  try {
    const input = JSON.parse(text)
    const stored = input && typeof input == 'object' ? storedUnder(input) : undefined
    // The decision was made under this very config text, which was validated then.
    if (stored?.fingerprint == fingerprint) {
      run(withDefaults(input))
      return
    }
    if (input && typeof input == 'object') {
      pushEarlyDefaults(input, !!stored)
      defaultsPushed = true
    }
    ui()
      .then((module) => run(module.parseConfig(input)))
      .catch(fail)
  } catch (error) {
    // A SyntaxError names the position of the fault in the JSON.
    fail(error)
  }
}

// An own property: an element with id or name "consentry" shows on window too, but not as its own.
if (hasOwn(host, 'consentry')) console.warn('consentry: loaded twice')
else {
  const inline = Document.prototype.getElementById.call(document, 'consentry-config')
  const url = script?.dataset.config
  // Claimed at once, so that a second copy loaded meanwhile stands down.
  host.consentry = undefined
  if (inline) start(inline.textContent!)
  else if (url) {
    fetch(url)
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then(start, (reason) => fail(`consentry: config: could not load ${url} (${reason})`))
  } else fail('consentry: config: missing')
}
