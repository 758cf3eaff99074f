// The demo's marketing site, as a visitor meets it: the demo server and the system Chromium.
import { spawn } from 'node:child_process'
import type { Page } from 'playwright'
import { beforeEach, describe, expect, it } from 'vitest'
import { useDemo } from '../support/demo'
import { LIMITS, scaled } from '../support/slowdown'

const demo = useDemo()
let page: Page

beforeEach(async () => {
  page = await demo.page()
  await page.request.delete(`${demo.url}/site/api/requests`)
})

const serverLog = async () =>
  ((await (await page.request.get(`${demo.url}/site/api/requests`)).json()) as { path: string }[]).map(
    ({ path }) => path,
  )
const panel = (id: string) => page.locator(`#${id} li`).allTextContents()
const banner = () => page.locator('[data-consentry]').first()
const GATED = ['/site/tags/gtm.js', '/site/tags/fullstory.js', '/site/tags/uet.js', '/site/tags/youtube.html']

describe('the marketing site', () => {
  it('is linked from the demo index', async () => {
    await page.goto(`${demo.url}/`)
    await page.getByRole('link', { name: 'Marketing site' }).click()
    await expect.poll(() => page.url()).toBe(`${demo.url}/site/`)
  })

  it("carries the README's tags: the hint names the UI chunk the core loads, fetched once, beside the core", async () => {
    const fetched: string[] = []
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (path.startsWith('/dist/consentry')) fetched.push(path)
    })
    await page.goto(`${demo.url}/site/`)
    await banner().getByRole('button', { name: 'Accept all', exact: true }).waitFor()
    const hint = await page.locator('link[rel="modulepreload"]').getAttribute('href')
    expect(hint).toMatch(/^\/dist\/consentry-ui\.[\w-]{8}\.js$/)
    expect(fetched.slice(0, 2).sort()).toEqual(['/dist/consentry.js', hint].sort())
    expect(fetched.filter((path) => path == hint)).toHaveLength(1)
  })

  it('requests and runs nothing gated before consent; ungated gtag.js finds every signal denied', async () => {
    await page.goto(`${demo.url}/site/`)
    await banner().getByRole('button', { name: 'Accept all', exact: true }).waitFor()
    await page.waitForTimeout(scaled(1000))
    expect(await serverLog()).toEqual(['/site/tags/gtag.js'])
    // gtag.js is async: it may run before the panel's script, which must list it all the same.
    await expect.poll(() => panel('ran')).toHaveLength(1)
    expect((await panel('ran'))[0]).toMatch(/^gtag\.js \(ungated, Consent Mode\) at \d+ ms: default$/)
    expect(await panel('consent-mode')).toEqual([
      'default: functionality_storage, personalization_storage, security_storage granted',
    ])
    expect(await page.locator('iframe[title="Product video"]').getAttribute('src')).toBeNull()
    // The embed's placeholder stands in its place.
    await expect.poll(() => page.locator('[data-consentry-placeholder]').count()).toBe(1)
  })

  it('runs every stand-in after Accept all, and its panel lists exactly the requests the server saw', async () => {
    await page.goto(`${demo.url}/site/`)
    await banner().getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(async () => [...(await serverLog())].sort()).toEqual(['/site/tags/gtag.js', ...GATED].sort())
    await expect.poll(() => panel('ran')).toHaveLength(4)
    const ran = (await panel('ran')).join('\n')
    for (const name of ['Google Tag Manager container', 'FullStory session replay', 'Microsoft UET'])
      expect(ran).toContain(name)
    await expect.poll(() => panel('requests')).toEqual(await serverLog())
    await expect
      .poll(() => panel('consent-mode'))
      .toEqual([
        'default: functionality_storage, personalization_storage, security_storage granted',
        'update: ad_storage, ad_user_data, ad_personalization, analytics_storage, functionality_storage, personalization_storage, security_storage granted',
      ])
    expect(await page.locator('iframe[title="Product video"]').getAttribute('src')).toBe('/site/tags/youtube.html')
  })

  it("loads just the embed from its placeholder's button", async () => {
    await page.goto(`${demo.url}/site/`)
    await page.locator('[data-consentry-placeholder]').getByRole('button', { name: 'Load YouTube' }).click()
    await expect
      .poll(() => page.locator('iframe[title="Product video"]').getAttribute('src'))
      .toBe('/site/tags/youtube.html')
    expect(await page.evaluate(() => (window as any).consentry.isGranted('marketing.youtube'))).toBe(true)
    expect(await page.evaluate(() => (window as any).consentry.isGranted('marketing.uet'))).toBe(false)
    expect(await serverLog()).toEqual(['/site/tags/gtag.js', '/site/tags/youtube.html'])
  })

  it(
    'passes its own consentry audit: nothing tracks before consent or after Reject all',
    async () => {
      const child = spawn(process.execPath, ['bin/consentry.js', 'audit', `${demo.url}/site/`, '--wait', '1500'])
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      const code = await new Promise((done) => child.on('close', done))
      expect(output).toContain('no findings')
      expect(code).toBe(0)
    },
    4 * LIMITS.test,
  )
})
