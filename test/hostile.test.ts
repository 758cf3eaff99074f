// The built script tag on pages that attack it or misuse it: each case is a page served with its
// own markup and headers. Nothing gated may run before consent, no error may reach the page, and
// each case logs one console message at most.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checksum } from '../src/core/codec'
import { clearCookies, closeFrames, requests, quietFor, labelOf } from './support/browser'
import { siteConfig } from './support/configs'
import { GATED, RAN, gatedRequests, scriptTagPage, tags, uiRoot, visit } from './support/pages'

beforeEach(async () => {
  clearCookies()
  await requests(true)
})
afterEach(closeFrames)

/** The instance of a page, once started. */
const started = async (win: Window & Record<string, any>) => {
  await expect.poll(() => typeof win.consentry?.getState).toBe('function')
  return win.consentry
}
// The categories' switches; each service has one too, inside its category's details.
const switches = (doc: Document) =>
  [...(uiRoot(doc)?.querySelectorAll('.category > .row [role="switch"]') ?? [])] as HTMLElement[]
const checked = (doc: Document) => switches(doc).map((element) => element.getAttribute('aria-checked'))
const uiButton = (doc: Document, name: string) =>
  [...(uiRoot(doc)?.querySelectorAll('button') ?? [])].find((button) => labelOf(button) == name) as HTMLElement

describe('withdrawal through the preferences', () => {
  it.each(['?consent=preferences', '#consent-preferences'])(
    'shows the stored decision when a returning visitor opens them (%s), and saves exactly the switches',
    async (link) => {
      const url = await scriptTagPage({ body: tags })
      ;(await started((await visit(url)).win)).acceptAll()
      const { win, doc } = await visit(url + link)
      await expect.poll(() => checked(doc)).toEqual(['true', 'true', 'true'])
      // Marketing is the third switch; click tracking goes first from an email link.
      const marketing = switches(doc).find(
        (element) => uiRoot(doc)!.getElementById(element.getAttribute('aria-labelledby')!)?.textContent == 'Marketing',
      )!
      marketing.click()
      await expect.poll(() => marketing.getAttribute('aria-checked')).toBe('false')
      uiButton(doc, 'Save preferences').click()
      expect(win.consentry.getState().categories).toEqual({
        essential: true,
        analytics: true,
        marketing: false,
        'click-tracking': true,
      })
      const again = await visit(url)
      expect((await started(again.win)).getState().categories.marketing).toBe(false)
      expect(again.win.consentry.isGranted('marketing.ads')).toBe(false)
      expect(win.logged).toEqual([])
    },
  )

  it('keeps a service denied through the API when Save is pressed with no change', async () => {
    const url = await scriptTagPage()
    const consent = await started((await visit(url)).win)
    consent.acceptAll()
    consent.setConsent({ 'analytics.fullstory': false })
    const { win, doc } = await visit(url)
    ;(await started(win)).showPreferences()
    await expect.poll(() => checked(doc)).toEqual(['true', 'true', 'true'])
    uiButton(doc, 'Save preferences').click()
    expect(win.consentry.isGranted('analytics.fullstory')).toBe(false)
    expect(win.consentry.isGranted('analytics.ga')).toBe(true)
  })
})

describe('withdrawal and queued scripts', () => {
  it('runs no gated script when acceptAll() is followed at once by rejectAll()', async () => {
    const { win } = await visit(await scriptTagPage({ body: tags }))
    const consent = await started(win)
    consent.acceptAll()
    consent.rejectAll()
    await quietFor(500)
    expect((await gatedRequests()).filter((url) => url.includes('.js'))).toEqual([])
    expect(win.ran).toBeUndefined()
  })

  it('cancels the scripts queued behind a slow one when consent is withdrawn meanwhile, and runs them on a new grant', async () => {
    const body = `
      <script type="text/plain" data-consent="analytics" src="/__gated/slow.js?delay=1500"></script>
      <script type="text/plain" data-consent="analytics">(window.ran = window.ran || []).push('inline')</script>
      <script type="text/plain" data-consent="analytics" src="/__gated/after.js"></script>`
    const { win } = await visit(await scriptTagPage({ body }))
    const consent = await started(win)
    consent.acceptAll()
    await expect.poll(gatedRequests).toEqual(['/__gated/slow.js?delay=1500'])
    consent.rejectAll()
    // The slow one was already requested and runs; those behind it do not.
    await expect.poll(() => win.ran).toEqual(['slow.js'])
    await quietFor(300)
    expect(await gatedRequests()).toEqual(['/__gated/slow.js?delay=1500'])
    expect(win.ran).toEqual(['slow.js'])
    consent.setConsent({ analytics: true })
    await expect.poll(() => win.ran).toEqual(['slow.js', 'inline', 'after.js'])
  })
})

describe('a strict Content Security Policy', () => {
  const strict = { 'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'" }
  const legit = `<script type="text/plain" data-consent="essential" nonce="abc">window.legit = true</script>`

  it.each([
    ['an inert inline script', `<script type="text/plain" data-consent="essential">window.pwned = true</script>`],
    ['an inert external script', `<script type="text/plain" data-consent="essential" src="/__gated/evil.js"></script>`],
    [
      'a template with a script',
      `<template data-consent="essential"><script>window.pwned = true</script><img src="/__gated/pixel.gif" alt=""></template>`,
    ],
  ])('never turns injected markup into script: %s', async (_, injected) => {
    const { win } = await visit(await scriptTagPage({ nonce: 'abc', headers: strict, body: legit + injected }))
    await started(win)
    await expect.poll(() => win.legit).toBe(true)
    await quietFor(300)
    expect(win.pwned).toBeUndefined()
    expect((await gatedRequests()).filter((url) => url.endsWith('.js'))).toEqual([])
    expect(win.logged).toHaveLength(1)
    expect(win.logged[0]).toMatch(/^warn: consentry: .*nonce/)
  })

  it("runs the scripts of a gated template that carry the page's nonce", async () => {
    const body = `<template data-consent="analytics"><script nonce="abc">window.legit = true</script></template>`
    const { win } = await visit(await scriptTagPage({ nonce: 'abc', headers: strict, body }))
    ;(await started(win)).acceptAll()
    await expect.poll(() => win.legit).toBe(true)
    expect(win.logged.filter((line: string) => !line.startsWith('csp:'))).toEqual([])
  })
})

describe('Trusted Types', () => {
  it("gates scripts under require-trusted-types-for 'script' through the consentry policy, with no violation", async () => {
    const headers = { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types consentry" }
    const { win } = await visit(await scriptTagPage({ headers, body: tags }))
    ;(await started(win)).acceptAll()
    await expect.poll(() => win.ran).toEqual(RAN)
    await expect.poll(gatedRequests).toEqual(GATED)
    expect(win.logged).toEqual([])
  })

  const template = (nonce: string) =>
    `<template data-consent="analytics"><script${nonce} src="/__gated/template.js"></script>` +
    `<script${nonce}>(window.ran = window.ran || []).push('inline')</script><img src="/__gated/pixel.gif" alt=""></template>`
  it.each([
    ['trusted-types consentry default, and a nonce', "script-src 'nonce-abc' 'strict-dynamic'; ", 'consentry default'],
    ['trusted-types consentry, and a nonce', "script-src 'nonce-abc' 'strict-dynamic'; ", 'consentry'],
    ['trusted-types consentry, no nonce', '', 'consentry'],
  ])("runs the scripts of a gated template under require-trusted-types-for 'script': %s", async (_, scripts, names) => {
    const headers = {
      'content-security-policy': `${scripts}require-trusted-types-for 'script'; trusted-types ${names}`,
    }
    const nonce = scripts ? ' nonce="abc"' : ''
    const { win } = await visit(
      await scriptTagPage({ headers, body: template(nonce), ...(scripts ? { nonce: 'abc' } : {}) }),
    )
    ;(await started(win)).acceptAll()
    await expect.poll(() => [...(win.ran ?? [])].sort()).toEqual(['inline', 'template.js'])
    await expect.poll(gatedRequests).toEqual(['/__gated/pixel.gif', '/__gated/template.js'])
    expect(win.logged).toEqual([])
  })
})

describe('the stored decision', () => {
  const services = (count: number, name: (i: number) => string) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [name(i), {}]))

  it('stays under 4 kB with 100 services denied one by one, and holds after a reload', async () => {
    const long = (i: number) => `a-service-with-a-rather-long-name-to-fill-the-cookie-${i}`
    const config = {
      ...siteConfig,
      categories: { ...siteConfig.categories, marketing: { services: services(100, long) } },
    }
    const url = await scriptTagPage({ config })
    const { win, doc } = await visit(url)
    const consent = await started(win)
    consent.acceptAll()
    for (let i = 0; i < 100; i++) consent.setConsent({ [`marketing.${long(i)}`]: false })
    const cookie = doc.cookie.split('; ').find((pair) => pair.startsWith('consentry='))!
    expect(cookie.length).toBeLessThan(200)
    const again = await started((await visit(url)).win)
    expect(again.getState().decided).toBe(true)
    for (let i = 0; i < 100; i++) expect(again.isGranted(`marketing.${long(i)}`)).toBe(false)
    expect(again.isGranted('analytics.ga')).toBe(true)
  })

  it('fails closed when a decision cannot fit in a cookie: no cookie, one error, no decision after a reload', async () => {
    const config = {
      revision: 1,
      categories: { essential: { required: true }, marketing: { services: services(25_000, (i) => `s${i}`) } },
    }
    const url = await scriptTagPage({ config })
    const { win, doc } = await visit(url)
    const consent = await started(win)
    consent.acceptAll()
    expect(doc.cookie).not.toContain('consentry=')
    expect(win.logged).toHaveLength(1)
    expect(win.logged[0]).toMatch(/^error: consentry: the browser did not store the decision/)
    expect((await started((await visit(url)).win)).getState().decided).toBe(false)
  })

  it('counts a consent id of 36 dashes as no decision', async () => {
    ;(await started((await visit(await scriptTagPage())).win)).acceptAll()
    const value = document.cookie
      .split('; ')
      .find((pair) => pair.startsWith('consentry='))!
      .slice('consentry='.length)
    const fields = value.split('|')
    fields[2] = '-'.repeat(36)
    const body = fields.slice(0, -1).join('|')
    document.cookie = `consentry=${body}|${checksum(body)}; path=/`
    const { win } = await visit(await scriptTagPage({ body: tags }))
    expect((await started(win)).getState().decided).toBe(false)
    await quietFor(200)
    expect(await gatedRequests()).toEqual([])
  })

  it('validates a config whose fingerprint another cookie happens to contain', async () => {
    const config = { revision: 1, categories: { analytics: { required: 'yes' } } }
    document.cookie = `other=x|${checksum(JSON.stringify(config))}|y; path=/`
    const { win } = await visit(await scriptTagPage({ config, body: tags }))
    await expect
      .poll(() => win.logged)
      .toEqual(['error: ConsentryError: consentry: categories.analytics.required: expected boolean'])
    expect(await gatedRequests()).toEqual([])
  })
})

describe('URLs', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,x',
  ])('refuses the policyUrl %j with one error naming it, and shows no banner', async (policyUrl) => {
    const { win, doc } = await visit(await scriptTagPage({ config: { ...siteConfig, policyUrl }, body: tags }))
    await expect
      .poll(() => win.logged)
      .toEqual(['error: ConsentryError: consentry: policyUrl: expected an http(s), mailto or relative URL'])
    await quietFor(200)
    expect(uiRoot(doc)).toBeNull()
    expect(await gatedRequests()).toEqual([])
  })

  it.each(['javascript:parent.pwned=true', ' JAVASCRIPT:parent.pwned=true', 'java\tscript:parent.pwned=true'])(
    'never copies the data-src %j into src',
    async (source) => {
      const body = `<iframe data-consent="essential" data-src="${source.replace('\t', '&#9;')}" title="x"></iframe>
        <iframe data-consent="essential" data-src="/__gated/video.html" title="y"></iframe>`
      const { win, doc } = await visit(await scriptTagPage({ body }))
      await started(win)
      await expect.poll(gatedRequests).toEqual(['/__gated/video.html'])
      await quietFor(200)
      expect(doc.querySelector('iframe')!.hasAttribute('src')).toBe(false)
      expect(win.pwned).toBeUndefined()
      expect(win.logged).toHaveLength(1)
      expect(win.logged[0]).toMatch(/^warn: consentry: a data-src/)
    },
  )
})

describe('a page that gets in the way', () => {
  it('does not read grants that another script put on Object.prototype', async () => {
    const url = await scriptTagPage({ body: tags })
    ;(await started((await visit(url)).win)).rejectAll()
    await requests(true)
    const pollute = `<script>Object.prototype.marketing = true; Object.prototype['marketing.ads'] = true; Object.prototype.analytics = true</script>`
    const { win } = await visit(await scriptTagPage({ before: pollute, body: tags }))
    const consent = await started(win)
    expect(consent.isGranted('marketing')).toBe(false)
    expect(consent.isGranted('marketing.ads')).toBe(false)
    expect(consent.getState().decided).toBe(true)
    await quietFor(300)
    expect(await gatedRequests()).toEqual([])
    expect(win.logged).toEqual([])
  })

  it.each([
    ['a frozen dataLayer', 'window.dataLayer = Object.freeze([])'],
    ['a dataLayer whose push throws', "window.dataLayer = { push() { throw new Error('tag manager down') } }"],
  ])('keeps working with %s: the banner shows, decisions gate, one error', async (_, setUp) => {
    const { win, doc } = await visit(await scriptTagPage({ before: `<script>${setUp}</script>`, body: tags }))
    const consent = await started(win)
    await expect.poll(() => switches(doc).length + (uiRoot(doc)?.querySelectorAll('.banner').length ?? 0)).toBe(1)
    expect(await gatedRequests()).toEqual([])
    expect(() => consent.acceptAll()).not.toThrow()
    await expect.poll(() => win.ran).toEqual(RAN)
    expect(win.logged).toHaveLength(1)
    expect(win.logged[0]).toMatch(/^error: consentry: window.dataLayer.push failed/)
  })

  it('skips a malformed gated script with one warning, and runs the others', async () => {
    const body = `
      <script type="text/plain" data-consent="analytics">(window.ran = window.ran || []).push('before')</script>
      <script type="text/plain" data-consent="analytics" ="x" src="/__gated/broken.js"></script>
      <script type="text/plain" data-consent="analytics" src="/__gated/after.js"></script>`
    const { win } = await visit(await scriptTagPage({ body }))
    ;(await started(win)).acceptAll()
    await expect.poll(() => win.ran).toEqual(['before', 'after.js'])
    expect(await gatedRequests()).toEqual(['/__gated/after.js'])
    expect(win.logged).toHaveLength(1)
    expect(win.logged[0]).toMatch(/^warn: consentry: a gated script could not be re-created/)
  })

  it.each([
    ['an element with id consentry', '<div id="consentry"></div>'],
    ['a form named consentry', '<form name="consentry"></form>'],
  ])('starts on a page with %s', async (_, element) => {
    const url = await scriptTagPage({ before: `</head><body>${element}`, body: tags })
    const { win } = await visit(url)
    const consent = await started(win)
    await quietFor(200)
    expect(await gatedRequests()).toEqual([])
    consent.acceptAll()
    await expect.poll(() => win.ran).toEqual(RAN)
    expect(win.logged).toEqual([])
  })

  it('keeps placeholders it does not know as written, {__proto__} and {constructor} included', async () => {
    const text = 'Odd {__proto__}, {constructor} and {toString}; read our {policy}.'
    const config = { ...siteConfig, policyUrl: '/privacy', texts: { en: { text } } }
    const { win, doc } = await visit(await scriptTagPage({ config }))
    await started(win)
    await expect
      .poll(() => uiRoot(doc)?.querySelector('.banner p')?.textContent)
      .toBe('Odd {__proto__}, {constructor} and {toString}; read our cookie policy.')
    expect(win.logged).toEqual([])
  })

  it('names a category called constructor by its name', async () => {
    const config = { revision: 1, categories: { essential: { required: true }, constructor: {} } }
    const { win, doc } = await visit(await scriptTagPage({ config }))
    ;(await started(win)).showPreferences()
    await expect
      .poll(() => [...(uiRoot(doc)?.querySelectorAll('.category h3') ?? [])].map((h) => h.textContent))
      .toEqual(['Essential', 'constructor'])
    expect(win.logged).toEqual([])
  })

  it('shows the banner and the preferences on a page whose Array.prototype.map passes no index', async () => {
    const mapWithoutIndex = `<script>Array.prototype.map = function (fn, self) {
      const out = []
      for (let i = 0; i < this.length; i++) out.push(fn.call(self, this[i]))
      return out
    }</script>`
    const config = { ...siteConfig, policyUrl: '/privacy' }
    const { win, doc } = await visit(await scriptTagPage({ config, before: mapWithoutIndex, body: tags }))
    const consent = await started(win)
    const buttons = () => [...(uiRoot(doc)?.querySelectorAll('.banner .choices button') ?? [])]
    await expect.poll(() => buttons().map(labelOf)).toEqual(['Reject all', 'Accept all'])
    // Each holds the other's label, to be as wide.
    expect(buttons().map((button) => button.querySelector('.equal')?.textContent)).toEqual(['Accept all', 'Reject all'])
    const text = uiRoot(doc)!.querySelector('.banner')!.textContent!
    expect(text).toContain('to understand how the site is used')
    expect(text).not.toContain('{')
    expect(uiRoot(doc)!.querySelector('.banner a')?.getAttribute('href')).toBe('/privacy')
    consent.showPreferences()
    await expect
      .poll(() => [...(uiRoot(doc)?.querySelectorAll('.category h3') ?? [])].map((h) => h.textContent))
      .toEqual(['Essential', 'Analytics', 'Marketing', 'Email click tracking'])
    const switches = [...uiRoot(doc)!.querySelectorAll('details [role="switch"]')]
    expect(switches.map((element) => element.getAttribute('aria-labelledby'))).toEqual([
      'consentry-analytics--ga',
      'consentry-analytics--fullstory',
      'consentry-marketing--ads',
      'consentry-marketing--bing',
    ])
    ;(switches[0] as HTMLElement).click()
    await expect.poll(() => switches[0]!.getAttribute('aria-checked')).toBe('true')
    expect(win.logged).toEqual([])
  })

  it('keeps a failure of the UI to itself: one error, no banner, gating intact', async () => {
    const breakMap = `<script>Array.prototype.map = function () { throw new Error('broken map') }</script>`
    const { win, doc } = await visit(await scriptTagPage({ before: breakMap, body: tags }))
    const consent = await started(win)
    await expect.poll(() => win.logged).toHaveLength(1)
    expect(win.logged[0]).toMatch(/^error: consentry: the banner/)
    expect(doc.querySelector('[data-consentry]')).toBeNull()
    expect(await gatedRequests()).toEqual([])
    expect(() => consent.acceptAll()).not.toThrow()
    await expect.poll(() => win.ran).toEqual(RAN)
    await quietFor(100)
    expect(win.logged).toHaveLength(1)
  })

  it.each([
    ['an element named currentScript with another nonce', `<img name="currentScript" nonce="evil">`],
    ['an element named currentScript pointing elsewhere', `<img name="currentScript" src="/__gated/evil.js" alt="">`],
  ])('takes its nonce and its chunks from its own tag, not from %s', async (_, clobber) => {
    const strict = { 'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'" }
    const injected = `<script type="text/plain" data-consent="essential" nonce="evil">window.pwned = true</script>`
    const page = () => scriptTagPage({ nonce: 'abc', headers: strict, before: clobber, body: injected })
    // A first visit (the UI chunk comes from beside consentry.js), then a returning one.
    const first = await visit(await page())
    ;(await started(first.win)).acceptAll()
    const again = await visit(await page())
    await started(again.win)
    await quietFor(300)
    expect(first.win.pwned).toBeUndefined()
    expect(again.win.pwned).toBeUndefined()
    expect((await requests()).filter((url) => url.startsWith('/__gated/') && url.includes('consentry'))).toEqual([])
  })

  it.each([
    ['required', 'Object.prototype.required = true'],
    ['mode', "Object.prototype.mode = 'opt-out'"],
    ['regions and crossTab', "Object.prototype.regions = { US: 'notice' }; Object.prototype.crossTab = 1"],
  ])('grants nothing for config keys put on Object.prototype: %s', async (_, pollute) => {
    const { win } = await visit(await scriptTagPage({ before: `<script>${pollute}</script>`, body: tags }))
    const consent = await started(win)
    expect(consent.mode).toBe('opt-in')
    expect(consent.isGranted('marketing')).toBe(false)
    await quietFor(300)
    expect(await gatedRequests()).toEqual([])
  })

  it('leaves out the declarative shadow roots of a gated template under a nonce', async () => {
    const strict = { 'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'" }
    const body = `<template data-consent="essential"><div><template shadowrootmode="open" shadowrootclonable><script>window.pwned = 'dsd'</script></template>text</div></template>
      <script type="text/plain" data-consent="essential" nonce="abc">window.legit = true</script>`
    const { win } = await visit(await scriptTagPage({ nonce: 'abc', headers: strict, body }))
    await started(win)
    await expect.poll(() => win.legit).toBe(true)
    await quietFor(200)
    expect(win.pwned).toBeUndefined()
  })

  it('keeps a withdrawal when the cookie options changed since the grant', async () => {
    // Granted under a cookie on the page's own path, withdrawn under the default path /.
    const first = await visit(await scriptTagPage({ config: { ...siteConfig, cookie: { path: '/__page' } } }))
    ;(await started(first.win)).acceptAll()
    const second = await visit(await scriptTagPage())
    ;(await started(second.win)).rejectAll()
    const third = await visit(await scriptTagPage({ body: tags }))
    const consent = await started(third.win)
    expect(consent.getState()).toMatchObject({ decided: true, categories: { marketing: false } })
    await quietFor(300)
    expect(await gatedRequests()).toEqual([])
  })

  it('keeps an opt-out when the config lists another service since: nothing is granted until the visitor decides again', async () => {
    const config = { ...siteConfig, mode: 'opt-out' }
    ;(await started((await visit(await scriptTagPage({ config }))).win)).rejectAll()
    await requests(true)
    const edited = {
      ...config,
      categories: { ...config.categories, marketing: { services: { ads: {}, bing: {}, tiktok: {} } } },
    }
    const { win } = await visit(await scriptTagPage({ config: edited, body: tags }))
    const consent = await started(win)
    expect(consent.getState().decided).toBe(false)
    expect(consent.isGranted('marketing')).toBe(false)
    await quietFor(300)
    expect(await gatedRequests()).toEqual([])
  })

  it('throws nothing into the page for gated elements it cannot handle', async () => {
    const headers = { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types consentry" }
    const body = `<svg><template data-consent="essential"></template></svg><math><template data-consent="marketing"></template></math>
      <embed data-consent="marketing" data-src="/__gated/embed.html">
      <script type="text/plain" data-consent="analytics" nomodule src="/__gated/legacy.js"></script>
      <script type="text/plain" data-consent="analytics" data-type="text/x-template" src="/__gated/template.js"></script>
      <script type="text/plain" data-consent="analytics">(window.ran = window.ran || []).push('after')</script>`
    const { win } = await visit(await scriptTagPage({ headers, body }))
    const consent = await started(win)
    expect(() => consent.acceptAll()).not.toThrow()
    // Scripts that never load (nomodule, a type no browser runs) hold back none after them.
    await expect.poll(() => win.ran).toEqual(['after'])
    expect(win.logged.filter((line: string) => line.startsWith('uncaught') || line.startsWith('unhandled'))).toEqual([])
  })

  it('starts on a page whose elements shadow document methods by name', async () => {
    const { win } = await visit(
      await scriptTagPage({ before: '</head><body><form name="getElementById"></form>', body: tags }),
    )
    const consent = await started(win)
    consent.acceptAll()
    await expect.poll(() => win.ran).toEqual(RAN)
    expect(win.logged).toEqual([])
  })
})
