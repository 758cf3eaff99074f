// npm run bench:export: GET /consent/receipts/export of a million receipts over HTTP on loopback,
// as JSON lines, with the process's resident memory sampled throughout: the server reads them in
// batches, as the client takes them, so memory should stay flat. PGlite, then PostgreSQL when
// DATABASE_URL is set; BENCH_EXPORT_ROWS changes the count.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConsentServer, openDatabase, serve } from '../dist/server/index.js'

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000)
const KEY = 'bench-key'
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`

const run = async (label, location) => {
  const db = await openDatabase(location)
  await db.query('TRUNCATE consentry_latest, consentry_receipts')
  await db.query(
    `INSERT INTO consentry_receipts (receipt_id, consent_id, subject, revision, categories, services, source, gpc, locale, url, stated_at, decided_at)
     SELECT gen_random_uuid(), gen_random_uuid(), 'contact-' || n, 1, '{"essential": true, "click-tracking": false}', '{}',
       'email-link', false, 'en', 'https://www.example.com/', t, t
     FROM generate_series(1, $1::int) AS n, LATERAL (SELECT timestamptz '2026-06-01' + n * interval '1 second' AS t) AS at`,
    [ROWS],
  )
  const app = createConsentServer({ db, secrets: ['bench-secret'], origins: ['http://bench.localhost'], apiKey: KEY })
  const server = serve(app, { port: 0 })
  await new Promise((ready) => server.once('listening', ready))
  globalThis.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const began = performance.now()
  const response = await fetch(
    `http://127.0.0.1:${server.address().port}/consent/receipts/export?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&format=jsonl`,
    { headers: { authorization: `Bearer ${KEY}` } },
  )
  let lines = 0
  let bytes = 0
  for await (const chunk of response.body) {
    bytes += chunk.length
    for (const byte of chunk) if (byte == 10) lines++
  }
  const seconds = (performance.now() - began) / 1000
  clearInterval(sampler)
  server.close()
  await db.close()
  console.log(
    `${label}: ${lines.toLocaleString('en')} receipts exported (${mb(bytes)}) in ${seconds.toFixed(1)} s; ` +
      `resident memory ${mb(before)} before, ${mb(peak)} at its peak (+${mb(peak - before)})`,
  )
}

const folder = mkdtempSync(join(tmpdir(), 'consentry-export-'))
try {
  await run('PGlite', folder)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
if (process.env.DATABASE_URL) await run('PostgreSQL', process.env.DATABASE_URL)
