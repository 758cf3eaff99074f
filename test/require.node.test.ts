// require('consentry') from CommonJS, as Node resolves it for a dependant: by name, through the
// package's exports (a package may require itself by its own name), into the built ES modules.
// Node 20.19+ and 22.12+ load those through require(esm); older versions refuse with their own
// error, which names the fix.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { siteConfig } from './support/configs'

const require = createRequire(import.meta.url)
const built = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url))
const root = fileURLToPath(new URL('..', import.meta.url))

describe('require() of the package', () => {
  it('resolves each entry through the exports to the built files', () => {
    expect(require.resolve('consentry')).toBe(built('npm/index.js'))
    expect(require.resolve('consentry/ui')).toBe(built('npm/ui.js'))
    expect(require.resolve('consentry/server')).toBe(built('server/index.js'))
  })

  it('loads the npm entry, whose instance works', async () => {
    const { createConsentry }: typeof import('../src/index') = require('consentry')
    const consent = createConsentry(siteConfig)
    expect(consent.isGranted('analytics')).toBe(false)
    consent.acceptAll()
    expect(consent.isGranted('analytics')).toBe(true)
    consent.reset()
    await new Promise((done) => setTimeout(done))
  })

  it('loads consentry/ui and consentry/server', () => {
    const { mount }: typeof import('../src/ui') = require('consentry/ui')
    expect(typeof mount).toBe('function')
    const server: typeof import('../src/server') = require('consentry/server')
    const token = server.signRecipientToken(
      { subject: 'ann@example.com', expiresAt: new Date(Date.now() + 60_000) },
      'secret',
    )
    expect(server.verifyRecipientToken(token, 'secret')?.subject).toBe('ann@example.com')
  })

  it('fails with a message that names dynamic import() where Node cannot require ES modules', () => {
    const result = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', "require('consentry')"], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('ERR_REQUIRE_ESM')
    expect(result.stderr).toContain('dynamic import()')
  })
})
