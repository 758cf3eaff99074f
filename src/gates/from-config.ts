import type { Config, Gate } from '../core/types'
import { consentMode } from './consent-mode'
import { crossTab } from './cross-tab'
import { domGates } from './index'
import { receiptsWith, type LoadSender } from './receipts-gate'
import { fullStory } from './vendors/fullstory'
import { microsoftClarity } from './vendors/microsoft-clarity'
import { microsoftUet } from './vendors/microsoft-uet'

/** How an entry composes the gates of a config. */
export interface GatesForOptions {
  /** The page's CSP nonce, for the DOM gates (see {@link ScriptGateOptions}). */
  nonce?: string
  /** Cross-tab sync when the config does not say: on in the script tag, off for npm. */
  crossTab?: boolean
  /** Consent Mode's default is in the dataLayer already (the script tag pushes it before it validates). */
  consentModeDefaultPushed?: boolean
  /** Loads the receipts' sender: a chunk of the npm bundle, or the script tag's `consentry-receipts.js`. */
  loadReceiptsSender: LoadSender
}

/** The vendor adapters the config's services name, each governed by its service's grant. */
const vendorGates = (config: Config): Gate[] => {
  const gates: Gate[] = []
  for (const [category, { services = {} }] of Object.entries(config.categories)) {
    for (const [service, { vendor }] of Object.entries(services)) {
      const name = `${category}.${service}`
      if (vendor == 'fullstory') gates.push(fullStory({ name }))
      if (vendor == 'microsoft-uet') gates.push(microsoftUet({ category: name }))
      if (vendor == 'microsoft-clarity') gates.push(microsoftClarity({ analytics: name, ads: config.categories.marketing ? 'marketing' : name }))
    }
  }
  return gates
}

/**
 * Every gate a config turns on, in the order they must start: receipts first (the recipient token
 * leaves the address bar before any tag runs), Consent Mode and the vendors' defaults before the
 * DOM gates activate the tags they govern. Both entries compose their gates here.
 */
export const gatesFor = (config: Config, options: GatesForOptions): Gate[] => {
  const gates: Gate[] = []
  if (config.receipts) gates.push(receiptsWith(config.receipts, options.loadReceiptsSender))
  if (config.googleConsentMode) {
    const settings = config.googleConsentMode === true ? {} : config.googleConsentMode
    gates.push(consentMode(settings, { pushDefault: !options.consentModeDefaultPushed }))
  }
  gates.push(...vendorGates(config))
  if (config.crossTab ?? options.crossTab) gates.push(crossTab())
  gates.push(...domGates({ nonce: options.nonce }))
  return gates
}
