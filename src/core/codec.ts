import { own } from './own'

/**
 * A decision as the cookie stores it. The grants are laid out by the config (see `grants.ts`), so
 * that a decision over any number of services stays far below the browser's 4 kB per cookie.
 */
export interface StoredConsent {
  revision: number
  id: string
  /** Milliseconds since the epoch. */
  updatedAt: number
  /** Checksum of the names the grants are laid out by: a decision over another list does not count. */
  layout: string
  /** One bit per category and service, in the layout's order, five to a base-32 digit. */
  grants: string
  /** Checksum of the config text the script tag validated; empty where none was given. */
  fingerprint: string
  /** Whether the browser sent Global Privacy Control when the decision was made. */
  gpc: boolean
}

// Format 3: 3|revision|id|time36|layout|grants|fingerprint|gpc|checksum, where gpc is 1 or 0.
// Format 2, without the gpc field, is still read: as a decision made without the signal.
// Every character here survives js-cookie's encoding unescaped, which keeps the cookie short.
const FIELDS: Record<string, number> = { 2: 8, 3: 9 }
type Fields = [string, string, string, string, string, string, string, string]
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/
const BASE36 = /^[\da-z]+$/
const REVISION = /^[1-9]\d*$/
const GRANTS = /^[\da-v]*$/

/**
 * FNV-1a, in base 36. Not a signature (a script on the page could forge any cookie), but it
 * turns truncated, hand-edited or foreign values into "no decision", and fingerprints configs.
 */
export const checksum = (text: string) => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x1000193)
  return (hash >>> 0).toString(36)
}

export const encode = ({ revision, id, updatedAt, layout, grants, fingerprint, gpc }: StoredConsent): string => {
  const body = ['3', revision, id, updatedAt.toString(36), layout, grants, fingerprint, gpc ? '1' : '0'].join('|')
  return `${body}|${checksum(body)}`
}

/** Decode a cookie value; anything malformed, foreign or tampered with gives `undefined`. */
export const decode = (value: string | undefined): StoredConsent | undefined => {
  const fields = value?.split('|') ?? []
  const format = fields[0] ?? ''
  const sum = fields[fields.length - 1]
  if (fields.length != own(FIELDS, format) || sum != checksum(fields.slice(0, -1).join('|'))) return undefined
  // Every field of the format is there: the count was checked.
  const [, revision, id, time, layout, grants, fingerprint, flag] = fields as Fields
  // Format 2 has no gpc field: its checksum sits where format 3 keeps the flag.
  const gpc = format == '3' ? flag : '0'
  if (!REVISION.test(revision) || !UUID.test(id) || !BASE36.test(time) || !BASE36.test(layout) || !GRANTS.test(grants))
    return undefined
  if (gpc != '0' && gpc != '1') return undefined
  return { revision: Number(revision), id, updatedAt: parseInt(time, 36), layout, grants, fingerprint, gpc: gpc == '1' }
}
