#!/usr/bin/env node
// consentry-server migrate [database]: apply the consent database's migrations.
// consentry-server serve [database]: serve the routes on PORT (default 8787), loopback unless HOST says otherwise.
// The database is the argument, else DATABASE_URL, else ./data/consent (embedded PGlite).
import { createConsentServer, migrate, openDatabase, serve } from '../dist/server/index.js'

const [command, given] = process.argv.slice(2)
// An empty DATABASE_URL counts as none.
const location = given || process.env.DATABASE_URL || './data/consent'
const list = (value) =>
  (value ?? '')
    .split(',')
    .map((each) => each.trim())
    .filter(Boolean)

if (command == 'migrate') {
  const db = await openDatabase(location, { migrations: false })
  const applied = await migrate(db)
  console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'the database is up to date')
  await db.close()
} else if (command == 'serve') {
  const db = await openDatabase(location)
  const server = createConsentServer({
    db,
    secrets: list(process.env.TOKEN_SECRETS ?? process.env.TOKEN_SECRET),
    origins: list(process.env.ORIGINS),
    apiKey: process.env.CRM_API_KEY ?? '',
  })
  const port = Number(process.env.PORT ?? 8787)
  serve(server, { port, hostname: process.env.HOST ?? '127.0.0.1' })
  console.log(`consentry server on http://${process.env.HOST ?? '127.0.0.1'}:${port}/consent`)
} else {
  console.error('usage: consentry-server migrate|serve [database]')
  process.exit(2)
}
