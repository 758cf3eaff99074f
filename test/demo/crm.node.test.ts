// The demo's CRM frontend and its email preferences flow, as users meet them: the demo server
// (consentry/server over an in-memory database) and the system Chromium.
import type { Page } from 'playwright'
import { beforeEach, describe, expect, it } from 'vitest'
import { useDemo } from '../support/demo'
import { LIMITS, scaled } from '../support/slowdown'

const demo = useDemo()
let page: Page

beforeEach(async () => {
  page = await demo.page()
})

const ui = () => page.locator('[data-consentry]')
const counter = (name: string) => page.evaluate((key) => (window as any)[key] ?? 0, name)
const nav = (name: string) => page.getByRole('navigation', { name: 'CRM' }).getByRole('link', { name, exact: true })

describe('the CRM frontend', () => {
  it('keeps one instance and one banner across client-side routes, and loads analytics once, after consent', async () => {
    await page.goto(`${demo.url}/crm/`)
    await ui().getByRole('button', { name: 'Accept all', exact: true }).waitFor()
    await page.waitForTimeout(scaled(300))
    expect(await counter('crmAnalyticsLoads')).toBe(0)
    await expect.poll(() => page.locator('#analytics').textContent()).toContain('not loaded')
    for (const name of ['Contacts', 'Privacy settings', 'Dashboard', 'Privacy settings']) {
      await nav(name).click()
      expect(await ui().count()).toBe(1)
    }
    await page.goBack()
    expect(await counter('crmInstances')).toBe(1)
    await ui().getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(() => counter('crmAnalyticsLoads')).toBe(1)
    await nav('Dashboard').click()
    await expect.poll(() => page.locator('#analytics').textContent()).toBe('loaded')
    await nav('Contacts').click()
    await nav('Dashboard').click()
    expect(await counter('crmAnalyticsLoads')).toBe(1)
    expect(await counter('crmInstances')).toBe(1)
    expect(await ui().count()).toBe(1)
  })

  it('has settings toggles that follow the store both ways: banner → toggles → preferences', async () => {
    await page.goto(`${demo.url}/crm/settings`)
    const analytics = page.getByRole('checkbox', { name: 'Product analytics' })
    expect(await analytics.isChecked()).toBe(false)
    await ui().getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(() => analytics.isChecked()).toBe(true)
    expect(await page.getByRole('checkbox', { name: 'Marketing' }).isChecked()).toBe(true)
    await analytics.uncheck()
    // The analytics stand-in loads as a module once granted: it may still be on its way.
    await expect.poll(() => page.evaluate(() => (window as any).crmAnalyticsLoads)).toBe(1)
    await page.getByRole('button', { name: 'Open the preferences' }).click()
    const dialog = ui().getByRole('dialog', { name: 'Privacy preferences' })
    await expect
      .poll(() => dialog.getByRole('switch', { name: 'Product analytics', exact: true }).getAttribute('aria-checked'))
      .toBe('false')
    await dialog.getByRole('switch', { name: 'Product analytics', exact: true }).click()
    await dialog.getByRole('button', { name: 'Save preferences' }).click()
    await expect.poll(() => analytics.isChecked()).toBe(true)
    expect(await page.locator('#decided').textContent()).toBe('yes')
  })
})

// Several page loads each, on a demo server the rest of the suite shares the machine with.
describe('the email preferences flow', { timeout: 2 * LIMITS.test }, () => {
  const status = () => page.locator('#click-tracking').textContent()

  it('opens the preferences from the email link, stores the choice for the contact, and the redirector tracks only then', async () => {
    await page.goto(`${demo.url}/crm/contacts/ada`)
    await expect.poll(status).toBe('no decision yet')
    // Not allowed yet: the email's link points straight at its page.
    expect(await page.locator('#email-link').getAttribute('href')).toBe('/site/#pricing')
    await page.locator('#manage').click()
    const dialog = ui().getByRole('dialog', { name: 'Privacy preferences' })
    await dialog.waitFor()
    // Opened from the email: click tracking first.
    expect(await dialog.locator('.category h3').first().textContent()).toBe('Email click tracking')
    expect(new URL(page.url()).searchParams.has('ctk')).toBe(false)
    await dialog.getByRole('switch', { name: 'Email click tracking', exact: true }).click()
    // The CRM learns the choice once the receipt is stored: wait for it, not for a fixed time.
    const stored = page.waitForResponse((response) => response.url().endsWith('/consent/receipts'))
    await dialog.getByRole('button', { name: 'Save preferences' }).click()
    expect((await stored).ok()).toBe(true)
    await page.goto(`${demo.url}/crm/contacts/ada`)
    await expect.poll(status, { timeout: scaled(10_000) }).toMatch(/^granted \(stored /)
    expect(await page.locator('#email-link').getAttribute('href')).toBe('/crm/r?contact=ada&to=%2Fsite%2F%23pricing')
    await page.locator('#email-link').click()
    await expect.poll(() => page.url()).toBe(`${demo.url}/site/#pricing`)
    await page.goto(`${demo.url}/crm/contacts/ada`)
    await expect.poll(() => page.locator('#clicks li').count()).toBe(1)
  })

  it('sends a recipient who declined straight to the page, and records nothing', async () => {
    await page.goto(`${demo.url}/crm/contacts/grace`)
    await page.locator('#manage').click()
    const dialog = ui().getByRole('dialog', { name: 'Privacy preferences' })
    await dialog.waitFor()
    const stored = page.waitForResponse((response) => response.url().endsWith('/consent/receipts'))
    await dialog.getByRole('button', { name: 'Reject all', exact: true }).click()
    expect((await stored).ok()).toBe(true)
    await page.goto(`${demo.url}/crm/contacts/grace`)
    await expect.poll(status, { timeout: scaled(10_000) }).toMatch(/^declined \(stored /)
    expect(await page.locator('#email-link').getAttribute('href')).toBe('/site/#pricing')
    // Even a tracked link of an older email goes straight through, untracked.
    const answer = await page.request.get(`${demo.url}/crm/r?contact=grace&to=%2Fsite%2F`, { maxRedirects: 0 })
    expect(answer.status()).toBe(302)
    expect(answer.headers().location).toBe('/site/')
    await page.reload()
    await expect.poll(() => page.locator('#clicks').textContent()).toBe('None.')
  })

  it('redirects only to its own pages', async () => {
    const answer = await page.request.get(`${demo.url}/crm/r?contact=ada&to=https%3A%2F%2Fevil.example%2F`, {
      maxRedirects: 0,
    })
    expect(answer.headers().location).toBe('/')
  })
})
