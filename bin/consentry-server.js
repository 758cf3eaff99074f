#!/usr/bin/env node
// consentry-server migrate [database]: apply the consent database's migrations.
// consentry-server serve [database]: serve the routes on PORT (default 8787), loopback unless HOST says otherwise;
//   with RETENTION_DAYS, it also prunes at start and every PRUNE_EVERY_HOURS (default 24); abuse limits
//   by LIMIT_PER_ADDRESS_PER_MINUTE, LIMIT_PER_CONSENT_ID_PER_HOUR and TRUSTED_PROXIES; /consent/metrics with
//   METRICS_KEY (docs/server.md).
// consentry-server prune [database]: delete the receipts RETENTION_DAYS no longer covers (docs/server.md).
// The database is the argument, else DATABASE_URL, else ./data/consent (embedded PGlite).
import { createConsentServer, migrate, openDatabase, pruneReceipts, serve } from '../dist/server/index.js'

const [command, given] = process.argv.slice(2)
// An empty DATABASE_URL counts as none.
const location = given || process.env.DATABASE_URL || './data/consent'
const list = (value) =>
  (value ?? '')
    .split(',')
    .map((each) => each.trim())
    .filter(Boolean)

/** RETENTION_DAYS as a number, or undefined when unset; a bad value ends the process with one line. */
const retention = () => {
  const text = process.env.RETENTION_DAYS?.trim()
  if (!text) return undefined
  const days = Number(text)
  if (!Number.isInteger(days) || days < 1) {
    console.error(`consentry-server: RETENTION_DAYS: expected a whole number of days, at least 1 (got ${text})`)
    process.exit(2)
  }
  return days
}
/** A whole number above 0 from the environment, or undefined when unset; a bad value ends the process with one line. */
const whole = (name) => {
  const text = process.env[name]?.trim()
  if (!text) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    console.error(`consentry-server: ${name}: expected a whole number above 0 (got ${text})`)
    process.exit(2)
  }
  return value
}
const prune = async (db, days) => {
  const deleted = await pruneReceipts(db, days, new Date())
  console.log(`pruned ${deleted} receipt${deleted == 1 ? '' : 's'} older than the ${days}-day retention period`)
}

if (command == 'prune') {
  const days = retention()
  if (days == null) {
    console.error('consentry-server: prune needs RETENTION_DAYS (the retention period, in days)')
    process.exit(2)
  }
  const db = await openDatabase(location)
  await prune(db, days)
  await db.close()
} else if (command == 'migrate') {
  const db = await openDatabase(location, { migrations: false })
  const applied = await migrate(db)
  console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'the database is up to date')
  await db.close()
} else if (command == 'serve') {
  const days = retention()
  const hours = Number(process.env.PRUNE_EVERY_HOURS || 24)
  // A timer waits at most 2^31 - 1 ms (24.8 days).
  if (!(hours > 0 && hours <= 596)) {
    console.error(
      `consentry-server: PRUNE_EVERY_HOURS: expected a number of hours above 0, at most 596 (got ${process.env.PRUNE_EVERY_HOURS})`,
    )
    process.exit(2)
  }
  const limits = {
    perAddressPerMinute: whole('LIMIT_PER_ADDRESS_PER_MINUTE'),
    perConsentIdPerHour: whole('LIMIT_PER_CONSENT_ID_PER_HOUR'),
    trustedProxies: list(process.env.TRUSTED_PROXIES),
  }
  const db = await openDatabase(location)
  // The lines of one turn of the event loop go out in one write: to a pipe, each write is a
  // system call that waits.
  let pending = ''
  const flush = () => {
    if (!pending) return
    process.stdout.write(pending)
    pending = ''
  }
  const log = (entry) => {
    if (!pending) setImmediate(flush)
    pending += `${JSON.stringify(entry)}\n`
  }
  let server
  try {
    server = createConsentServer({
      db,
      secrets: list(process.env.TOKEN_SECRETS ?? process.env.TOKEN_SECRET),
      origins: list(process.env.ORIGINS),
      apiKey: process.env.CRM_API_KEY ?? '',
      // One line of JSON a request: route pattern, status, duration (never a value of the request).
      onRequest: log,
      limits,
      // Prometheus' scraper, with a key of its own; no metrics route without it.
      metricsKey: process.env.METRICS_KEY || undefined,
    })
  } catch (error) {
    console.error(`consentry-server: ${error.message.replace(/^consentry: /, '')}`)
    await db.close()
    process.exit(2)
  }
  const port = Number(process.env.PORT ?? 8787)
  const http = serve(server, { port, hostname: process.env.HOST ?? '127.0.0.1' })
  console.log(`consentry server on http://${process.env.HOST ?? '127.0.0.1'}:${port}/consent`)
  // SIGTERM (a deploy, an orchestrator) or Ctrl-C: stop taking connections, answer the requests
  // in flight, then close the database.
  const stop = (signal) => {
    flush()
    console.log(`consentry server: ${signal}: answering the requests in flight, then stopping`)
    http.close(async () => {
      await db.close()
      flush()
      console.log('consentry server: stopped')
      process.exit(0)
    })
    http.closeIdleConnections()
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  if (days != null) {
    // A failed run is logged; the next one tries again. The timer does not keep the process alive.
    const run = () => prune(db, days).catch((error) => console.error('consentry-server: prune failed:', error.message))
    run()
    setInterval(run, hours * 3600e3).unref()
  }
} else {
  console.error('usage: consentry-server migrate|serve|prune [database]')
  process.exit(2)
}
