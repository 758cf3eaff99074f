import type { StoredConsent } from './codec'
import type { Config, ConsentState } from './types'

const DAY = 864e5

// Only own boolean values count: a category named "constructor" must not read Object.prototype.
const flag = (record: Record<string, unknown> | undefined, key: string) =>
  typeof record?.[key] == 'boolean' ? (record[key] as boolean) : undefined

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
    const granted = (categories[name] = !!required || (named ?? flag(state.categories, name) ?? false))
    for (const service in known) {
      const key = name + '.' + service
      services[key] = !!required || (flag(choice, key) ?? named ?? flag(state.services, key) ?? granted)
    }
  }
  return { decided: updatedAt != null, categories, services, revision: config.revision, id: state.id, updatedAt }
}

/**
 * The state a stored decision gives under this config. None, one of another revision, one older
 * than the cookie lifetime or one from the future means "not decided", with nothing but the
 * required categories granted.
 */
export const restore = (config: Config, stored: StoredConsent | undefined, now: number, newId: () => string) =>
  !stored ||
  stored.revision != config.revision ||
  !(now - stored.updatedAt < config.cookie.days * DAY) ||
  stored.updatedAt > now + DAY
    ? decide(config, { id: stored?.id ?? newId() }, {}, null)
    : decide(config, stored, stored.choice, stored.updatedAt)

/** A choice that grants (or denies) every category. */
export const everything = (config: Config, granted: boolean) =>
  Object.fromEntries(Object.keys(config.categories).map((name) => [name, granted]))

/** The decision to store: granted categories, and the services whose grant differs from them. */
export const toStored = (state: ConsentState, fingerprint: string): StoredConsent => {
  const { categories, services } = state
  const choice: Record<string, boolean> = {}
  for (const name in categories) if (categories[name]) choice[name] = true
  for (const key in services) if (services[key] != categories[key.split('.')[0]!]) choice[key] = services[key]!
  return { ...state, choice, fingerprint } as StoredConsent
}

/** Whether a category or `category.service` is granted in a state. */
export const granted = (state: ConsentState, name: string): boolean =>
  flag(state.services, name) ?? flag(state.categories, name.split('.')[0]!) ?? false

/** Categories and services granted in one state and not in the other. */
export const changes = (before: ConsentState, after: ConsentState) =>
  [...Object.keys(after.categories), ...Object.keys(after.services)].filter(
    (name) => granted(before, name) != granted(after, name),
  )
