import type { Config, ConsentryConfig } from './types'

/**
 * A deep copy whose objects have no prototype: keys that some script put on Object.prototype
 * (`required`, `mode`) never read as config, wherever the config is read.
 */
const withoutPrototypes = <T>(value: T): T => {
  if (Array.isArray(value)) {
    const items: unknown[] = []
    for (const item of value) items.push(withoutPrototypes(item))
    return items as T
  }
  if (!value || typeof value != 'object') return value
  const copy = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(value)) copy[key] = withoutPrototypes((value as Record<string, unknown>)[key])
  return copy as T
}

/** The decision cookie's options where the config gives none. */
export const DEFAULT_COOKIE: Config['cookie'] = { name: 'consentry', path: '/', days: 182, sameSite: 'lax' }

/** Fill in the defaults of a config that is already known to be valid. */
export const withDefaults = (config: ConsentryConfig): Config =>
  withoutPrototypes({
    ...config,
    cookie: { ...DEFAULT_COOKIE, ...config.cookie },
  })
