// The built script tag with its UI chunk, in real pages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  clearCookies,
  closeFrames,
  openFrame,
  openPage,
  servePage,
  started,
  quietFor,
  labelOf,
  unhashed,
  chunkUrl,
} from '../support/browser'
import { siteConfig } from '../support/configs'

const page = (config: unknown = siteConfig, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
  <script nonce="abc" src="/__dist/consentry.js"></script></head><body><main><h1>Page</h1></main></body></html>`
const resources = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => unhashed(new URL(entry.name).pathname))
    .filter((path) => path.startsWith('/__dist/'))
const shadow = (win: Window & Record<string, any>) => win.document.querySelector('[data-consentry]')?.shadowRoot

beforeEach(clearCookies)
afterEach(closeFrames)

describe('the script tag UI', () => {
  it('loads the UI chunk on a first visit, and only the core once the visitor has decided', async () => {
    const url = await servePage(page())
    const first = (await openFrame(url)).contentWindow as Window & Record<string, any>
    await expect.poll(() => shadow(first)?.querySelector('.banner')).toBeTruthy()
    expect(resources(first)).toEqual(['/__dist/consentry.js', '/__dist/consentry-ui.js'])
    ;[...shadow(first)!.querySelectorAll('button')].find((button) => labelOf(button) == 'Reject all')!.click()

    const returning = (await openFrame(url)).contentWindow as Window & Record<string, any>
    await started(returning)
    await quietFor(300)
    expect(returning.consentry.getState().decided).toBe(true)
    expect(resources(returning)).toEqual(['/__dist/consentry.js'])
    expect(shadow(returning)).toBeUndefined()
  })

  it('fetches the preferences chunk only when the visitor is about to open them, and opens them from it', async () => {
    const win = (await openFrame(await servePage(page()))).contentWindow as Window & Record<string, any>
    await expect.poll(() => shadow(win)?.querySelector('.banner')).toBeTruthy()
    await quietFor(100)
    expect(resources(win)).toEqual(['/__dist/consentry.js', '/__dist/consentry-ui.js'])
    const manage = [...shadow(win)!.querySelectorAll('button')].find(
      (button) => labelOf(button) == 'Manage preferences',
    )!
    manage.dispatchEvent(new PointerEvent('pointerenter'))
    await expect
      .poll(() => resources(win))
      .toEqual(['/__dist/consentry.js', '/__dist/consentry-ui.js', '/__dist/consentry-ui-preferences.js'])
    manage.click()
    await expect.poll(() => shadow(win)!.querySelector('dialog')?.open).toBe(true)
    expect(shadow(win)!.querySelectorAll('[role="switch"]').length).toBeGreaterThan(0)
  })

  it('uses a modulepreload of the UI chunk, fetched once and before the core runs, as docs/script-tag.md recommends for first visits', async () => {
    const preloaded = page().replace(
      '<script nonce="abc" src="/__dist/consentry.js">',
      `<link rel="modulepreload" href="${chunkUrl('consentry-ui')}"><script nonce="abc" src="/__dist/consentry.js">`,
    )
    const win = (await openFrame(await servePage(preloaded))).contentWindow as Window & Record<string, any>
    await expect.poll(() => shadow(win)?.querySelector('.banner')).toBeTruthy()
    const entries = win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/__dist/'))
    expect(entries.map((entry) => new URL(entry.name).pathname)).toEqual([
      chunkUrl('consentry-ui'),
      '/__dist/consentry.js',
    ])
    const [chunk, core] = entries as PerformanceResourceTiming[]
    // Requested before the core arrived, rather than after it ran.
    expect(chunk!.requestStart).toBeLessThan(core!.responseEnd)
  })

  it('fetches the UI chunk of its own build, by the content-hashed name, never a file by a stable name', async () => {
    const win = (await openFrame(await servePage(page()))).contentWindow as Window & Record<string, any>
    await expect.poll(() => shadow(win)?.querySelector('.banner')).toBeTruthy()
    const fetched = win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)
    expect(fetched.filter((path) => path.startsWith('/__dist/'))).toEqual([
      '/__dist/consentry.js',
      chunkUrl('consentry-ui'),
    ])
  })

  it('fetches the UI chunk beside a data-config file on a first visit, not after it', async () => {
    const config = await servePage(`${JSON.stringify(siteConfig)}<!--pause-->`, {
      type: 'application/json',
      pause: 400,
    })
    const win = (
      await openFrame(
        await servePage(
          `<!doctype html><html lang="en"><head><script src="/__dist/consentry.js" data-config="${config}"></script></head><body></body></html>`,
        ),
      )
    ).contentWindow as Window & Record<string, any>
    await expect.poll(() => shadow(win)?.querySelector('.banner')).toBeTruthy()
    const entry = (path: string) =>
      win.performance
        .getEntriesByType('resource')
        .find((e) => new URL(e.name).pathname == path) as PerformanceResourceTiming
    expect(entry(chunkUrl('consentry-ui')).requestStart).toBeLessThan(
      entry(new URL(config, location.href).pathname).responseEnd,
    )
  })

  it('loads a language chunk only when that language is chosen', async () => {
    const english = (await openFrame(await servePage(page()))).contentWindow as Window & Record<string, any>
    await expect.poll(() => shadow(english)?.querySelector('.banner')).toBeTruthy()
    expect(resources(english).some((path) => path.includes('consentry-ui-'))).toBe(false)
    clearCookies()
    const german = (await openFrame(await servePage(page(siteConfig, 'de')))).contentWindow as Window &
      Record<string, any>
    await expect
      .poll(() => shadow(german)?.querySelector('.banner h2')?.textContent)
      .toBe('Ihre Privatsphäre ist uns wichtig')
    expect(resources(german).filter((path) => path.includes('consentry-ui-'))).toEqual(['/__dist/consentry-ui-de.js'])
  })

  it('waits for <body> when the UI chunk arrives while the parser is still in <head>', async () => {
    const url = await servePage(page().replace('</head>', '<!--pause--></head>'), { pause: 700 })
    const frame = document.createElement('iframe')
    frame.src = url
    document.body.append(frame)
    await expect.poll(() => resources(frame.contentWindow!)).toContain('/__dist/consentry-ui.js')
    expect(frame.contentDocument!.body).toBeNull()
    const errors: unknown[] = []
    frame.contentWindow!.addEventListener('error', (event) => errors.push(event.error))
    frame.contentWindow!.addEventListener('unhandledrejection', (event) => errors.push(event.reason))
    await expect.poll(() => shadow(frame.contentWindow!)?.querySelector('.banner')).toBeTruthy()
    expect(frame.contentDocument!.querySelector('[data-consentry]')!.parentElement).toBe(frame.contentDocument!.body)
    expect(errors).toEqual([])
  })

  it('shows banner and preferences under a strict Content Security Policy without a violation', async () => {
    const { win } = await openPage(
      page().replace(
        '<head>',
        `<head><script nonce="abc">window.violations = []; addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI))</script>`,
      ),
      { headers: { 'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'nonce-abc' 'self'" } },
    )
    await expect.poll(() => shadow(win)?.querySelector('.banner')).toBeTruthy()
    const consent = await started(win)
    consent.showPreferences()
    await expect.poll(() => shadow(win)!.querySelector('dialog')!.open).toBe(true)
    expect(getComputedStyle(shadow(win)!.querySelector('.button')!).minHeight).toBe('44px')
    await quietFor(100)
    expect(win.violations).toEqual([])
  })
})
