import { createDataLayer, type DataLayerWindow } from '../core/events'
import { grantedBefore } from '../core/modes'
import { onDecisions } from './on-decisions'
import type { ConsentModeOptions, ConsentSignal, Consentry, Gate } from '../core/types'

export type { ConsentModeOptions, ConsentSignal }

/** The default mapping: analytics, marketing, and the essential category for the rest. */
export const DEFAULT_MAPPING: Record<ConsentSignal, string> = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: 'essential',
  personalization_storage: 'essential',
  security_storage: 'essential',
}

type Gtag = (...args: unknown[]) => void

/** A `gtag()` that pushes to the window's dataLayer like gtag.js's snippet, and never throws. */
const gtagOf = (win: DataLayerWindow | null): Gtag => {
  const report = (error: unknown) =>
    console.error('consentry: window.dataLayer.push failed; Consent Mode reaches it no more', error)
  try {
    if (win) win.dataLayer ??= []
  } catch (error) {
    report(error)
  }
  const push = createDataLayer(win, report)
  // gtag.js reads Arguments objects from the dataLayer, not arrays.
  return function (..._: unknown[]) {
    // biome-ignore lint/complexity/noArguments: gtag.js reads Arguments objects, not arrays.
    push(arguments)
  }
}

/** The signals of a mapping, each granted when any of its names is. */
const signals = (options: ConsentModeOptions, granted: (name: string) => boolean) => {
  const result: Record<string, 'granted' | 'denied'> = {}
  for (const [signal, names] of Object.entries(options.mapping ?? DEFAULT_MAPPING)) {
    const list = Array.isArray(names) ? names : [names ?? '']
    result[signal] = list.some(granted) ? 'granted' : 'denied'
  }
  return result
}

/**
 * Push Consent Mode's `default` commands (global, then per region) and the `set` options:
 * each signal as it stands before any decision, in this mode. The script tag calls it before it
 * validates a new config, so that the default precedes tags loaded right after it.
 */
export const pushConsentModeDefaults = (
  win: Window | null,
  options: ConsentModeOptions,
  grantedBefore: (name: string) => boolean,
) => pushDefaults(gtagOf(win), options, grantedBefore)

/** Push an `update` with every signal denied: the script tag could not start, so nothing is granted. */
export const pushConsentModeDenial = (win: Window) => {
  const denied = signals({}, () => false)
  gtagOf(win)('consent', 'update', denied)
}

const pushDefaults = (gtag: Gtag, options: ConsentModeOptions, grantedBefore: (name: string) => boolean) => {
  const defaults = signals(options, grantedBefore)
  const wait = { wait_for_update: options.waitForUpdate ?? 500 }
  gtag('consent', 'default', { ...defaults, ...wait })
  for (const [region, values] of Object.entries(options.regions ?? {})) {
    gtag('consent', 'default', { ...defaults, ...values, region: region.split(','), ...wait })
  }
  if (options.adsDataRedaction) gtag('set', 'ads_data_redaction', true)
  if (options.urlPassthrough) gtag('set', 'url_passthrough', true)
}

/** The grants a default reports: those of the mode, or the undecided state's own where they differ (an outdated decision). */
export const defaultGrants = (consent: Consentry) =>
  consent.getState().decided ? grantedBefore(consent.config, consent.mode, consent.gpc) : consent.isGranted

/**
 * Gate for Google Consent Mode v2 through `window.dataLayer`, for gtag.js and Google Tag Manager
 * alike. At start, synchronously: `consent default` (every signal denied but those granted before
 * a decision: the required categories, and in opt-out or notice mode the others too), then
 * `consent update` when a decision is stored; an update on every change. Start it before the
 * gates that activate tags, so the default precedes them.
 *
 * @param options - Mapping, regions and the other settings of Consent Mode.
 * @param start - `pushDefault: false` when the default is in the dataLayer already.
 */
export const consentMode =
  (options: ConsentModeOptions = {}, { pushDefault = true }: { pushDefault?: boolean } = {}): Gate =>
  (consent, doc) => {
    const gtag = gtagOf(doc.defaultView)
    if (pushDefault) pushDefaults(gtag, options, defaultGrants(consent))
    return onDecisions(consent, () => gtag('consent', 'update', signals(options, consent.isGranted)))
  }
