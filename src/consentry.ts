import { parseConfig } from './core/config'
import { createCore } from './core/consentry'
import type { Consentry, ConsentryOptions } from './core/types'
import { domGates } from './gates/index'

/**
 * Create a Consentry instance: validates the config, reads the stored decision and gates the
 * page's `data-consent` scripts, templates and `data-src` elements. Synchronous: gating
 * decisions are ready on return.
 *
 * @param input - The consent config (see {@link ConsentryConfig}), as parsed JSON.
 * @param options - Another document to work on, or another list of gates.
 * @throws {@link ConsentryError} when the config is invalid, naming the JSON path at fault.
 * @example
 * ```ts
 * import { createConsentry } from 'consentry'
 * const consent = createConsentry(config)
 * consent.whenGranted('analytics', () => loadAnalytics())
 * ```
 */
export const createConsentry = (input: unknown, options: ConsentryOptions = {}): Consentry =>
  createCore(parseConfig(input), { gates: domGates({ nonce: options.nonce }), ui: () => import('./ui/mount'), ...options })
