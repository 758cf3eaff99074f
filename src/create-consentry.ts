import { parseConfig } from './core/config'
import { createCore } from './core/create-core'
import type { ConsentName, Consentry, ConsentryConfigInput, ConsentryOptions } from './core/types'
import { gatesFor } from './gates/from-config'

/**
 * Create a Consentry instance: validates the config, reads the stored decision and starts the
 * gates the config turns on (Consent Mode, receipts, cross-tab sync, vendor adapters) and the DOM
 * gates of the page's `data-consent` scripts, templates and `data-src` elements. Synchronous:
 * gating decisions are ready on return.
 *
 * @param input - The consent config (see {@link ConsentryConfig}), as parsed JSON.
 * @param options - Another document to work on, the visitor's region, the page's nonce, or another list of gates.
 * @throws {@link ConsentryError} when the config is invalid, naming the JSON path at fault, or when
 *   an element of the page hides a document property Consentry needs (`<img name="cookie">`).
 * @example
 * ```ts
 * import { createConsentry } from 'consentry'
 * const consent = createConsentry(config, { region: 'US-CA' })
 * consent.whenGranted('analytics', () => loadAnalytics())
 * ```
 */
export const createConsentry = <const Input = unknown>(
  input: Input,
  options: ConsentryOptions = {},
): Consentry<ConsentName<Input>> => {
  const config = parseConfig(input)
  const gates = gatesFor(config, { nonce: options.nonce, loadReceiptsSender: () => import('./gates/receipts-sender') })
  return createCore(config, { gates, ui: () => import('./ui/mount'), ...options })
}

/**
 * Type a config where it is written, for editors and the compiler: its category and service
 * names become literal types, so that `isGranted('analytcs')` or `setConsent({ markting: true })`
 * on the instance fails to compile. Accepts a JSON import too. Returns the config unchanged; it is
 * validated when an instance is created.
 *
 * @example
 * ```ts
 * import { createConsentry, defineConfig } from 'consentry'
 * const config = defineConfig({ revision: 1, categories: { essential: { required: true }, analytics: {} } })
 * const consent = createConsentry(config)
 * consent.isGranted('analytics') // compiles; 'analytcs' does not
 * ```
 */
export const defineConfig = <const Input extends ConsentryConfigInput>(config: Input): Input => config
