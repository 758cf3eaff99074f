import { createDataLayer, type DataLayerWindow } from '../core/events'
import { own } from '../core/own'
import { onDecisions } from './decisions'
import type { Gate } from '../core/types'

/** Google Consent Mode v2 signal names. */
export type ConsentSignal =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage'

/** Options of Google Consent Mode v2; `"googleConsentMode": true` takes every default. */
export interface ConsentModeOptions {
  /** Milliseconds tags wait for an update after the default. Default 500. */
  waitForUpdate?: number
  /** Which categories or `category.service` names grant each signal (any of them). */
  mapping?: Partial<Record<ConsentSignal, string | string[]>>
  /** `gtag('set', 'ads_data_redaction', true)`: redact ad click identifiers while ad_storage is denied. */
  adsDataRedaction?: boolean
  /** `gtag('set', 'url_passthrough', true)`: pass click information in URLs while cookies are denied. */
  urlPassthrough?: boolean
  /** Other defaults for some regions (ISO 3166 codes, such as `US` or `US-CA`): signal to `granted` or `denied`. */
  regions?: Record<string, Partial<Record<ConsentSignal, 'granted' | 'denied'>>>
}

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

/**
 * Gate for Google Consent Mode v2 through `window.dataLayer`, for gtag.js and Google Tag Manager
 * alike. At start, synchronously: `consent default` (every signal denied but those of required
 * categories), then `consent update` when a decision is stored; an update on every change.
 * Start it before the gates that activate tags, so the default precedes them.
 */
export const consentMode =
  (options: ConsentModeOptions = {}): Gate =>
  (consent, doc) => {
    const win = doc.defaultView as DataLayerWindow | null
    const report = (error: unknown) => console.error('consentry: window.dataLayer.push failed; Consent Mode reaches it no more', error)
    try {
      if (win) win.dataLayer ??= []
    } catch (error) {
      report(error)
    }
    const push = createDataLayer(win, report)
    // gtag.js reads Arguments objects from the dataLayer, not arrays.
    const gtag = function (..._: unknown[]) {
      push(arguments)
    }
    const mapping = options.mapping ?? DEFAULT_MAPPING
    const signals = (granted: (name: string) => boolean) =>
      Object.fromEntries(
        Object.entries(mapping).map(([signal, names]) => [signal, [names ?? []].flat().some(granted) ? 'granted' : 'denied']),
      )
    const defaults = signals((name) => !!own(consent.config.categories, name)?.required)
    const wait = { wait_for_update: options.waitForUpdate ?? 500 }
    gtag('consent', 'default', { ...defaults, ...wait })
    for (const [region, values] of Object.entries(options.regions ?? {}))
      gtag('consent', 'default', { ...defaults, ...values, region: region.split(','), ...wait })
    if (options.adsDataRedaction) gtag('set', 'ads_data_redaction', true)
    if (options.urlPassthrough) gtag('set', 'url_passthrough', true)
    const update = () => gtag('consent', 'update', signals(consent.isGranted))
    return onDecisions(consent, update)
  }
