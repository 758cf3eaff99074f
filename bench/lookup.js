// npm run bench:lookup: the CRM's bulk read, POST /consent/subjects/lookup, over HTTP on loopback:
// 100,000 subject ids in pages of 10,000 (the route's limit), half of them with a decision stored.
// Once with PGlite, and once with PostgreSQL when DATABASE_URL is set. Prints the total time and
// each page's; BENCH_LOOKUP_SUBJECTS changes the count.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConsentServer, openDatabase, serve } from '../dist/server/index.js'

const SUBJECTS = Number(process.env.BENCH_LOOKUP_SUBJECTS ?? 100_000)
const PAGE = 10_000
const KEY = 'bench-key'

// Every other subject has a decision: a receipt and its row in consentry_latest, written in bulk.
const seed = async (db) => {
  await db.query('TRUNCATE consentry_latest, consentry_receipts')
  await db.query(
    `INSERT INTO consentry_receipts (receipt_id, consent_id, subject, revision, categories, services, source, gpc, locale, url, stated_at, decided_at)
     SELECT gen_random_uuid(), gen_random_uuid(), 'contact-' || n, 1,
       jsonb_build_object('essential', true, 'click-tracking', n % 4 = 0), '{}', 'email-link', false, 'en',
       'https://www.example.com/', now(), now()
     FROM generate_series(0, $1::int - 1, 2) AS n`,
    [SUBJECTS],
  )
  await db.query(
    `INSERT INTO consentry_latest (kind, id, receipt_id, consent_id, stated_at, decided_at, revision, categories, services)
     SELECT 'subject', subject, receipt_id, consent_id, stated_at, decided_at, revision, categories, services
     FROM consentry_receipts`,
  )
  await db.query('ANALYZE')
}

const run = async (label, location) => {
  const db = await openDatabase(location)
  await seed(db)
  const app = createConsentServer({ db, secrets: ['bench-secret'], origins: ['http://bench.localhost'], apiKey: KEY })
  const server = serve(app, { port: 0 })
  await new Promise((ready) => server.once('listening', ready))
  const url = `http://127.0.0.1:${server.address().port}/consent/subjects/lookup`
  const ask = async (from) => {
    const subjects = Array.from({ length: Math.min(PAGE, SUBJECTS - from) }, (_, i) => `contact-${from + i}`)
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ subjects }),
    })
    if (!response.ok) throw new Error(`lookup: ${response.status} ${await response.text()}`)
    return (await response.json()).decisions.filter(Boolean).length
  }
  await ask(0) // warm-up: the first query plans, the first connection opens
  const pages = []
  let found = 0
  const began = performance.now()
  for (let from = 0; from < SUBJECTS; from += PAGE) {
    const start = performance.now()
    found += await ask(from)
    pages.push(performance.now() - start)
  }
  const total = performance.now() - began
  server.close()
  await db.close()
  console.log(
    `${label}: ${SUBJECTS.toLocaleString('en')} subjects in ${pages.length} pages of ${PAGE.toLocaleString('en')}: ` +
      `${total.toFixed(0)} ms in total (goal: under 2,000 ms), pages ${Math.min(...pages).toFixed(0)}–${Math.max(...pages).toFixed(0)} ms, ` +
      `${found.toLocaleString('en')} decisions found`,
  )
}

const folder = mkdtempSync(join(tmpdir(), 'consentry-lookup-'))
try {
  await run('PGlite', folder)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
if (process.env.DATABASE_URL) await run('PostgreSQL', process.env.DATABASE_URL)
