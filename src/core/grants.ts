import { checksum, type StoredConsent } from './codec'
import { own } from './own'
import type { Config, ConsentState } from './types'

// Five grants to a base-32 digit (0-9a-v), which js-cookie writes unescaped.
const BITS = 5
const RADIX = 32

/**
 * Every category and `category.service` name of a config, sorted: the order in which the cookie
 * stores their grants. Sorted, so that reordering the config keeps stored decisions.
 */
export const grantNames = (config: Config): string[] => {
  const names: string[] = []
  for (const [name, category] of Object.entries(config.categories)) {
    names.push(name)
    for (const service of Object.keys(category.services ?? {})) names.push(`${name}.${service}`)
  }
  return names.sort()
}

/** The checksum of a list of names, stored with the grants laid out by it. */
export const layoutOf = (names: string[]) => checksum(names.join('+'))

const packGrants = (grants: boolean[]): string => {
  let text = ''
  for (let start = 0; start < grants.length; start += BITS) {
    let digit = 0
    for (let bit = 0; bit < BITS; bit++) {
      if (grants[start + bit]) digit |= 1 << bit
    }
    text += digit.toString(RADIX)
  }
  return text
}

/** The grants packed by {@link packGrants}, or undefined when `text` does not hold `count` of them. */
const unpackGrants = (text: string, count: number): boolean[] | undefined => {
  if (text.length != Math.ceil(count / BITS)) return undefined
  const grants: boolean[] = []
  for (let i = 0; i < count; i++) {
    const digit = parseInt(text.charAt(Math.floor(i / BITS)), RADIX)
    if (!(digit >= 0)) return undefined
    grants.push(((digit >> (i % BITS)) & 1) == 1)
  }
  return grants
}

/** The grant of every category and service in a stored decision, or undefined when it was laid out by another config. */
export const storedChoice = (config: Config, stored: StoredConsent): Record<string, boolean> | undefined => {
  const names = grantNames(config)
  const grants = stored.layout == layoutOf(names) ? unpackGrants(stored.grants, names.length) : undefined
  if (!grants) return undefined
  const choice: Record<string, boolean> = {}
  for (let i = 0; i < names.length; i++) choice[names[i]!] = grants[i]!
  return choice
}

/** The decision to store for a decided state; `gpc` when the browser sends Global Privacy Control. */
export const toStored = (config: Config, state: ConsentState, fingerprint: string, gpc = false): StoredConsent => {
  const names = grantNames(config)
  const grants: boolean[] = []
  for (const name of names) grants.push(own(name.includes('.') ? state.services : state.categories, name) == true)
  return {
    revision: state.revision,
    id: state.id,
    updatedAt: state.updatedAt ?? 0,
    layout: layoutOf(names),
    grants: packGrants(grants),
    fingerprint,
    gpc,
  }
}
