import { matchesCookie } from '../core/cookie-pattern'
import { hasOwn } from '../core/own'
import type { ConsentryConfig } from '../core/types'
import type { DatabaseEntry } from './database'
import type { Classification } from './types'
import { KNOWN_VENDORS } from './vendors'

const UNKNOWN: Classification = { category: 'unknown', source: 'none' }

const text = (value: unknown) => {
  if (typeof value == 'string') return value
  if (value && typeof value == 'object' && hasOwn(value, 'en')) return String((value as { en: unknown }).en)
  return undefined
}

/** What the config lists a cookie or key under: its category and service. */
const fromConfig = (config: ConsentryConfig | undefined, name: string): Classification | undefined => {
  for (const [category, { required, services = {} }] of Object.entries(config?.categories ?? {})) {
    for (const [service, details] of Object.entries(services)) {
      const cookie = (details.cookies ?? []).find((each) => matchesCookie(each, name))
      if (cookie === undefined) continue
      const found: Classification = {
        category,
        vendor: text(details.title) ?? service,
        source: 'config',
        required: required == true,
      }
      if (typeof cookie == 'object' && cookie.purpose) found.purpose = text(cookie.purpose)!
      return found
    }
  }
  return undefined
}

const matchesName = (pattern: string, name: string) =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern == name

/** Whether `host` is `domain` or one of its subdomains. */
const isUnder = (host: string, domain: string) => host == domain || host.endsWith(`.${domain}`)

/**
 * Classify what a page stored and requested: the config's own services and cookies first, then
 * the Open Cookie Database, then the project's list of vendors (for what the database lacks, and
 * for request hosts).
 */
export const createClassifier = (config: ConsentryConfig | undefined, database: DatabaseEntry[]) => {
  const fromDatabase = (name: string): Classification | undefined => {
    const entry =
      database.find((each) => !each.prefix && each.name == name) ??
      database.find((each) => each.prefix && name.startsWith(each.name))
    if (!entry) return undefined
    const found: Classification = { category: entry.category, vendor: entry.platform, source: 'database' }
    if (entry.description) found.purpose = entry.description
    if (entry.retention) found.duration = entry.retention
    if (entry.prefix) found.pattern = `${entry.name}*`
    return found
  }
  const fromVendors = (name: string): Classification | undefined => {
    for (const known of KNOWN_VENDORS) {
      const pattern = known.cookies.find((each) => matchesName(each, name))
      if (pattern === undefined) continue
      const found: Classification = {
        category: known.category,
        vendor: known.vendor,
        source: 'vendors',
        purpose: known.purpose,
      }
      if (pattern.endsWith('*')) found.pattern = pattern
      if (known.adapter) found.adapter = known.adapter
      return found
    }
    return undefined
  }
  // Consentry's own: the decision's cookie and its receipts' outbox, which store the choice itself.
  const consentCookie = config?.cookie?.name ?? 'consentry'
  const ownRecord = (name: string): Classification | undefined =>
    name == consentCookie || name.startsWith('consentry:')
      ? {
          category: 'functional',
          vendor: 'Consentry',
          source: 'config',
          required: true,
          purpose: 'Keeps the consent decision',
        }
      : undefined
  const named = (name: string) =>
    ownRecord(name) ?? fromConfig(config, name) ?? fromDatabase(name) ?? fromVendors(name) ?? UNKNOWN
  return {
    /** A cookie, by its name. */
    cookie: named,
    /** A localStorage or sessionStorage key. */
    storage: named,
    /** A request, by the host it goes to. */
    request(host: string): Classification {
      const known = KNOWN_VENDORS.find((each) => each.hosts.some((domain) => isUnder(host, domain)))
      if (!known) return UNKNOWN
      const found: Classification = { category: known.category, vendor: known.vendor, source: 'vendors' }
      if (known.adapter) found.adapter = known.adapter
      return found
    },
  }
}

export type Classifier = ReturnType<typeof createClassifier>
