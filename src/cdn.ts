// Script-tag entry: the one module that touches window. Errors are logged, never thrown into the page.
// A config validated once is fingerprinted in the decision cookie; a returning visitor's
// unchanged config skips the validator, which lives in a chunk loaded only when needed.
import { checksum, decode } from './core/codec'
import { createCore } from './core/create-core'
import { DEFAULT_COOKIE, withDefaults } from './core/defaults'
import { resolveMode } from './core/modes'
import { hasOwn } from './core/own'
import { createStorage } from './core/storage'
import { hasSoundConsentFields } from './core/early-read'
import type { Config, ConsentryConfig } from './core/types'
import { pushConsentModeDefaults } from './gates/consent-mode'
import { gatesFor, pushDefaults, pushDeniedDefaults, pushDenial } from './gates/from-config'

// The chunks' content-hashed file names, set by the build (vite.config.ts): this core loads the
// chunks of its own release only, whatever a cache holds.
declare const __CONSENTRY_UI__: string
declare const __CONSENTRY_RECEIPTS__: string

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
  chunk ??= import(/* @vite-ignore */ new URL(__CONSENTRY_UI__, base).href)
  return chunk
}

/** The value of the config's decision cookie (none where its cookie options are unreadable). */
const storedUnder = (input: ConsentryConfig) => {
  try {
    return createStorage(withDefaults(input).cookie).read()
  } catch {
    // Reported by the validator.
    return undefined
  }
}

/**
 * Consent Mode's default and the vendors' holds, from a config not validated yet: tags loaded
 * right after this script (gtag.js, Tag Manager, UET) must find them before the validator has
 * arrived. Where the keys they are computed from are not known to be valid, every signal is
 * denied; the validator reports the fault next.
 */
const pushEarlyDefaults = (input: ConsentryConfig, stored: boolean) => {
  if (hasSoundConsentFields(input)) {
    try {
      const config = withDefaults(input)
      const gpc = (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
      // As the core will: a stored decision that no longer counts grants nothing meanwhile.
      pushDefaults(config, window, stored ? 'opt-in' : resolveMode(config, region), gpc)
      return
    } catch {
      // Too malformed to compute the defaults from (pushDefaults pushes nothing then).
    }
  }
  pushDeniedDefaults(input as unknown as Record<string, unknown>, window)
}

/** Whether the visitor has no decision under the default cookie name (false where the cookie cannot be read). */
const undecidedByDefault = () => {
  try {
    return createStorage(DEFAULT_COOKIE).read() == null
  } catch {
    // A document whose cookie an element hides: the core reports it.
    return false
  }
}

// The receipts' sender, fetched once there is a receipt to send.
const loadReceiptsSender = (): Promise<typeof import('./cdn-receipts')> =>
  import(/* @vite-ignore */ new URL(__CONSENTRY_RECEIPTS__, base).href)

/** Start from a config's text; `byUrl` when it came from `data-config`, after Consent Mode's all-denied default. */
const start = (text: string, byUrl = false) => {
  const fingerprint = checksum(text)
  let input: unknown
  let defaultsPushed = false
  // `known`: the cookie as just read, on the synchronous path; after the validator's chunk has
  // arrived, the core reads it again (another tab may have decided meanwhile).
  const run = (config: Config, known?: { storedValue: string | undefined }) => {
    const gates = gatesFor(config, { nonce, crossTab: true, defaultsPushed, consentMode: byUrl, loadReceiptsSender })
    host.consentry = createCore(config, { gates, fingerprint, ui, region, ...known })
  }
  // Consentry does not start: whatever went out before, Consent Mode and UET learn that nothing
  // is granted, for nothing will update them.
  const stop = (error: unknown) => {
    fail(error)
    if (!input || typeof input != 'object') return
    const config = input as Record<string, unknown>
    if (defaultsPushed) pushDenial(config, window)
    else pushDeniedDefaults(config, window)
  }
  try {
    // A SyntaxError names the position of the fault in the JSON.
    input = JSON.parse(text)
    // Anything else is the validator's to report.
    const config = input && typeof input == 'object' ? (input as ConsentryConfig) : undefined
    const storedValue = config && storedUnder(config)
    const stored = decode(storedValue)
    // The decision was made under this very config text, which was validated then.
    if (config && stored?.fingerprint == fingerprint) {
      run(withDefaults(config), { storedValue })
      return
    }
    if (config) {
      pushEarlyDefaults(config, !!stored)
      defaultsPushed = true
    }
    ui()
      .then((module) => run(module.parseConfig(input)))
      .catch(stop)
  } catch (error) {
    stop(error)
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
    // Nothing is known of the config until it arrives: Consent Mode's tags loaded meanwhile find
    // every signal denied, then the config's own default; its updates follow every decision.
    pushConsentModeDefaults(window, {}, () => false)
    // A visitor with no decision under the default cookie name needs the validator and the banner:
    // their chunk is fetched beside the config, not after it (a round trip less). A wrong guess
    // (a config with a cookie name of its own) costs a download, never a decision.
    if (undecidedByDefault()) ui().catch(() => {})
    fetch(url)
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then(
        (text) => start(text, true),
        (reason) => fail(`consentry: config: could not load ${url} (${reason})`),
      )
  } else fail('consentry: config: missing')
}
