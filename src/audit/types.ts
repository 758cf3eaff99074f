/** The categories of the report. */
export type AuditCategory = 'analytics' | 'marketing' | 'functional' | 'security' | 'unknown'

/** What a cookie, storage key or request was recognised as. */
export interface Classification {
  /** A category of the report, or the config's own category name where the config lists it. */
  category: string
  vendor?: string
  /** Where the answer came from. */
  source: 'config' | 'database' | 'vendors' | 'none'
  /** The config's category is required (essential): not a finding. */
  required?: boolean
  purpose?: string
  duration?: string
  /** The cookie or key is a prefix (`_ga_*`). */
  pattern?: string
  adapter?: string
}

export interface CookieRecord extends Classification {
  name: string
  domain: string
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number
}

export interface StorageRecord extends Classification {
  area: 'localStorage' | 'sessionStorage'
  key: string
}

export interface RequestRecord extends Classification {
  url: string
  host: string
  /** What asked for it, where the browser says: a script's URL, or `parser` for the page's markup. */
  initiator?: string
}

export type PhaseName = 'before-consent' | 'after-reject' | 'after-accept'

export interface Phase {
  name: PhaseName
  cookies: CookieRecord[]
  storage: StorageRecord[]
  requests: RequestRecord[]
}

export interface Finding {
  phase: PhaseName
  kind: 'cookie' | 'storage' | 'request'
  /** The cookie's name, the storage key, or the request's host. */
  name: string
  host?: string
  category: string
  vendor?: string
  advice: string
}

/** What `consentry audit` reports of one page. */
export interface PageReport {
  url: string
  consentry: boolean
  phases: Phase[]
  findings: Finding[]
  /** Items no source recognised: listed, not counted as findings. */
  unclassified: { phase: PhaseName; kind: Finding['kind']; name: string }[]
}
