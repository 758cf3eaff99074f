// The Open Cookie Database (jkwakman/Open-Cookie-Database, Apache-2.0), vendored as data by
// `npm run refresh:cookies` into data/open-cookie-database.json, and read here.
import { readFileSync } from 'node:fs'
import type { AuditCategory } from './types'

/** One entry of the database: a cookie name or storage key, or a prefix of them. */
export interface DatabaseEntry {
  name: string
  /** The name is a prefix (the database's "wildcard match"). */
  prefix: boolean
  platform: string
  category: AuditCategory
  description: string
  retention: string
}

/** The vendored database, or none where it is missing from the package. */
export const loadDatabase = (url = new URL('../../data/open-cookie-database.json', import.meta.url)) => {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as DatabaseEntry[]
  } catch {
    return []
  }
}
