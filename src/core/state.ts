import type { StoredConsent } from './codec'
import { storedChoice } from './grants'
import { uuid } from './id'
import { own } from './own'
import { withoutSaleOrSharing } from './sale-or-sharing'
import type { Config, ConsentState } from './types'

const DAY = 864e5

const flag = (record: Record<string, unknown> | undefined, key: string) => {
  const value = own(record, key)
  return typeof value == 'boolean' ? value : undefined
}

/**
 * Apply a choice to a state. Naming a category sets its services too, unless they are named
 * as well; names not in the config are ignored. `updatedAt: null` makes the state undecided.
 */
export const decide = (
  config: Config,
  state: Pick<ConsentState, 'id'> & Partial<ConsentState>,
  choice: Record<string, boolean>,
  updatedAt: number | null,
): ConsentState => {
  const categories: Record<string, boolean> = {}
  const services: Record<string, boolean> = {}
  for (const [name, { required, services: known = {} }] of Object.entries(config.categories)) {
    const named = flag(choice, name)
    const granted = !!required || (named ?? flag(state.categories, name) ?? false)
    categories[name] = granted
    for (const service of Object.keys(known)) {
      const key = `${name}.${service}`
      services[key] = !!required || (flag(choice, key) ?? named ?? flag(state.services, key) ?? granted)
    }
  }
  return { decided: updatedAt != null, categories, services, revision: config.revision, id: state.id, updatedAt }
}

/** Whether a stored decision still counts: same revision, within the cookie's lifetime, not from the future. */
const isCurrent = (config: Config, stored: StoredConsent, now: number) => {
  const age = now - stored.updatedAt
  return stored.revision == config.revision && age < config.cookie.days * DAY && age > -DAY
}

/**
 * The state a stored decision gives under this config. None, one of another revision or laid out
 * by another list of categories and services, one older than the cookie lifetime or one from the
 * future means "not decided", with the `defaults` of the mode (in opt-in, none) and the required
 * categories granted. Under Global Privacy Control (`gpc`), a decision made without the signal
 * grants nothing that sells or shares personal information: the signal outranks it (California's
 * CCPA regulations, § 7025(c)(3)) until the visitor grants it again while sending the signal.
 */
export const restore = (
  config: Config,
  stored: StoredConsent | undefined,
  now: number,
  newId: () => string,
  defaults: Record<string, boolean> = {},
  gpc = false,
) => {
  const choice = stored && isCurrent(config, stored, now) ? storedChoice(config, stored) : undefined
  if (!stored || !choice) return decide(config, { id: stored?.id ?? newId() }, defaults, null)
  const honoured = gpc && !stored.gpc ? withoutSaleOrSharing(config, choice) : choice
  return decide(config, { id: stored.id }, honoured, stored.updatedAt)
}

/**
 * The state an instance starts from, in the browser or on the server. A decision that no longer
 * counts (another revision or list of services) is asked for again with nothing granted
 * meanwhile, whatever the mode: an opt-out must not turn into a grant. Only a visitor with
 * nothing stored gets the mode's `defaults`. `newId` gives the consent id when nothing is stored;
 * `gpc` is whether the browser sends Global Privacy Control now (see {@link restore}).
 */
export const initialState = (
  config: Config,
  stored: StoredConsent | undefined,
  defaults: Record<string, boolean>,
  gpc: boolean,
  newId: () => string = uuid,
) => restore(config, stored, Date.now(), newId, stored ? {} : defaults, gpc)

/** A choice that grants (or denies) every category. */
export const everything = (config: Config, granted: boolean) => {
  const choice: Record<string, boolean> = {}
  for (const name of Object.keys(config.categories)) choice[name] = granted
  return choice
}

/** Whether a category or `category.service` is granted in a state. */
export const granted = (state: ConsentState, name: string): boolean =>
  flag(state.services, name) ?? flag(state.categories, name.split('.')[0]!) ?? false

/** Categories and services granted in one state and not in the other. */
export const changes = (before: ConsentState, after: ConsentState) =>
  [...Object.keys(after.categories), ...Object.keys(after.services)].filter(
    (name) => granted(before, name) != granted(after, name),
  )
