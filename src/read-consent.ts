import { decode } from './core/codec'
import { parseConfig } from './core/config'
import { cookieValue } from './core/cookie-header'
import { defaultChoice, resolveMode } from './core/modes'
import { initialState } from './core/state'
import type { ConsentState } from './core/types'

/** Options of {@link readConsent}: what the browser would know about the visitor besides the cookie. */
export interface ReadConsentOptions {
  /**
   * The visitor's region, as given to {@link createConsentry} in the browser (`US-CA`): it picks
   * the mode, whose defaults apply before a decision.
   */
  region?: string
  /**
   * Whether the request carries Global Privacy Control (`Sec-GPC: 1`), as the browser's
   * `navigator.globalPrivacyControl` would say: it keeps the categories that sell or share
   * personal information denied before a decision in opt-out mode, and after a decision made
   * without the signal.
   */
  gpc?: boolean
}

/**
 * Read the visitor's consent from a request's `Cookie` header, on the server: the state that
 * `createConsentry(config, { region }).getState()` gives in the browser that sent the header, so
 * that a server render and the client's hydration agree.
 *
 * The cookie is read as the browser reads it: the same decoder, the same rule. A missing,
 * malformed, tampered or foreign cookie, one of another revision, one laid out by another list
 * of categories and services, or one past its lifetime means "not decided", never an exception.
 * Before a decision the `id` is a new random one, as in the browser, and so differs from the
 * browser's: render from `decided`, `categories` and `services`, not from `id`.
 *
 * Touches no browser global: safe in Node, edge runtimes and workers.
 *
 * @param input - The consent config as {@link createConsentry} takes it: parsed JSON or a config
 *   written in code (a {@link Config} from {@link parseConfig} is accepted too). It is validated on
 *   every call.
 * @param cookieHeader - The request's `Cookie` header as the server received it; several headers
 *   as an array. `null` or `undefined` (no header) reads as no decision.
 * @param options - The visitor's region and Global Privacy Control signal.
 * @returns A plain, serializable state, as {@link Consentry.getState} returns it.
 * @throws {@link ConsentryError} when the config is invalid (never because of the header).
 * @example
 * ```ts
 * import { readConsent } from 'consentry'
 *
 * const state = readConsent(config, request.headers.get('cookie'), { gpc: request.headers.get('sec-gpc') == '1' })
 * if (state.categories.analytics) html += analyticsTag
 * ```
 */
export const readConsent = (
  input: unknown,
  cookieHeader: string | readonly string[] | null | undefined,
  options: ReadConsentOptions = {},
): ConsentState => {
  const config = parseConfig(input)
  const stored = decode(cookieValue(cookieHeader, config.cookie.name))
  const gpc = options.gpc === true
  const defaults = defaultChoice(config, resolveMode(config, options.region), gpc)
  return initialState(config, stored, defaults, gpc)
}
