// consentry-server prune, as an operator runs it: the built command on an embedded database.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

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
