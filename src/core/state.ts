import type { StoredConsent } from './codec'
import type { Config, ConsentState } from './types'

const DAY = 864e5

// Only own boolean values count: a category named "constructor" must not read Object.prototype.
const flag = (record: Record<string, unknown>, key: string) =>
  typeof record[key] == 'boolean' ? (record[key] as boolean) : undefined

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
    const granted = (categories[name] = !!required || (named ?? flag(state.categories ?? {}, name) ?? false))
    for (const service in known) {
      const key = name + '.' + service
      services[key] = !!required || (flag(choice, key) ?? named ?? flag(state.services ?? {}, key) ?? granted)
    }
  }
  return { decided: updatedAt != null, categories, services, revision: config.revision, id: state.id, updatedAt }
}

/**
 * The state a stored decision gives under this config. None, one of another revision, one older
 * than the cookie lifetime or one from the future means "not decided", with nothing but the
 * required categories granted.
 */
export const restore = (config: Config, stored: StoredConsent | undefined, now: number, newId: () => string) => {
  const id = stored?.id ?? newId()
  if (
    !stored ||
    stored.revision != config.revision ||
    !(now - stored.updatedAt < config.cookie.days * DAY) ||
    stored.updatedAt > now + DAY
  )
    return decide(config, { id }, {}, null)
  const choice: Record<string, boolean> = { ...stored.services }
  for (const name of stored.granted) choice[name] = true
  return decide(config, { id }, choice, stored.updatedAt)
}

/** A choice that grants (or denies) every category. */
export const everything = (config: Config, granted: boolean) =>
  Object.fromEntries(Object.keys(config.categories).map((name) => [name, granted]))

/** The decision to store: granted categories and the services that differ from them. */
export const toStored = ({ revision, id, updatedAt, categories, services }: ConsentState): StoredConsent => ({
  revision,
  id,
  updatedAt: updatedAt!,
  granted: Object.keys(categories).filter((name) => categories[name]),
  services: Object.fromEntries(Object.entries(services).filter(([key, on]) => on != categories[key.split('.')[0]!])),
})

/** Whether a category or `category.service` is granted in a state. */
export const granted = (state: ConsentState, name: string): boolean =>
  flag(state.services, name) ?? flag(state.categories, name.split('.')[0]!) ?? false

/** Categories and services granted in one state and not in the other. */
export const changes = (before: ConsentState, after: ConsentState) =>
  [...Object.keys(after.categories), ...Object.keys(after.services)].filter(
    (name) => granted(before, name) != granted(after, name),
  )
