// Shared set-up of the UI tests: instances in the test document, cleaned up after each test.
import { afterEach, beforeEach, expect } from 'vitest'
import { commands, page } from 'vitest/browser'
import { createConsentry } from '../../src/create-consentry'
import type { Consentry, ConsentryConfig } from '../../src/core/types'
import { clearCookies, closeFrames } from './browser'
import { siteConfig } from './configs'

const instances: Consentry[] = []

beforeEach(clearCookies)
afterEach(async () => {
  for (const consent of instances.splice(0)) consent.destroy()
  closeFrames()
  document.documentElement.lang = 'en'
  history.replaceState(null, '', location.pathname)
  await commands.emulateMedia({ colorScheme: null, reducedMotion: null })
})

/** The site config with a policy URL, and the given changes. */
export const uiConfig = (changes: Partial<ConsentryConfig> = {}): ConsentryConfig => ({
  ...siteConfig,
  policyUrl: '/privacy',
  ...changes,
})

/** An instance in this document; resolves once the UI has rendered something. */
export const showUi = async (config: ConsentryConfig = uiConfig()) => {
  const consent = createConsentry(config)
  instances.push(consent)
  await expect.poll(() => ui()?.querySelector('.root')).toBeTruthy()
  return consent
}

/** The shadow root the UI renders into. */
export const ui = () => document.querySelector('[data-consentry]')?.shadowRoot ?? null

export const banner = () => page.getByRole('region', { name: 'We value your privacy' })
export const dialog = () => page.getByRole('dialog', { name: 'Privacy preferences' })
export const button = (name: string) => page.getByRole('button', { name, exact: true })

/** The element focused inside the UI's shadow root, if any. */
export const focused = () => ui()?.activeElement ?? null
