// `consentry audit` as a site owner runs it (bin/consentry.js, built by npm run build), against a
// site and stand-ins of real trackers on their real host names (test/support/audit-site.ts).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../src/core/config'
import type { PageReport } from '../src/audit/types'
import { startAuditSite } from './support/audit-site'
import { LIMITS } from './support/slowdown'

const BIN = resolve(import.meta.dirname, '../bin/consentry.js')
let site: Awaited<ReturnType<typeof startAuditSite>>
let folder: string

beforeAll(async () => {
  site = await startAuditSite()
  folder = mkdtempSync(join(tmpdir(), 'consentry-audit-'))
})
afterAll(async () => {
  await site?.stop()
  rmSync(folder, { recursive: true, force: true })
})

/** Run the command; its exit code, standard output and error. */
const run = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })

/** Audit pages of the test site; the exit code, the output and the JSON report. */
const audit = async (paths: string[], extra: string[] = []) => {
  const json = join(folder, `report-${Math.random().toString(36).slice(2)}.json`)
  const result = await run([
    'audit',
    ...paths.map((path) => site.page(path)),
    '--chrome-flags',
    site.flags,
    '--json',
    json,
    ...extra,
  ])
  const report = result.code == 2 ? undefined : JSON.parse(readFileSync(json, 'utf8'))
  return { ...result, report }
}
/** A report's findings as `phase kind name category`, sorted. */
const findings = (report: PageReport) =>
  report.findings.map(({ phase, kind, name, category }) => `${phase} ${kind} ${name} ${category}`).sort()

describe('consentry audit', { timeout: 4 * LIMITS.test }, () => {
  it('lists what a page without a consent tool would need to gate', async () => {
    const { code, report, stdout } = await audit(['/none'])
    expect(code).toBe(1)
    expect(report.consentry).toBe(false)
    expect(report.phases.map((phase: { name: string }) => phase.name)).toEqual(['before-consent'])
    expect(findings(report)).toEqual([
      'before-consent cookie _ga analytics',
      'before-consent cookie _ga_TEST analytics',
      'before-consent request www.google-analytics.com analytics',
      'before-consent request www.googletagmanager.com analytics',
    ])
    const tagManager = report.findings.find((finding: { name: string }) => finding.name == 'www.googletagmanager.com')
    expect(tagManager).toMatchObject({
      vendor: 'Google Tag Manager',
      advice:
        'gate the element that loads https://www.googletagmanager.com/gtag/js?id=G-TEST with data-consent="analytics"',
    })
    const collect = report.findings.find((finding: { name: string }) => finding.name == 'www.google-analytics.com')
    expect(collect.advice).toBe(
      'gate the script https://www.googletagmanager.com/gtag/js?id=G-TEST with data-consent="analytics"',
    )
    // The chat widget is functional, and the unknown widget is listed apart, not as a finding.
    const cookies = report.phases[0].cookies.map(({ name, category, vendor }: Record<string, string>) => [
      name,
      category,
      vendor,
    ])
    expect(cookies).toContainEqual(['olfsk', 'functional', 'Olark'])
    expect(cookies).toContainEqual(['hblid', 'functional', 'Olark'])
    expect(report.unclassified).toContainEqual({ phase: 'before-consent', kind: 'cookie', name: 'wdgt_seen' })
    expect(stdout).toContain('4 findings:')
    expect(stdout).toMatch(
      /before-consent +request +www\.googletagmanager\.com +analytics +Google Tag Manager +gate the element/,
    )
  })

  it('finds nothing on a page whose tags are all gated, and sees them after Accept all', async () => {
    const { code, report, stdout } = await audit(['/gated'])
    expect(code).toBe(0)
    expect(report.consentry).toBe(true)
    expect(report.phases.map((phase: { name: string }) => phase.name)).toEqual([
      'before-consent',
      'after-reject',
      'after-accept',
    ])
    expect(report.findings).toEqual([])
    const accepted = report.phases[2]
    const cookie = accepted.cookies.find(({ name }: { name: string }) => name == '_ga')
    // The config's own service first.
    expect(cookie).toMatchObject({ category: 'analytics', vendor: 'Google Analytics', source: 'config' })
    expect(accepted.requests.map(({ host }: { host: string }) => host)).toEqual(
      expect.arrayContaining(['www.googletagmanager.com', 'www.clarity.ms', 'bat.bing.com']),
    )
    expect(stdout).toContain('no findings')
  })

  it('finds a tag left ungated, before consent and after Reject all, and says which element to gate', async () => {
    const { code, report } = await audit(['/ungated'])
    expect(code).toBe(1)
    expect(findings(report)).toEqual(
      ['before-consent', 'after-reject']
        .flatMap((phase) => [
          `${phase} cookie _clck analytics`,
          `${phase} cookie _clsk analytics`,
          `${phase} request www.clarity.ms analytics`,
          `${phase} request x.clarity.ms analytics`,
        ])
        .sort(),
    )
    const tag = report.findings.find(
      (finding: { phase: string; name: string }) =>
        finding.phase == 'before-consent' && finding.name == 'www.clarity.ms',
    )
    expect(tag).toMatchObject({
      vendor: 'Microsoft Clarity',
      advice: 'gate the element that loads https://www.clarity.ms/tag/test with data-consent="analytics"',
    })
    const cookie = report.findings.find(
      (finding: { phase: string; name: string }) => finding.phase == 'after-reject' && finding.name == '_clck',
    )
    expect(cookie.advice).toMatch(/so that Reject all deletes it$/)
  })

  it('finds a pixel gated as essential: it loads whatever the visitor decides', async () => {
    const { code, report } = await audit(['/essential-pixel'])
    expect(code).toBe(1)
    expect(findings(report)).toEqual([
      'after-reject request bat.bing.com marketing',
      'before-consent request bat.bing.com marketing',
    ])
    expect(report.findings[0]).toMatchObject({ vendor: 'Microsoft Advertising (UET)' })
  })

  it('finds a tag that loads on any decision, a reject included', async () => {
    const { code, report } = await audit(['/any-decision'])
    expect(code).toBe(1)
    expect(findings(report)).toEqual([
      'after-reject cookie fs_uid analytics',
      'after-reject request edge.fullstory.com analytics',
      'after-reject request rs.fullstory.com analytics',
    ])
  })

  it('audits several pages in one browser, and follows same-site links with --crawl', async () => {
    const { code, report } = await audit(['/gated'], ['--crawl', '1'])
    expect(code).toBe(0)
    expect(report.map((page: { url: string }) => new URL(page.url).pathname)).toEqual(['/gated', '/about'])
  })

  it('drafts a config from what runs after Accept all, which parseConfig accepts', async () => {
    const suggest = join(folder, 'suggested.json')
    const { code } = await audit(['/none'], ['--suggest', suggest])
    expect(code).toBe(1)
    const config = JSON.parse(readFileSync(suggest, 'utf8'))
    expect(() => parseConfig(config)).not.toThrow()
    expect(config.googleConsentMode).toBe(true)
    expect(config.categories.analytics.services['google-analytics'].cookies).toEqual([
      { name: '_ga', purpose: 'Tells visits and visitors apart for usage statistics' },
      { name: '_ga_*', match: '/^_ga_/', purpose: 'Tells visits and visitors apart for usage statistics' },
    ])
    expect(Object.keys(config.categories.functional.services)).toEqual(['olark'])
  })

  it.each([
    ['not a URL', ['audit', 'shop'], 'consentry audit: not a URL: shop'],
    ['no URL', ['audit'], 'consentry audit: no URL given'],
    ['an unknown command', ['scan', 'https://www.shop.test/'], 'consentry audit: unknown command: scan'],
    ['an unknown option', ['audit', 'https://www.shop.test/', '--fast'], "consentry audit: Unknown option '--fast'"],
  ])('exits with 2 and one line for %s', async (_, args, message) => {
    const { code, stdout, stderr } = await run(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')[0]).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('exits with 2 and one line when Chromium cannot start', async () => {
    const { code, stderr } = await run(['audit', site.page('/none')], { CHROMIUM_PATH: '/nonexistent/chromium' })
    expect(code).toBe(2)
    expect(stderr.trim()).toMatch(/^consentry audit: Chromium did not start \(\/nonexistent\/chromium\): /)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it('exits with 2 and one line when the host cannot be reached', async () => {
    const { code, stderr } = await run(['audit', 'https://unreachable.invalid/', '--chrome-flags', site.flags])
    expect(code).toBe(2)
    expect(stderr.trim()).toMatch(
      /^consentry audit: could not load https:\/\/unreachable\.invalid\/: net::ERR_NAME_NOT_RESOLVED/,
    )
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })
})
