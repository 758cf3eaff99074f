// The demo's playground, as a visitor uses it: the demo server and the system Chromium.
import type { Page } from 'playwright'
import { beforeEach, describe, expect, it } from 'vitest'
import { useDemo } from '../support/demo'
import { LIMITS } from '../support/slowdown'

const demo = useDemo()
let page: Page

beforeEach(async () => {
  page = await demo.page({ width: 1400, height: 1000 })
  await page.goto(`${demo.url}/playground/`)
  await expect.poll(() => page.locator('#status').textContent()).toContain('Valid config')
})

const preview = () => page.frameLocator('#preview')
const bannerTitle = () =>
  preview().locator('[data-consentry]').locator('h2').first().textContent({ timeout: LIMITS.poll })
/** Replace the editor's text, as typing or pasting would. */
const typeConfig = async (text: string) => {
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(text)
}

describe('the playground', () => {
  it('shows an invalid edit by its JSON path, in the status line and in the editor, and keeps the last good preview', async () => {
    await expect.poll(bannerTitle).toBe('We value your privacy')
    const before = await page.locator('#preview').getAttribute('srcdoc')
    await typeConfig(
      JSON.stringify({ revision: 1, categories: { analytics: { services: { ga: { cookies: [42] } } } } }, null, 2),
    )
    await expect
      .poll(() => page.locator('#status').textContent())
      .toContain('categories.analytics.services.ga.cookies[0]: expected string')
    // The validator's diagnostic, placed on the value at that path.
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0)
    expect(await page.locator('.cm-lintRange-error').first().textContent()).toBe('42')
    expect(await page.locator('#preview').getAttribute('srcdoc')).toBe(before)
    expect(await bannerTitle()).toBe('We value your privacy')
  })

  it('writes a picker change into the config and shows it in the preview', async () => {
    await page.locator('#layout').selectOption('box')
    await page.locator('#language').selectOption('de')
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('"layout": "box"')
    expect(await page.locator('.cm-content').textContent()).toContain('"language": "de"')
    await expect.poll(bannerTitle).toBe('Ihre Privatsphäre ist uns wichtig')
    expect(await preview().locator('[data-consentry]').getAttribute('data-layout')).toBe('box')
  })

  it('shows the Global Privacy Control notice in the preview when the signal is on', async () => {
    await page.locator('#gpc').check()
    await expect
      .poll(() => preview().locator('[data-consentry] .gpc').textContent({ timeout: LIMITS.poll }))
      .toContain('Global Privacy Control')
  })

  it("gives a preset's snippet that works pasted into a blank page", async () => {
    await page.locator('#preset').selectOption('crm')
    await expect.poll(() => page.locator('#snippet').textContent()).toContain('"receipts"')
    const snippet = (await page.locator('#snippet').textContent())!.replace(
      'src="/consentry.js"',
      'src="/dist/consentry.js"',
    )
    const blank = await demo.browser.newPage()
    const errors: string[] = []
    blank.on('console', (message) => {
      if (message.type() == 'error') errors.push(message.text())
    })
    blank.on('pageerror', (error) => errors.push(error.message))
    // A page of the demo's origin that holds nothing but the pasted snippet.
    await blank.route(`${demo.url}/pasted.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${snippet}</head><body><p>Blank page</p></body></html>`,
      }),
    )
    // The GA4 recipe's gtag.js is Google's: not fetched in a test.
    await blank.route('https://www.googletagmanager.com/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: '' }),
    )
    await blank.goto(`${demo.url}/pasted.html`)
    await blank.locator('[data-consentry]').getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(() => blank.evaluate(() => (window as any).consentry.isGranted('marketing.youtube'))).toBe(true)
    expect(errors).toEqual([])
    await blank.close()
  })
})
