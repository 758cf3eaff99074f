// What Consent Mode, UET and the dataLayer are told, through the built script tag: before a config
// is validated (an invalid one, one loaded by URL), in what order on a decision, and under Global
// Privacy Control after a decision made without it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { clearCookies, closeFrames, quietFor, requests, servePage, started } from './support/browser'
import { deniedSignals, siteConfig } from './support/configs'
import { gatedRequests, recorder, scriptTagPage, visit } from './support/pages'

beforeEach(async () => {
  clearCookies()
  localStorage.clear()
  await requests(true)
})
afterEach(closeFrames)

type Win = Window & Record<string, any>
const ALL_DENIED = Object.fromEntries(Object.keys(deniedSignals).map((signal) => [signal, 'denied']))
const ALL_GRANTED = Object.fromEntries(Object.keys(deniedSignals).map((signal) => [signal, 'granted']))
/** gtag's commands in the dataLayer (Arguments objects), without the events between them. */
const commandsOf = (win: Win): unknown[][] =>
  Array.from(win.dataLayer as (IArguments | { event: string })[])
    .filter((entry) => !('event' in entry))
    .map((entry) => Array.from(entry as IArguments))
/** Stand-ins of gtag.js and UET loaded ungated right after consentry.js: each records what it finds. */
const vendors = '<script src="/__vendor/gtag.js"></script><script src="/__vendor/uet.js"></script>'
const gated = `
  <script type="text/plain" data-consent="analytics" src="/__gated/analytics.js"></script>
  <script type="text/plain" data-consent="marketing" src="/__gated/ads.js"></script>
  <script type="text/plain" data-consent="sharing" src="/__gated/sharing.js"></script>`
const config = {
  ...siteConfig,
  googleConsentMode: true,
  categories: {
    ...siteConfig.categories,
    marketing: { services: { bing: { vendor: 'microsoft-uet' } } },
    sharing: { saleOrSharing: true },
  },
}

describe('a config not known to be valid', () => {
  const categories = config.categories
  it.each([
    ['a mode with an underscore', { mode: 'opt_in' }, undefined, 'mode'],
    ['a mode in capitals', { mode: 'OPT-IN' }, undefined, 'mode'],
    ["a typo in the visitor's region's mode", { regions: { US: 'optout' } }, 'US', 'regions.US'],
    [
      'a string where a boolean belongs',
      { categories: { ...categories, marketing: { ...categories.marketing, required: 'false' } } },
      undefined,
      'categories.marketing.required',
    ],
    [
      'a mapping too broken to read',
      { googleConsentMode: { mapping: { ad_storage: 5 } } },
      undefined,
      'googleConsentMode',
    ],
  ])('denies every Consent Mode signal and UET before validation: %s', async (_, change, region, path) => {
    const { win } = await visit(
      await scriptTagPage({ config: { ...config, ...change }, region, body: vendors + gated }),
    )
    await expect.poll(() => win.vendorSeen?.length).toBe(2)
    expect(win.vendorSeen).toEqual([
      ['gtag.js', [['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }]]],
      ['uet.js', ['consent', 'default', { ad_storage: 'denied' }]],
    ])
    // The validator reports the fault as always, and nothing gated runs.
    await expect.poll(() => win.logged).toHaveLength(1)
    expect(win.logged[0]).toMatch(new RegExp(`^error: ConsentryError: consentry: ${path.replace(/\./g, '\\.')}\\b`))
    await quietFor(200)
    expect(await gatedRequests()).toEqual([])
  })

  it('still pushes the defaults of a sound config before it is validated: granted in opt-out mode', async () => {
    const { win } = await visit(await scriptTagPage({ config: { ...config, mode: 'opt-out' }, body: vendors }))
    await expect.poll(() => win.vendorSeen?.length).toBe(2)
    expect(win.vendorSeen).toEqual([
      ['gtag.js', [['consent', 'default', { ...ALL_GRANTED, wait_for_update: 500 }]]],
      ['uet.js', ['consent', 'default', { ad_storage: 'granted' }]],
    ])
  })
})

describe('a config loaded by URL', () => {
  // Tag Manager's snippet and a gtag config command, inline right after consentry.js: they run
  // before the config can have arrived.
  const tagManager = `<script>
    window.dataLayer = window.dataLayer || []
    window.atContainer = Array.from(dataLayer).map((entry) => Array.from(entry))
    dataLayer.push({ event: 'gtm.js' })
    function gtag() { dataLayer.push(arguments) }
    gtag('config', 'G-TEST')
  </script>`
  const page = async (loaded: unknown) => {
    const url = await servePage(JSON.stringify(loaded), { type: 'application/json' })
    return servePage(
      `<!doctype html><html lang="en"><head>${recorder}<script src="/__dist/consentry.js" data-config="${url}"></script>${tagManager}</head><body></body></html>`,
    )
  }

  it('has every signal denied before Tag Manager starts, then the config’s own default and its updates', async () => {
    const { win } = await visit(await page(config))
    expect(win.atContainer).toEqual([['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }]])
    ;(await started(win)).acceptAll()
    await expect.poll(() => commandsOf(win).at(-1)).toEqual(['consent', 'update', ALL_GRANTED])
    expect(commandsOf(win)).toEqual([
      ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }],
      ['config', 'G-TEST'],
      ['consent', 'default', { ...deniedSignals, wait_for_update: 500 }],
      ['consent', 'update', ALL_GRANTED],
    ])
    expect(win.logged).toEqual([])
  })

  it('keeps Consent Mode in step with decisions when the config does not ask for it', async () => {
    const { googleConsentMode: _, ...withoutConsentMode } = config
    const { win } = await visit(await page(withoutConsentMode))
    const consent = await started(win)
    consent.acceptAll()
    await expect.poll(() => commandsOf(win).at(-1)).toEqual(['consent', 'update', ALL_GRANTED])
    consent.rejectAll()
    await expect.poll(() => commandsOf(win).at(-1)).toEqual(['consent', 'update', deniedSignals])
  })
})

describe('the dataLayer on a decision', () => {
  it('holds the consent update before consentry_update, so a trigger on the event finds the signals granted', async () => {
    // A Tag Manager trigger on consentry_update: what analytics_storage says when it fires.
    const trigger = `<script>
      window.dataLayer = []
      window.atEvent = []
      const push = dataLayer.push
      dataLayer.push = function (entry) {
        if (entry && entry.event == 'consentry_update') {
          const signals = Array.from(dataLayer).filter((e) => !e.event).map((e) => Array.from(e)[2] || {})
          atEvent.push(signals.reduce((state, each) => each.analytics_storage || state, 'unset'))
        }
        return push.apply(this, arguments)
      }
    </script>`
    const { win } = await visit(await scriptTagPage({ config, before: trigger }))
    const consent = await started(win)
    consent.acceptAll()
    consent.rejectAll()
    // ready, Accept all, Reject all.
    await expect.poll(() => win.atEvent).toEqual(['denied', 'granted', 'denied'])
  })
})

describe('Global Privacy Control after a decision made without it', () => {
  const page = () => scriptTagPage({ config, body: vendors + gated })
  afterEach(() => commands.emulateGpc(false))

  it('denies what sells or shares while the signal is on, until the visitor grants it again under it', async () => {
    const url = await page()
    ;(await started((await visit(url)).win)).acceptAll()
    await expect.poll(gatedRequests).toEqual(['/__gated/ads.js', '/__gated/analytics.js', '/__gated/sharing.js'])
    await commands.emulateGpc(true)

    await requests(true)
    const { win } = await visit(`${url}?gpc=1`)
    const consent = await started(win)
    expect(consent.getState()).toMatchObject({
      decided: true,
      categories: { analytics: true, marketing: false, sharing: false },
      services: { 'marketing.bing': false },
    })
    await expect.poll(gatedRequests).toEqual(['/__gated/analytics.js'])
    const analyticsOnly = { ...deniedSignals, analytics_storage: 'granted' }
    await expect.poll(() => win.vendorSeen?.length).toBe(2)
    expect(win.vendorSeen[0]).toEqual([
      'gtag.js',
      [
        ['consent', 'default', { ...deniedSignals, wait_for_update: 500 }],
        ['consent', 'update', analyticsOnly],
      ],
    ])
    expect(win.vendorSeen[1][1].slice(-3)).toEqual(['consent', 'update', { ad_storage: 'denied' }])
    await quietFor(200)
    expect(await gatedRequests()).toEqual(['/__gated/analytics.js'])

    // Without the signal, the decision counts as it was made.
    const off = await visit(url)
    expect((await started(off.win)).getState().categories).toMatchObject({ marketing: true, sharing: true })

    // A grant made under the signal stands under it.
    consent.setConsent({ marketing: true }, 'preferences')
    const again = await visit(`${url}?gpc=1`)
    expect((await started(again.win)).getState().categories).toMatchObject({ marketing: true, sharing: false })
  })
})

describe('a tag ahead of Consentry', () => {
  it('gets a warning that says where the script tag must go', async () => {
    const snippet = `<script>
      window.dataLayer = window.dataLayer || []
      function gtag() { dataLayer.push(arguments) }
      gtag('js', new Date())
      gtag('config', 'G-TEST')
    </script>`
    const { win } = await visit(await scriptTagPage({ config, before: snippet }))
    await started(win)
    // Once the banner shows: where a site owner trying the page meets it.
    await expect
      .poll(() => win.logged)
      .toEqual([
        "warn: consentry: gtag('config') ran before Consent Mode's default; load consentry.js above the gtag.js and Tag Manager snippets",
      ])
  })
})
