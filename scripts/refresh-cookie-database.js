// npm run refresh:cookies: vendor the Open Cookie Database (jkwakman/Open-Cookie-Database,
// Apache-2.0) as data/open-cookie-database.json, with its licence beside it, for consentry audit.
// Run it by hand when the database has moved on, and commit what it writes; the audit never
// fetches it at run time.
import { writeFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

const REPOSITORY = 'https://raw.githubusercontent.com/jkwakman/Open-Cookie-Database/master'

/** The database's categories in the audit's: personalization counts with marketing. */
const CATEGORIES = {
  functional: 'functional',
  analytics: 'analytics',
  marketing: 'marketing',
  personalization: 'marketing',
  security: 'security',
}

/** The entries of the database's CSV, as the audit reads them (src/audit/database.ts). */
export const convert = (csv) =>
  parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true })
    .map((row) => ({
      name: row['Cookie / Data Key name'],
      prefix: row['Wildcard match'] == '1',
      platform: row.Platform,
      category: CATEGORIES[String(row.Category).toLowerCase()] ?? 'unknown',
      description: row.Description ?? '',
      retention: row['Retention period'] ?? '',
    }))
    .filter((entry) => entry.name)

const fetchText = async (url) => {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return response.text()
}

if (import.meta.url == `file://${process.argv[1]}`) {
  const entries = convert(await fetchText(`${REPOSITORY}/open-cookie-database.csv`))
  writeFileSync('data/open-cookie-database.json', `${JSON.stringify(entries)}\n`)
  writeFileSync('data/open-cookie-database.LICENSE', await fetchText(`${REPOSITORY}/LICENSE`))
  console.log(`data/open-cookie-database.json: ${entries.length} entries`)
}
