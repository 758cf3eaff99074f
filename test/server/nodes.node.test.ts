// Three consentry-server processes on one PostgreSQL, as behind a load balancer: they migrate a
// fresh database at once, take 20,000 receipts between them, and one is killed (SIGKILL) halfway.
// PostgreSQL only (.ci/run starts one): PGlite belongs to one process.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/server'
import { LIMITS } from '../support/slowdown'

const bin = new URL('../../bin/consentry-server.js', import.meta.url).pathname
const ORIGIN = 'https://www.example.com'
const RECEIPTS = 20_000
const SENDERS = 48
const admin = process.env.DATABASE_URL

describe.runIf(admin)('three server processes on one PostgreSQL', () => {
  const name = `consentry_nodes_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const url = new URL(admin ?? 'postgres://localhost/')
  url.pathname = `/${name}`
  const nodes: { child: ChildProcess; port: number; out: string }[] = []
  let server: Database

  beforeAll(async () => {
    server = await openDatabase(admin!, { migrations: false })
    await server.query(`CREATE DATABASE ${name}`)
  }, LIMITS.hook)
  afterAll(async () => {
    for (const { child } of nodes) child.kill('SIGKILL')
    await Promise.all(
      nodes.map(
        ({ child }) =>
          new Promise((done) =>
            child.exitCode == null && child.signalCode == null ? child.once('exit', done) : done(0),
          ),
      ),
    )
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await server.close()
  }, LIMITS.hook)

  const start = (port: number) => {
    const child = spawn(process.execPath, [bin, 'serve', url.href], {
      env: { ...process.env, TOKEN_SECRET: 's', CRM_API_KEY: 'k', ORIGINS: ORIGIN, PORT: String(port) },
    })
    const node = { child, port, out: '' }
    child.stdout!.on('data', (data) => {
      node.out += data
    })
    child.stderr!.on('data', (data) => {
      node.out += data
    })
    nodes.push(node)
    return node
  }

  it('apply the migrations once when started at once, and lose and repeat no receipt when one is killed', async () => {
    const base = 21000 + Math.floor(Math.random() * 20000)
    const started = [start(base), start(base + 1), start(base + 2)]
    for (const node of started)
      await expect.poll(() => node.out, { timeout: LIMITS.hook }).toContain('consentry server on')
    const db = await openDatabase(url.href, { migrations: false })
    try {
      const versions = await db.query<{ version: number }>('SELECT version FROM consentry_migrations ORDER BY version')
      expect(versions.map(({ version }) => version)).toEqual([1, 2, 3, 4])

      const receipts = Array.from({ length: RECEIPTS }, (_, i) => ({
        receiptId: randomUUID(),
        consentId: randomUUID(),
        revision: 1,
        categories: { essential: true, analytics: i % 2 == 0 },
        services: {},
        source: 'banner',
        gpc: false,
        locale: 'en',
        url: 'https://www.example.com/',
        timestamp: new Date().toISOString(),
      }))
      // One in ten sent twice, as a retry whose first answer was lost; spread over the three.
      const sends = [...receipts, ...receipts.filter((_, i) => i % 10 == 0)]
      const acknowledged = new Set<string>()
      let next = 0
      let done = 0
      let turn = 0
      const killed = started[1]!
      const sender = async () => {
        while (next < sends.length) {
          const receipt = sends[next++]!
          const body = JSON.stringify(receipt)
          // Like a load balancer: the next node in turn, and another one when a node does not answer.
          for (;;) {
            const node = started[turn++ % started.length]!
            try {
              const answer = await fetch(`http://127.0.0.1:${node.port}/consent/receipts`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', origin: ORIGIN },
                body,
              })
              await answer.text()
              if (answer.ok) break
            } catch {
              // Killed, or its connection cut: tried again elsewhere.
            }
          }
          acknowledged.add(receipt.receiptId)
          done++
          if (done == Math.floor(sends.length / 2)) killed.child.kill('SIGKILL')
        }
      }
      const began = performance.now()
      await Promise.all(Array.from({ length: SENDERS }, sender))
      const seconds = (performance.now() - began) / 1000
      expect(
        killed.child.signalCode ??
          (await new Promise((done) => killed.child.once('exit', (_, signal) => done(signal)))),
      ).toBe('SIGKILL')

      const [counts] = await db.query<{ rows: number; distinct: number }>(
        'SELECT count(*)::int AS rows, count(DISTINCT receipt_id)::int AS distinct FROM consentry_receipts',
      )
      const stored = new Set(
        (await db.query<{ id: string }>('SELECT receipt_id::text AS id FROM consentry_receipts')).map(({ id }) => id),
      )
      const lost = receipts.filter(({ receiptId }) => !stored.has(receiptId)).length
      console.log(
        `three nodes, one killed halfway: ${sends.length} sends of ${RECEIPTS} receipts in ${seconds.toFixed(1)} s (${Math.round(sends.length / seconds)}/s); stored ${counts!.rows}, lost ${lost}, stored twice ${counts!.rows - counts!.distinct}`,
      )
      expect(acknowledged.size).toBe(RECEIPTS)
      expect(lost).toBe(0)
      expect(counts).toEqual({ rows: RECEIPTS, distinct: RECEIPTS })
      // The change feed, from a node still up, hands out each of them once.
      const read: string[] = []
      for (let after = ''; ; ) {
        const answer = await fetch(`http://127.0.0.1:${started[0]!.port}/consent/decisions${after}`, {
          headers: { authorization: 'Bearer k' },
        })
        const page = (await answer.json()) as { decisions: { receiptId: string }[]; next: string }
        if (!page.decisions.length) break
        read.push(...page.decisions.map(({ receiptId }) => receiptId))
        after = `?after=${page.next}`
      }
      expect([read.length, new Set(read).size]).toEqual([RECEIPTS, RECEIPTS])
    } finally {
      await db.close()
    }
  }, 600_000)
})
