// Script-tag entry: the one module that touches window. Errors are logged, never thrown into the page.
// A config validated once is fingerprinted in the decision cookie; a returning visitor's
// unchanged config skips the validator, which lives in a chunk loaded only when needed.
import { domGates } from './consentry'
import { checksum, decode } from './core/codec'
import { createCore } from './core/consentry'
import { withDefaults } from './core/defaults'
import { createStorage } from './core/storage'
import type { Config } from './core/types'

const host = window as Window & { consentry?: unknown }
const script = document.currentScript as HTMLScriptElement | null
const base = script?.src || location.href
const fail = (error: unknown) => {
  delete host.consentry
  console.error(error)
}

const start = (text: string) => {
  const fingerprint = checksum(text)
  const run = (config: Config) => (host.consentry = createCore(config, { gates: domGates(), fingerprint }))
  try {
    const input = JSON.parse(text)
    const unchecked = withDefaults(input)
    if (decode(createStorage(unchecked.cookie).read())?.fingerprint == fingerprint) return run(unchecked)
    import(/* @vite-ignore */ new URL('consentry-validate.js', base).href)
      .then((validator: typeof import('./validate')) => run(validator.parseConfig(input)))
      .catch(fail)
  } catch (error) {
    fail(error instanceof SyntaxError ? 'consentry: config: expected JSON' : error)
  }
}

if ('consentry' in host) console.warn('consentry: loaded twice')
else {
  const inline = document.getElementById('consentry-config')
  const url = script?.dataset.config
  // Claimed at once, so that a second copy loaded meanwhile stands down.
  host.consentry = undefined
  if (inline) start(inline.textContent!)
  else if (url)
    fetch(url)
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then(start, (reason) => fail(`consentry: config: could not load ${url} (${reason})`))
  else fail('consentry: config: missing (#consentry-config or data-config)')
}
