// consentry-server prune, as an operator runs it: the built command on an embedded database.
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LIMITS } from '../support/slowdown'

const bin = new URL('../../bin/consentry-server.js', import.meta.url).pathname
const folder = mkdtempSync(join(tmpdir(), 'consentry-prune-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const run = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; out: string; err: string }>((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, DATABASE_URL: '', ...env } },
      (error, out, err) => done({ code: error ? Number(error.code) : 0, out, err }),
    )
  })

describe('consentry-server prune', () => {
  it('deletes what the retention period no longer covers, and says how many', async () => {
    const result = await run(['prune', folder], { RETENTION_DAYS: '1095' })
    expect(result).toMatchObject({ code: 0, out: 'pruned 0 receipts older than the 1095-day retention period\n' })
  })

  it.each([
    [{}, 'consentry-server: prune needs RETENTION_DAYS (the retention period, in days)'],
    [
      { RETENTION_DAYS: 'three years' },
      'consentry-server: RETENTION_DAYS: expected a whole number of days, at least 1 (got three years)',
    ],
    [{ RETENTION_DAYS: '0' }, 'consentry-server: RETENTION_DAYS: expected a whole number of days, at least 1 (got 0)'],
  ])('refuses to run without a sound RETENTION_DAYS (%j), with one line and exit code 2', async (env, line) => {
    const result = await run(['prune', folder], env)
    expect(result).toEqual({ code: 2, out: '', err: `${line}\n` })
  })
})

describe('consentry-server serve', () => {
  it('refuses an abuse limit that is not a whole number, with one line and exit code 2', async () => {
    const served = mkdtempSync(join(tmpdir(), 'consentry-serve-'))
    try {
      const result = await run(['serve', served], {
        TOKEN_SECRET: 's',
        CRM_API_KEY: 'k',
        ORIGINS: 'https://a.test',
        LIMIT_PER_CONSENT_ID_PER_HOUR: 'lots',
      })
      expect(result).toEqual({
        code: 2,
        out: '',
        err: 'consentry-server: LIMIT_PER_CONSENT_ID_PER_HOUR: expected a whole number above 0 (got lots)\n',
      })
    } finally {
      rmSync(served, { recursive: true, force: true })
    }
  })

  it('logs one line of JSON a request, and stops cleanly on SIGTERM, the database closed', async () => {
    const served = mkdtempSync(join(tmpdir(), 'consentry-serve-'))
    const port = 20000 + Math.floor(Math.random() * 20000)
    const child = spawn(process.execPath, [bin, 'serve', served], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        TOKEN_SECRET: 's',
        CRM_API_KEY: 'k',
        ORIGINS: 'https://a.test',
        PORT: String(port),
        LIMIT_PER_ADDRESS_PER_MINUTE: '2',
      },
    })
    let out = ''
    child.stdout.on('data', (data) => (out += data))
    const exited = new Promise<number | null>((done) => child.on('exit', done))
    try {
      await expect.poll(() => out, { timeout: LIMITS.hook }).toContain('consentry server on')
      expect((await fetch(`http://127.0.0.1:${port}/consent/subjects/contact-42`)).status).toBe(401)
      await expect.poll(() => out).toContain('"route":"/consent/subjects/*"')
      const line = out.split('\n').find((each) => each.startsWith('{'))!
      expect(JSON.parse(line)).toEqual({
        time: expect.any(String),
        method: 'GET',
        route: '/consent/subjects/*',
        status: 401,
        ms: expect.any(Number),
      })
      expect(out).not.toContain('contact-42')
      // The limit counts this client by its socket's address; a minute may turn between two sends.
      const statuses: number[] = []
      for (let i = 0; i < 6 && !statuses.includes(429); i++) {
        const answer = await fetch(`http://127.0.0.1:${port}/consent/receipts`, { method: 'POST', body: '{}' })
        statuses.push(answer.status)
        if (answer.status == 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
      }
      expect(statuses.slice(0, 2)).toEqual([400, 400])
      expect(statuses).toContain(429)
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(out).toContain('consentry server: stopped')
      // Every request's line written, each before the lines of the stop.
      const lines = out.split('\n')
      const requests = lines.filter((each) => each.startsWith('{'))
      expect(requests).toHaveLength(1 + statuses.length)
      expect(lines.indexOf(requests.at(-1)!)).toBeLessThan(lines.findIndex((each) => each.includes('SIGTERM')))
    } finally {
      child.kill('SIGKILL')
      rmSync(served, { recursive: true, force: true })
    }
  })
})
