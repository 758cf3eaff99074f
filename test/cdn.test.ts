// The built script tag (dist/consentry.js) in real pages served by the test server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  clearCookies,
  closeFrames,
  openFrame,
  openPage,
  requests,
  servePage,
  started,
  quietFor,
} from './support/browser'
import { siteConfig } from './support/configs'
import { GATED, RAN, gatedRequests, inlineConfig, recorder, tags } from './support/pages'

/**
 * The built script tag on a page whose config is invalid: it logs `error` alone, requests no
 * gated URL, runs no gated tag and leaves no `window.consentry`.
 */
const expectInvalidConfigGatesNothing = async (config: unknown, error: string) => {
  const { win } = await openPage(
    `<!doctype html>${recorder}${inlineConfig(config)}<script src="/__dist/consentry.js"></script>${tags}`,
  )
  await expect.poll(() => win.logged).toEqual([`error: ConsentryError: ${error}`])
  await quietFor(200)
  expect(await gatedRequests()).toEqual([])
  expect(win.ran).toBeUndefined()
  expect('consentry' in win).toBe(false)
}

beforeEach(async () => {
  clearCookies()
  await requests(true)
})
afterEach(closeFrames)

describe('the script tag', () => {
  it('requests no gated URL before consent and each exactly once after it', async () => {
    const url = await servePage(
      `<!doctype html><html><head>${inlineConfig()}<script src="/__dist/consentry.js"></script></head><body>${tags}</body></html>`,
    )
    const frame = await openFrame(url)
    const win = frame.contentWindow as Window & Record<string, any>
    await started(win)
    await quietFor(300)
    expect(await gatedRequests()).toEqual([])
    expect(win.consentry.getState().decided).toBe(false)

    win.consentry.acceptAll()
    await expect.poll(gatedRequests).toEqual(GATED)
    await expect.poll(() => win.ran).toEqual(RAN)
    win.consentry.acceptAll()
    win.consentry.setConsent({ marketing: true, analytics: true })
    await quietFor(300)
    expect(await gatedRequests()).toEqual(GATED)

    // The returning visitor: the stored decision activates each tag once, in document order.
    await requests(true)
    const again = await openFrame(url)
    await expect.poll(gatedRequests).toEqual(GATED)
    await expect.poll(() => (again.contentWindow as any).ran).toEqual(RAN)
    await quietFor(200)
    expect(await gatedRequests()).toEqual(GATED)
  })

  it('looks the decision cookie up once as a returning visitor starts', async () => {
    // Counts the reads of the page: the getter wrapped before consentry.js runs.
    const counter = `<script>window.cookieReads = 0; const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      Object.defineProperty(Document.prototype, 'cookie', { get() { window.cookieReads++; return cookie.get.call(this) }, set(value) { cookie.set.call(this, value) } })</script>`
    const page = () =>
      servePage(
        `<!doctype html>${counter}${inlineConfig(siteConfig)}<script src="/__dist/consentry.js"></script><script>window.readsAtStart = window.cookieReads</script>`,
      )
    const first = await openFrame(await page())
    ;(await started(first.contentWindow as any)).acceptAll()
    const returning = (await openFrame(await page())).contentWindow as any
    expect(returning.consentry.getState().decided).toBe(true)
    // One lookup through js-cookie, which reads the getter twice (to test it, then to split it).
    expect(returning.readsAtStart).toBe(2)
  })

  it('validates a config once; a returning visitor with the same config loads only the core, not the UI chunk', async () => {
    const page = (config: unknown) =>
      servePage(`<!doctype html>${recorder}${inlineConfig(config)}<script src="/__dist/consentry.js"></script>${tags}`)
    const dist = async () => (await requests(true)).filter((url) => url.startsWith('/__dist/'))
    const first = await openFrame(await page(siteConfig))
    // The page's gated iframe and template wait for consent: their placeholders are a chunk too.
    await expect.poll(() => first.contentDocument!.querySelectorAll('[data-consentry-placeholder]').length).toBe(2)
    ;(await started(first.contentWindow as any)).acceptAll()
    expect(await dist()).toEqual([
      '/__dist/consentry.js',
      '/__dist/consentry-ui.js',
      '/__dist/consentry-ui-placeholders.js',
    ])

    const returning = await openFrame(await page(siteConfig))
    expect((returning.contentWindow as any).consentry.getState().decided).toBe(true)
    expect(await dist()).toEqual(['/__dist/consentry.js'])

    // The same revision, edited: validated again once, then trusted again.
    const edited = {
      ...siteConfig,
      categories: { ...siteConfig.categories, marketing: { ...siteConfig.categories.marketing, title: 'Ads' } },
    }
    await started((await openFrame(await page(edited))).contentWindow as any)
    expect(await dist()).toEqual(['/__dist/consentry.js', '/__dist/consentry-ui.js'])
    await openFrame(await page(edited))
    expect(await dist()).toEqual(['/__dist/consentry.js'])

    // An edit that breaks the config gates nothing, even for a visitor who accepted everything.
    const broken = { ...siteConfig, categories: { ...siteConfig.categories, marketing: { required: 'yes' } } }
    await requests(true)
    await expectInvalidConfigGatesNothing(broken, 'consentry: categories.marketing.required: expected boolean')
  })

  it('activates a gated inline script only once the parser has read all of it', async () => {
    const config = inlineConfig()
    const head = `<!doctype html><html><head>${config}<script src="/__dist/consentry.js"></script></head><body>`
    ;(await started((await openPage(head)).win)).acceptAll()
    const { win } = await openPage(
      `${head}<script type="text/plain" data-consent="analytics">window.ran = ['start'<!--pause-->, 'end']</script><p>after</p></body></html>`,
      { pause: 400 },
    )
    expect(win.ran).toEqual(['start', 'end'])
  })

  it('reloads the page on withdrawal with reloadOnWithdraw', async () => {
    const url = await servePage(
      `<!doctype html>${inlineConfig({ ...siteConfig, reloadOnWithdraw: true })}<script src="/__dist/consentry.js"></script>`,
    )
    const frame = await openFrame(url)
    const consent = await started(frame.contentWindow as any)
    consent.acceptAll()
    consent.setConsent({ marketing: true })
    await quietFor(100)
    const reloaded = new Promise((done) => (frame.onload = done))
    consent.setConsent({ marketing: false })
    await reloaded
    const after = await started(frame.contentWindow as any)
    expect(after.getState().categories).toMatchObject({ analytics: true, marketing: false })
  })

  it('reads the config from a data-config URL', async () => {
    const config = await servePage(JSON.stringify(siteConfig), { type: 'application/json' })
    const { win } = await openPage(
      `<!doctype html><script src="/__dist/consentry.js" data-config="${config}"></script>${tags}`,
    )
    await expect.poll(() => win.consentry?.getState().revision).toBe(1)
    win.consentry.setConsent({ marketing: true })
    await expect.poll(gatedRequests).toEqual(['/__gated/pixel.gif', '/__gated/uet.js', '/__gated/video.html'])
  })

  it('logs one error naming the JSON path for an invalid config, and gates everything', async () => {
    const broken = { revision: 1, categories: { analytics: { services: { ga: { cookies: [7] } } } } }
    await expectInvalidConfigGatesNothing(
      broken,
      'consentry: categories.analytics.services.ga.cookies[0]: expected string',
    )
  })

  it('logs one error for config JSON that does not parse', async () => {
    const { win } = await openPage(
      `<!doctype html>${recorder}<script type="application/json" id="consentry-config">{ "revision": 1, </script><script src="/__dist/consentry.js"></script>`,
    )
    expect(win.logged).toHaveLength(1)
    expect(win.logged[0]).toMatch(/^error: SyntaxError: .*JSON/)
    expect('consentry' in win).toBe(false)
  })

  it('logs one error when the data-config URL fails', async () => {
    const { win } = await openPage(
      `<!doctype html>${recorder}<script src="/__dist/consentry.js" data-config="/__missing.json"></script>${tags}`,
    )
    await expect.poll(() => win.logged).toEqual(['error: consentry: config: could not load /__missing.json (404)'])
    expect('consentry' in win).toBe(false)
    expect(await gatedRequests()).toEqual([])
  })

  it('logs one error when there is no config at all', async () => {
    const { win } = await openPage(`<!doctype html>${recorder}<script src="/__dist/consentry.js"></script>`)
    expect(win.logged).toEqual(['error: consentry: config: missing'])
  })

  it('only warns when loaded twice, and gates with the first copy alone', async () => {
    const { win } = await openPage(
      `<!doctype html>${recorder}${inlineConfig()}<script src="/__dist/consentry.js"></script><script src="/__dist/consentry.js"></script>${tags}`,
    )
    expect(win.logged).toEqual(['warn: consentry: loaded twice'])
    ;(await started(win)).acceptAll()
    await expect.poll(gatedRequests).toEqual(GATED)
    await quietFor(200)
    expect(win.ran).toEqual(RAN)
  })

  it('exposes every member of the contract on window.consentry', async () => {
    const { win } = await openPage(`<!doctype html>${inlineConfig()}<script src="/__dist/consentry.js"></script>`)
    const consent = await started(win)
    for (const method of [
      'getState',
      'isGranted',
      'acceptAll',
      'rejectAll',
      'setConsent',
      'whenGranted',
      'showBanner',
      'showPreferences',
      'hide',
      'reset',
      'on',
    ])
      expect(typeof consent[method], method).toBe('function')
    expect(typeof consent.$state.subscribe).toBe('function')
    expect(consent.getState()).toEqual(consent.$state.get())
  })

  it('adds nothing to window but consentry', async () => {
    const plain = await openPage(`<!doctype html>${inlineConfig()}<p>page</p>`)
    const withScript = await openPage(
      `<!doctype html>${inlineConfig()}<script src="/__dist/consentry.js"></script><p>page</p>`,
    )
    ;(await started(withScript.win)).acceptAll()
    const keys = (win: Window) => Object.getOwnPropertyNames(win)
    expect(keys(withScript.win).filter((key) => !keys(plain.win).includes(key))).toEqual(['consentry'])
  })

  it('works on a page with a nonce-only Content Security Policy', async () => {
    const { win } = await openPage(
      `<!doctype html>${inlineConfig()}<script nonce="abc" src="/__dist/consentry.js"></script>
      <script type="text/plain" data-consent="analytics" nonce="abc" src="/__gated/tag.js"></script>`,
      { headers: { 'content-security-policy': "script-src 'nonce-abc'" } },
    )
    ;(await started(win)).acceptAll()
    await expect.poll(() => win.ran).toEqual(['tag.js'])
  })
})
