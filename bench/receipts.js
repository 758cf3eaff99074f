// npm run bench:receipts: a storm of receipts against consentry/server on loopback, twice on each
// database: once with the server up throughout (its throughput, against a plain INSERT loop on the
// same kind of database), and once with the server killed (SIGKILL) mid-run and restarted, as a
// browser outbox would live through it: every sender retries until it gets a 2xx. On PGlite, and on
// PostgreSQL too when DATABASE_URL is set. Prints receipts/s, p50/p99 latency, lost and
// stored-twice counts. Bounded: BENCH_RECEIPTS receipts (default 20,000), BENCH_SENDERS (50),
// BENCH_SECONDS (300) a run.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../dist/server/index.js'

const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 20_000)
const SENDERS = Number(process.env.BENCH_SENDERS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 300)
const ORIGIN = 'http://bench.localhost'
const bin = new URL('../bin/consentry-server.js', import.meta.url).pathname

const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => done(port))
    })
  })

const start = (database, port) =>
  new Promise((ready, failed) => {
    const child = spawn(process.execPath, [bin, 'serve', database], {
      env: {
        ...process.env,
        TOKEN_SECRET: 'bench-secret',
        CRM_API_KEY: 'bench-key',
        ORIGINS: ORIGIN,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.stdout.on('data', (line) => {
      if (String(line).includes('consentry server on')) ready(child)
    })
    child.on('exit', (code) => failed(new Error(`server exited with ${code}`)))
  })

const receipt = (i) => ({
  receiptId: randomUUID(),
  consentId: randomUUID(),
  revision: 1,
  categories: { essential: true, analytics: i % 2 == 0, 'click-tracking': i % 3 == 0 },
  services: {},
  source: 'banner',
  gpc: false,
  locale: 'en',
  url: 'https://www.example.com/',
  timestamp: new Date().toISOString(),
})

// The senders share this machine's cores with the server: Node's http with kept-alive connections
// costs them a third of the CPU that fetch does (measured: 0.17 against 0.59 ms a request), so the
// figure is the server's, not the load generator's. Browsers send from machines of their own.
const agent = new Agent({ keepAlive: true, maxSockets: SENDERS })
const post = (port, body) =>
  new Promise((done, failed) => {
    const sending = request(
      {
        host: '127.0.0.1',
        port,
        path: '/consent/receipts',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume()
        response.on('end', () => done(response.statusCode))
        response.on('error', failed)
      },
    )
    sending.on('error', failed)
    sending.end(body)
  })

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0

const storm = async (label, database, kill) => {
  const port = await freePort()
  let server = await start(database, port)
  const receipts = Array.from({ length: RECEIPTS }, (_, i) => receipt(i))
  // 10 % of them sent twice, as retries whose first answer was lost.
  const sends = [...receipts, ...receipts.filter((_, i) => i % 10 == 0)].sort(() => Math.random() - 0.5)
  const latencies = []
  const acknowledged = new Set()
  let next = 0
  let done = 0
  let killed = false
  let downSeconds = 0
  const deadline = Date.now() + SECONDS * 1000
  const sender = async () => {
    while (next < sends.length && Date.now() < deadline) {
      const { receiptId: id } = sends[next]
      const body = JSON.stringify(sends[next++])
      for (;;) {
        const began = performance.now()
        try {
          const status = await post(port, body)
          if (status >= 200 && status < 300) {
            latencies.push(performance.now() - began)
            acknowledged.add(id)
            break
          }
        } catch {
          // The server is down: the outbox tries again.
        }
        if (Date.now() > deadline) return
        await new Promise((wait) => setTimeout(wait, 50))
      }
      done++
      if (kill && !killed && done >= sends.length / 2) {
        killed = true
        server.removeAllListeners('exit')
        const killedAt = performance.now()
        server.kill('SIGKILL')
        server = await start(database, port)
        downSeconds = (performance.now() - killedAt) / 1000
      }
    }
  }
  const began = performance.now()
  await Promise.all(Array.from({ length: SENDERS }, sender))
  const seconds = (performance.now() - began) / 1000
  server.removeAllListeners('exit')
  server.kill('SIGTERM')
  await new Promise((wait) => server.once('exit', wait))

  const db = await openDatabase(database)
  const [{ rows, distinct }] = await db.query(
    'SELECT count(*)::int AS rows, count(DISTINCT receipt_id)::int AS distinct FROM consentry_receipts',
  )
  const stored = new Set((await db.query('SELECT receipt_id::text AS id FROM consentry_receipts')).map((row) => row.id))
  await db.close()
  const lost = [...acknowledged].filter((id) => !stored.has(id)).length
  latencies.sort((a, b) => a - b)
  return {
    label,
    sent: done,
    acknowledged: acknowledged.size,
    stored: rows,
    receiptsPerSecond: Math.round(done / seconds),
    kill,
    downSeconds,
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
    lost,
    storedTwice: rows - distinct,
    complete: done == sends.length,
  }
}

/** Plain single-row INSERTs in one process: the database's own rate, as the limit to compare with. */
const insertLoop = async (database, count = 5000) => {
  const db = await openDatabase(database)
  await db.query('CREATE TABLE IF NOT EXISTS bench_plain (id uuid PRIMARY KEY, body jsonb NOT NULL)')
  await db.query('TRUNCATE bench_plain')
  const began = performance.now()
  for (let i = 0; i < count; i++)
    await db.query('INSERT INTO bench_plain VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      randomUUID(),
      JSON.stringify(receipt(i)),
    ])
  const rate = Math.round(count / ((performance.now() - began) / 1000))
  await db.query('DROP TABLE bench_plain')
  await db.close()
  return rate
}

const folders = []
const pglite = () => {
  const folder = mkdtempSync(join(tmpdir(), 'consentry-bench-'))
  folders.push(folder)
  return folder
}
const results = []
try {
  const loop = await insertLoop(pglite())
  for (const kill of [false, true]) results.push({ ...(await storm('PGlite', pglite(), kill)), insertLoop: loop })
  if (process.env.DATABASE_URL) {
    const loop = await insertLoop(process.env.DATABASE_URL)
    for (const kill of [false, true]) {
      const db = await openDatabase(process.env.DATABASE_URL)
      await db.query('TRUNCATE consentry_latest, consentry_receipts')
      await db.close()
      results.push({ ...(await storm('PostgreSQL', process.env.DATABASE_URL, kill)), insertLoop: loop })
    }
  }
} finally {
  agent.destroy()
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
}
console.log(`\n${RECEIPTS} receipts (10 % sent twice) from ${SENDERS} concurrent senders\n`)
console.log(
  '| database | run | receipts/s | restart s | p50 ms | p99 ms | acknowledged | stored | lost | stored twice | plain INSERT loop/s | ÷ loop |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const r of results) {
  const ratio = r.receiptsPerSecond / r.insertLoop
  // The goal (≥ 0.7× the loop) is the server's throughput: the run it is up throughout.
  let goal = ratio >= 0.7 ? ' (goal ≥ 0.7: met)' : ' (goal ≥ 0.7: not met)'
  if (r.kill) goal = ''
  const run = r.kill ? 'SIGKILL mid-run' : 'up throughout'
  const restart = r.kill ? r.downSeconds.toFixed(1) : '–'
  console.log(
    `| ${r.label} | ${run} | ${r.receiptsPerSecond} | ${restart} | ${r.p50} | ${r.p99} | ${r.acknowledged} | ${r.stored} | ${r.lost} | ${r.storedTwice} | ${r.insertLoop} | ${ratio.toFixed(2)}${goal} |`,
  )
  if (!r.complete) console.log(`  ${r.label}: stopped at the ${SECONDS} s bound before every send was acknowledged`)
}
