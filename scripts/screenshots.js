// npm run screenshots: the demo in headless Chromium, banner and preferences, light and dark, the
// CRM frontend, the playground, and at phone width (Arabic, Japanese and Greek too), written to
// docs/screenshots/ for the README. Needs a build (npm run build).
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright'

const port = 5180 + Math.floor(Math.random() * 100)
const server = spawn(process.execPath, ['demo/server.js'], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise((ready) => server.stdout.once('data', ready))

const out = 'docs/screenshots'
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
const shots = [
  { name: 'banner-light', query: '?theme=light', viewport: { width: 1280, height: 720 } },
  { name: 'banner-dark', query: '?theme=dark', viewport: { width: 1280, height: 720 } },
  { name: 'preferences-light', query: '?theme=light', viewport: { width: 1280, height: 900 }, preferences: true },
  { name: 'preferences-dark', query: '?theme=dark', viewport: { width: 1280, height: 900 }, preferences: true },
  { name: 'banner-box', query: '?theme=light&layout=box', viewport: { width: 1280, height: 720 } },
  { name: 'phone-banner', query: '?theme=light', viewport: { width: 390, height: 844 } },
  { name: 'phone-preferences', query: '?theme=dark', viewport: { width: 390, height: 844 }, preferences: true },
  // After a decision: the settings button, a small icon in the bottom corner.
  { name: 'settings-button', query: '?theme=light', viewport: { width: 1280, height: 720 }, decide: true },
  { name: 'phone-settings-button', query: '?theme=light', viewport: { width: 390, height: 844 }, decide: true },
  // Three scripts at phone width: Arabic (right to left), Japanese, Greek.
  { name: 'phone-banner-ar', query: '?theme=light&lang=ar', viewport: { width: 360, height: 740 } },
  { name: 'phone-banner-ja', query: '?theme=light&lang=ja', viewport: { width: 360, height: 740 } },
  { name: 'phone-banner-el', query: '?theme=light&lang=el', viewport: { width: 360, height: 740 } },
  // The CRM frontend (npm import): its settings page with the banner, light and dark.
  {
    name: 'crm-light',
    path: '/crm/settings',
    query: '?theme=light',
    colorScheme: 'light',
    viewport: { width: 1280, height: 720 },
  },
  {
    name: 'crm-dark',
    path: '/crm/settings',
    query: '?theme=dark',
    colorScheme: 'dark',
    viewport: { width: 1280, height: 720 },
  },
  // The playground: the editor, the live preview of the banner, the snippet.
  {
    name: 'playground-light',
    path: '/playground/',
    query: '?theme=light',
    colorScheme: 'light',
    viewport: { width: 1400, height: 900 },
    inFrame: '#preview',
  },
  {
    name: 'playground-dark',
    path: '/playground/',
    query: '?theme=dark',
    colorScheme: 'dark',
    viewport: { width: 1400, height: 900 },
    inFrame: '#preview',
  },
]
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: 1 })
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: shot.colorScheme ?? 'light' })
    await page.goto(`http://127.0.0.1:${port}${shot.path ?? '/site/'}${shot.query}`)
    const where = shot.inFrame ? page.frameLocator(shot.inFrame) : page
    // Any language: the banner's first button.
    await where.locator('[data-consentry] .banner button').first().waitFor()
    if (shot.preferences) {
      await page.getByRole('button', { name: 'Manage preferences' }).click()
      await page.getByRole('switch', { name: 'Analytics' }).click()
      await page.getByText('Services and cookies').first().click()
    }
    if (shot.decide) {
      await page.locator('[data-consentry]').getByRole('button', { name: 'Reject all', exact: true }).click()
      await page.locator('[data-consentry]').getByRole('button', { name: 'Cookie settings' }).waitFor()
    }
    await page.screenshot({ path: `${out}/${shot.name}.png` })
    await page.close()
    console.log(`${out}/${shot.name}.png`)
  }
} finally {
  await browser.close()
  server.kill()
}
