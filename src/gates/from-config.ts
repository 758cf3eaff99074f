import { grantedBefore } from '../core/modes'
import { valuesOf } from '../core/own'
import type { Config, Gate, Mode, Vendor } from '../core/types'
import { consentMode, pushConsentModeDefaults, pushConsentModeDenial } from './consent-mode'
import { crossTab } from './cross-tab'
import { domGates } from './dom-gates'
import { receiptsWith, type LoadSender } from './receipts-gate'
import { fullStory, holdFullStory } from './vendors/fullstory'
import { microsoftClarity } from './vendors/microsoft-clarity'
import { microsoftUet, pushUetConsent } from './vendors/microsoft-uet'

/** How an entry composes the gates of a config. */
export interface GatesForOptions {
  /** The page's CSP nonce, for the DOM gates (see {@link ScriptGateOptions}). */
  nonce?: string | undefined
  /** Cross-tab sync when the config does not say: on in the script tag, off for npm. */
  crossTab?: boolean
  /** {@link pushDefaults} ran already: the script tag calls it before it validates a new config. */
  defaultsPushed?: boolean
  /**
   * Keep Consent Mode in step with decisions even when the config does not ask for it: the
   * script tag pushed its all-denied default while a config loaded by URL was on its way.
   */
  consentMode?: boolean
  /** Loads the receipts' sender: a chunk of the npm bundle, or the script tag's `consentry-receipts.js`. */
  loadReceiptsSender: LoadSender
}

/** The services of a config that name a vendor, as `category.service`. */
const vendorServices = (config: Config) => {
  const found: { vendor: Vendor; name: string }[] = []
  for (const [category, { services = {} }] of Object.entries(config.categories)) {
    for (const [service, { vendor }] of Object.entries(services)) {
      if (vendor) found.push({ vendor, name: `${category}.${service}` })
    }
  }
  return found
}

const consentModeOptions = (config: Config) => (config.googleConsentMode === true ? {} : config.googleConsentMode || {})

/**
 * What must be in place before any tag loads: Consent Mode's default in the dataLayer, UET's
 * default in its queue, FullStory's capture held. The gates do it at start; the script tag does it
 * earlier, before a config new to this browser is validated, since tags loaded right after
 * consentry.js would not wait for the validator.
 */
export const pushDefaults = (config: Config, win: Window, mode: Mode, gpc: boolean) => {
  // Worked out before anything is pushed: on a config too malformed to read, it throws first.
  const before = grantedBefore(config, mode, gpc)
  const vendors = vendorServices(config)
  if (config.googleConsentMode) pushConsentModeDefaults(win, consentModeOptions(config), before)
  for (const { vendor, name } of vendors) {
    if (vendor == 'microsoft-uet') pushUetConsent(win, 'default', before(name))
    if (vendor == 'fullstory') holdFullStory(win)
  }
}

const asksForConsentMode = (input: Record<string, unknown>) =>
  input.googleConsentMode !== undefined && input.googleConsentMode !== false

/** The vendors that the services of a config not validated yet name, as far as it can be read. */
const vendorsNamed = (input: Record<string, unknown>) => {
  const vendors = new Set<unknown>()
  for (const category of valuesOf(input.categories)) {
    for (const service of valuesOf((category as { services?: unknown } | null)?.services)) {
      vendors.add((service as { vendor?: unknown } | null)?.vendor)
    }
  }
  return vendors
}

/**
 * The most restrictive defaults, for a config whose consent keys are not known to be valid (see
 * `hasSoundConsentFields`): every Consent Mode signal denied, UET's `ad_storage` denied and
 * FullStory held, each where the config asks for it.
 */
export const pushDeniedDefaults = (input: Record<string, unknown>, win: Window) => {
  if (asksForConsentMode(input)) pushConsentModeDefaults(win, {}, () => false)
  const vendors = vendorsNamed(input)
  if (vendors.has('microsoft-uet')) pushUetConsent(win, 'default', false)
  if (vendors.has('fullstory')) holdFullStory(win)
}

/**
 * Tell Consent Mode and UET that nothing is granted after all: the script tag pushed a config's
 * defaults, then could not start (the config failed validation, the validator did not load, the
 * page hides what Consentry needs). Nothing will update them, and nothing gated runs.
 */
export const pushDenial = (input: Record<string, unknown>, win: Window) => {
  if (asksForConsentMode(input)) pushConsentModeDenial(win)
  if (vendorsNamed(input).has('microsoft-uet')) pushUetConsent(win, 'update', false)
}

/** The vendor adapters the config's services name, each governed by its service's grant. */
const vendorGates = (config: Config, pushDefault: boolean): Gate[] => {
  const gates: Gate[] = []
  for (const { vendor, name } of vendorServices(config)) {
    if (vendor == 'fullstory') gates.push(fullStory({ name }))
    if (vendor == 'microsoft-uet') gates.push(microsoftUet({ category: name }, { pushDefault }))
    if (vendor == 'microsoft-clarity')
      gates.push(microsoftClarity({ analytics: name, ads: config.categories.marketing ? 'marketing' : name }))
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
  const pushDefault = !options.defaultsPushed
  if (config.googleConsentMode || options.consentMode)
    gates.push(consentMode(consentModeOptions(config), { pushDefault }))
  gates.push(...vendorGates(config, pushDefault))
  if (config.crossTab ?? options.crossTab) gates.push(crossTab())
  gates.push(...domGates({ nonce: options.nonce }))
  return gates
}
