// Every feature a JSON config turns on, through the built script tag on served pages, against
// stand-ins of the vendors' tags (test/support/server.ts records what each finds as it loads).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { clearCookies, closeFrames, finishAnimations, labelOf, requests, quietFor } from './support/browser'
import { deniedSignals, siteConfig } from './support/configs'
import { gatedRequests, pageViolations, scriptTagPage, uiRoot, visit } from './support/pages'

beforeEach(async () => {
  clearCookies()
  localStorage.clear()
  await requests(true)
})
afterEach(closeFrames)

type Win = Window & Record<string, any>
const started = async (win: Win) => {
  await expect.poll(() => typeof win.consentry?.getState).toBe('function')
  return win.consentry
}
const button = (doc: Document, name: string) =>
  [...(uiRoot(doc)?.querySelectorAll('button') ?? [])].find((element) => labelOf(element) == name) as
    | HTMLElement
    | undefined
const bannerText = (doc: Document) => uiRoot(doc)?.querySelector('.banner')?.textContent ?? ''
const denied = deniedSignals
const granted = {
  ...denied,
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
  analytics_storage: 'granted',
}

describe('Google Consent Mode v2 from the config', () => {
  // gtag.js loaded ungated right after consentry.js, as Consent Mode's advanced set-up has it.
  const body = `<script src="/__vendor/gtag.js"></script>
    <script type="text/plain" data-consent="analytics">window.atTag = Array.from(dataLayer).filter((e) => !e.event).map((e) => Array.from(e))</script>`

  it('has the default in the dataLayer before an ungated gtag.js loads, on a first visit, before validation', async () => {
    const { win } = await visit(await scriptTagPage({ config: { ...siteConfig, googleConsentMode: true }, body }))
    await expect
      .poll(() => win.vendorSeen)
      .toEqual([['gtag.js', [['consent', 'default', { ...denied, wait_for_update: 500 }]]]])
    ;(await started(win)).acceptAll()
    // The update precedes the tag it unblocks.
    await expect
      .poll(() => win.atTag)
      .toEqual([
        ['consent', 'default', { ...denied, wait_for_update: 500 }],
        ['consent', 'update', granted],
      ])
  })

  it('pushes default and update on a returning visit, before the gated tag runs, with every option', async () => {
    const googleConsentMode = {
      waitForUpdate: 800,
      adsDataRedaction: true,
      urlPassthrough: true,
      regions: { 'US-CA,US-NY': { ad_storage: 'granted' } },
      mapping: { analytics_storage: ['analytics.ga'] },
    }
    const url = await scriptTagPage({ config: { ...siteConfig, googleConsentMode }, body })
    ;(await started((await visit(url)).win)).setConsent({ analytics: true, 'analytics.ga': true })
    const { win } = await visit(url)
    const expected = [
      ['consent', 'default', { analytics_storage: 'denied', wait_for_update: 800 }],
      [
        'consent',
        'default',
        { analytics_storage: 'denied', ad_storage: 'granted', region: ['US-CA', 'US-NY'], wait_for_update: 800 },
      ],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]
    // The stored decision's update is there at once, before any tag loads.
    const update = ['consent', 'update', { analytics_storage: 'granted' }]
    await expect.poll(() => win.vendorSeen?.[0]).toEqual(['gtag.js', [...expected, update]])
    await expect.poll(() => win.atTag).toEqual([...expected, update])
  })

  it('rejects an option it does not know, naming its path', async () => {
    const { win } = await visit(
      await scriptTagPage({ config: { ...siteConfig, googleConsentMode: { waitForUpdat: 5 } } }),
    )
    await expect
      .poll(() => win.logged)
      .toEqual([
        'error: ConsentryError: consentry: googleConsentMode.waitForUpdat: unknown key, did you mean "waitForUpdate"?',
      ])
  })
})

describe('Global Privacy Control', () => {
  beforeAll(() => commands.emulateGpc(true))
  afterAll(() => commands.emulateGpc(false))
  const tags = `
    <script type="text/plain" data-consent="analytics" src="/__gated/analytics.js"></script>
    <script type="text/plain" data-consent="marketing" src="/__gated/ads.js"></script>
    <script type="text/plain" data-consent="sharing" src="/__gated/sharing.js"></script>`
  const config = { ...siteConfig, categories: { ...siteConfig.categories, sharing: { saleOrSharing: true } } }

  it('keeps marketing and sale-or-sharing categories denied by Accept all, says so, and sends Sec-GPC', async () => {
    const { win, doc } = await visit(`${await scriptTagPage({ config, body: tags })}?gpc=1`)
    const consent = await started(win)
    expect(consent.gpc).toBe(true)
    await expect.poll(() => bannerText(doc)).toContain('Global Privacy Control')
    button(doc, 'Accept all')!.click()
    await expect.poll(() => win.ran).toEqual(['analytics.js'])
    await quietFor(200)
    expect(await gatedRequests()).toEqual(['/__gated/analytics.js'])
    expect(consent.getState().categories).toMatchObject({ analytics: true, marketing: false, sharing: false })
    const headers: string[] = await (await fetch('/__gpc')).json()
    expect(headers.at(-1)).toBe('1')
  })

  it('lets the visitor turn marketing on explicitly in the preferences, which say the signal is honoured', async () => {
    const { win, doc } = await visit(`${await scriptTagPage({ config, body: tags })}?gpc=1`)
    const consent = await started(win)
    consent.showPreferences()
    await expect.poll(() => uiRoot(doc)?.querySelector('dialog .gpc')?.textContent).toContain('Global Privacy Control')
    const marketing = [...uiRoot(doc)!.querySelectorAll('[role="switch"]')].find(
      (element) => uiRoot(doc)!.getElementById(element.getAttribute('aria-labelledby')!)?.textContent == 'Marketing',
    ) as HTMLElement
    marketing.click()
    button(doc, 'Save preferences')!.click()
    await expect.poll(() => win.ran).toEqual(['ads.js'])
    expect(consent.getState().categories.sharing).toBe(false)
  })

  it('records gpc in the receipt', async () => {
    await fetch('/__receipts?reset&fail=0&delay=0&down=0')
    const withReceipts = { ...config, receipts: { endpoint: '/api/consent/receipts', retryDelay: 5 } }
    const { win } = await visit(`${await scriptTagPage({ config: withReceipts })}?gpc=1`)
    ;(await started(win)).acceptAll()
    await expect
      .poll(async () => (await (await fetch('/__receipts')).json()).map(({ receipt }: any) => receipt.gpc))
      .toEqual([true])
  })
})

describe('regional modes', () => {
  const tags = `
    <script type="text/plain" data-consent="analytics" src="/__gated/analytics.js"></script>
    <script type="text/plain" data-consent="marketing" src="/__gated/ads.js"></script>`
  const config = { ...siteConfig, regions: { US: 'notice', 'US-CA': 'opt-out', DE: 'opt-in' } }

  it('runs opt-out in the region that asks for it: granted until the visitor opts out in one click', async () => {
    const url = await scriptTagPage({ config, body: tags, region: 'US-CA' })
    const { win, doc } = await visit(url)
    const consent = await started(win)
    expect(consent.mode).toBe('opt-out')
    await expect.poll(() => win.ran?.sort()).toEqual(['ads.js', 'analytics.js'])
    expect(consent.getState().decided).toBe(false)
    await expect.poll(() => button(doc, 'Do Not Sell or Share My Personal Information')).toBeTruthy()
    expect(button(doc, 'OK')).toBeTruthy()
    button(doc, 'Do Not Sell or Share My Personal Information')!.click()
    expect(consent.getState()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } })
    await requests(true)
    const again = await visit(url)
    await expect.poll(() => again.win.ran).toEqual(['analytics.js'])
    await quietFor(200)
    expect(await gatedRequests()).toEqual(['/__gated/analytics.js'])
  })

  it('runs notice mode with an informational banner and nothing to choose', async () => {
    const { win, doc } = await visit(await scriptTagPage({ config, body: tags, region: 'US-NY' }))
    const consent = await started(win)
    expect(consent.mode).toBe('notice')
    await expect.poll(() => win.ran?.sort()).toEqual(['ads.js', 'analytics.js'])
    await expect
      .poll(() => [...uiRoot(doc)!.querySelectorAll('.banner button')].map((element) => element.textContent))
      .toEqual(['OK'])
    button(doc, 'OK')!.click()
    expect(consent.getState().decided).toBe(true)
    expect(uiRoot(doc)!.querySelector('.banner')).toBeNull()
  })

  it('asks first where the region or the config says opt-in, and with no region at all', async () => {
    for (const region of ['DE', undefined]) {
      await requests(true)
      const { win } = await visit(await scriptTagPage({ config, body: tags, region }))
      expect((await started(win)).mode).toBe('opt-in')
      await quietFor(200)
      expect(await gatedRequests()).toEqual([])
    }
  })

  it('never grants sale or sharing in opt-out mode under Global Privacy Control', async () => {
    await commands.emulateGpc(true)
    try {
      const { win } = await visit(`${await scriptTagPage({ config, body: tags, region: 'US-CA' })}?gpc=1`)
      await started(win)
      await expect.poll(() => win.ran).toEqual(['analytics.js'])
      await quietFor(200)
      expect(await gatedRequests()).toEqual(['/__gated/analytics.js'])
    } finally {
      await commands.emulateGpc(false)
    }
  })
})

describe('receipts and the email link', () => {
  beforeEach(() => fetch('/__receipts?reset&fail=0&delay=0&down=0'))
  const config = { ...siteConfig, receipts: { endpoint: '/api/consent/receipts', subjectParam: 'ctk', retryDelay: 5 } }
  const stored = async () =>
    (await (await fetch('/__receipts')).json()) as { contact: string | null; receipt: Record<string, any> }[]

  it('takes the token out of the address bar before any tag runs, and records the email-link source', async () => {
    const token: string = await (await fetch('/__receipts?sign=contact-7')).json()
    const body = `<script type="text/plain" data-consent="essential">window.seenUrl = location.href</script>`
    const { win, doc } = await visit(`${await scriptTagPage({ config, body })}?consent=preferences&ctk=${token}`)
    await expect.poll(() => win.seenUrl).toBeTruthy()
    expect(win.seenUrl).not.toContain('ctk=')
    expect(win.location.search).toBe('?consent=preferences')
    // The sender is fetched before the decision: the recipient may close the tab right after it.
    await expect
      .poll(async () => (await requests()).filter((path) => path.includes('consentry-receipts')))
      .toEqual(['/__dist/consentry-receipts.js'])
    await expect.poll(() => button(doc, 'Save preferences')).toBeTruthy()
    const clickTracking = uiRoot(doc)!.querySelector('[role="switch"]') as HTMLElement
    clickTracking.click()
    button(doc, 'Save preferences')!.click()
    await expect.poll(stored).toHaveLength(1)
    const [record] = await stored()
    expect(record).toMatchObject({
      contact: 'contact-7',
      receipt: { source: 'email-link', subject: 'verified', categories: { 'click-tracking': true } },
    })
  })

  it('tells the CRM that a recipient who declined click tracking from the email link declined it', async () => {
    const token: string = await (await fetch('/__receipts?sign=contact-8')).json()
    const crm = async () =>
      fetch('/api/consent/subjects/contact-8', { headers: { authorization: 'Bearer test-api-key' } })
    // Opted in once before, from another email.
    const before = await visit(`${await scriptTagPage({ config })}?consent=preferences&ctk=${token}`)
    ;(await started(before.win)).setConsent({ 'click-tracking': true }, 'email-link')
    await expect.poll(async () => (await crm()).status).toBe(200)
    const { doc } = await visit(`${await scriptTagPage({ config })}?consent=preferences&ctk=${token}`)
    await expect.poll(() => uiRoot(doc)?.querySelector('[role="switch"]')?.getAttribute('aria-checked')).toBe('true')
    ;(uiRoot(doc)!.querySelector('[role="switch"]') as HTMLElement).click()
    button(doc, 'Save preferences')!.click()
    await expect.poll(async () => (await (await crm()).json()).categories['click-tracking']).toBe(false)
    const history = await (
      await fetch('/api/consent/subjects/contact-8/receipts', { headers: { authorization: 'Bearer test-api-key' } })
    ).json()
    expect(
      history.map((receipt: { categories: Record<string, boolean> }) => receipt.categories['click-tracking']),
    ).toEqual([true, false])
  })

  it('records banner, preferences and api decisions by who made them, and fetches the sender only then', async () => {
    const url = await scriptTagPage({ config })
    const { win, doc } = await visit(url)
    const consent = await started(win)
    await quietFor(200)
    expect((await requests()).filter((path) => path.includes('consentry-receipts'))).toEqual([])
    await expect.poll(() => button(doc, 'Accept all')).toBeTruthy()
    consent.rejectAll()
    // A decision through the API ends the banner; shown again, it records its own.
    await expect.poll(() => button(doc, 'Accept all')).toBeUndefined()
    consent.showBanner()
    await expect.poll(() => button(doc, 'Accept all')).toBeTruthy()
    button(doc, 'Accept all')!.click()
    consent.showPreferences()
    await expect.poll(() => button(doc, 'Reject all')).toBeTruthy()
    ;[...uiRoot(doc)!.querySelectorAll('dialog button')]
      .find((element) => labelOf(element) == 'Reject all')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await expect
      .poll(async () => (await stored()).map(({ receipt }) => receipt.source))
      .toEqual(['api', 'banner', 'preferences'])
    expect((await requests()).filter((path) => path.includes('consentry-receipts'))).toEqual([
      '/__dist/consentry-receipts.js',
    ])
  })
})

describe('cross-tab sync', () => {
  it('is on by default: a decision in one tab applies in another within a second, with the same id', async () => {
    const url = await scriptTagPage()
    const one = await visit(url)
    const other = await visit(url)
    const first = await started(one.win)
    const second = await started(other.win)
    first.setConsent({ marketing: true })
    await expect.poll(() => second.getState().categories.marketing).toBe(true)
    expect(second.getState().id).toBe(first.getState().id)
    first.reset()
    await expect.poll(() => second.getState().decided).toBe(false)
  })

  it('is off with "crossTab": false', async () => {
    const url = await scriptTagPage({ config: { ...siteConfig, crossTab: false } })
    const first = await started((await visit(url)).win)
    const second = await started((await visit(url)).win)
    first.setConsent({ marketing: true })
    await quietFor(1000)
    expect(second.getState().decided).toBe(false)
  })
})

describe('vendor adapters from the config', () => {
  const config = {
    ...siteConfig,
    categories: {
      ...siteConfig.categories,
      analytics: { services: { fullstory: { vendor: 'fullstory' }, clarity: { vendor: 'microsoft-clarity' } } },
      marketing: { services: { bing: { vendor: 'microsoft-uet' } } },
    },
  }
  const body = `<script src="/__vendor/uet.js"></script><script src="/__vendor/clarity.js"></script><script src="/__vendor/fullstory.js"></script>`

  it('holds FullStory capture and sets UET and Clarity consent before their tags load, then updates them', async () => {
    const url = await scriptTagPage({ config, body })
    const { win } = await visit(url)
    await expect.poll(() => win.vendorSeen?.length).toBe(3)
    expect(win.vendorSeen).toEqual([
      ['uet.js', ['consent', 'default', { ad_storage: 'denied' }]],
      ['clarity.js', []],
      ['fullstory.js', false],
    ])
    const consent = await started(win)
    consent.setConsent({ 'analytics.fullstory': true, 'marketing.bing': true })
    expect(win._fs_capture_on_startup).toBe(true)
    expect(Array.from(win.uetq).slice(-3)).toEqual(['consent', 'update', { ad_storage: 'granted' }])
    expect(win.clarity.q.map((entry: IArguments) => Array.from(entry)).at(-1)).toEqual([
      'consentv2',
      { analytics_Storage: 'denied', ad_Storage: 'denied' },
    ])
  })
})

describe('placeholders of gated embeds', () => {
  const config = {
    ...siteConfig,
    categories: {
      ...siteConfig.categories,
      marketing: { services: { youtube: { title: 'YouTube', description: 'Videos on this page.' } } },
    },
  }
  const body = `<p>Before</p>
    <iframe data-consent="marketing.youtube" data-src="/__gated/video.html" width="480" height="270" title="A video"></iframe>
    <p id="after">After</p>
    <iframe data-consent="marketing.youtube" data-src="/__gated/other.html" data-consent-placeholder="off" title="No placeholder"></iframe>
    <template data-consent="marketing" height="120"><img src="/__gated/pixel.gif" alt=""></template>`
  const held = (doc: Document) => [...doc.querySelectorAll('[data-consentry-placeholder]')] as HTMLElement[]

  it('stand in, of the same size, until the service is allowed from its button, and shift nothing then', async () => {
    const { win, doc } = await visit(await scriptTagPage({ config, body }), { width: 800, height: 900 })
    const consent = await started(win)
    consent.rejectAll()
    consent.hide()
    await expect.poll(() => held(doc).length).toBe(2)
    const [frame, template] = held(doc)
    const box = frame!.getBoundingClientRect()
    // The iframe's border box: 480 × 270 and its default 2 px border.
    expect([box.width, box.height]).toEqual([484, 274])
    expect(template!.getBoundingClientRect().height).toBe(120)
    const root = frame!.shadowRoot!
    expect(root.textContent).toContain('YouTube')
    expect(root.textContent).toContain('Videos on this page.')
    // The UI's own font, not the serif that `all: initial` leaves.
    expect(win.getComputedStyle(root.querySelector('.placeholder')!).fontFamily).toMatch(/^system-ui/)
    const after = doc.getElementById('after')!.getBoundingClientRect().top
    const shifts: number[] = []
    new win.PerformanceObserver((list: PerformanceObserverEntryList) => {
      for (const entry of list.getEntries()) shifts.push((entry as any).value)
    }).observe({ type: 'layout-shift' })
    const load = [...root.querySelectorAll('button')].find((element) => element.textContent == 'Load YouTube')!
    load.click()
    expect(consent.isGranted('marketing.youtube')).toBe(true)
    expect(consent.isGranted('marketing')).toBe(false)
    await expect.poll(gatedRequests).toEqual(['/__gated/other.html', '/__gated/video.html'])
    expect(held(doc)).toHaveLength(1)
    const embed = doc.querySelector('iframe')!.getBoundingClientRect()
    expect([embed.left, embed.top, embed.width, embed.height]).toEqual([box.left, box.top, box.width, box.height])
    expect(doc.getElementById('after')!.getBoundingClientRect().top).toBe(after)
    await quietFor(200)
    expect(shifts).toEqual([])
  })

  it('open the preferences from their link, and come back on withdrawal', async () => {
    const { win, doc } = await visit(await scriptTagPage({ config, body }))
    const consent = await started(win)
    consent.acceptAll()
    consent.hide()
    await quietFor(200)
    expect(held(doc)).toHaveLength(0)
    consent.setConsent({ marketing: false })
    await expect.poll(() => held(doc).length).toBe(2)
    ;[...held(doc)[0]!.shadowRoot!.querySelectorAll('button')]
      .find((element) => element.textContent == 'Cookie settings')!
      .click()
    await expect.poll(() => uiRoot(doc)?.querySelector('dialog')?.open).toBe(true)
  })

  it('load the UI on a returning visit only when an embed waits', async () => {
    const url = await scriptTagPage({ config, body })
    ;(await started((await visit(url)).win)).acceptAll()
    await requests(true)
    await started((await visit(url)).win)
    await quietFor(300)
    expect((await requests()).filter((path) => path.startsWith('/__dist/'))).toEqual(['/__dist/consentry.js'])
  })
})

describe('accessibility of the new UI', () => {
  const config = {
    ...siteConfig,
    regions: { 'US-CA': 'opt-out' },
    categories: { ...siteConfig.categories, marketing: { services: { youtube: { title: 'YouTube' } } } },
  }

  it.each([
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'ar'],
    ['dark', 'he'],
  ])(
    'the opt-out banner, the GPC notice and the placeholders have no axe violations, %s theme, %s',
    async (theme, language) => {
      await commands.emulateGpc(true)
      try {
        const body = `<main><h1>Page</h1><iframe data-consent="marketing.youtube" data-src="/__gated/video.html" width="480" height="270" title="A video"></iframe></main>
        <script src="/node_modules/axe-core/axe.min.js"></script>`
        const page = await scriptTagPage({ config: { ...config, language, ui: { theme } }, body, region: 'US-CA' })
        const { win, doc } = await visit(`${page}?gpc=1`)
        await started(win)
        await expect.poll(() => doc.querySelectorAll('[data-consentry-placeholder]').length).toBe(1)
        await expect.poll(() => uiRoot(doc)?.querySelector('.banner .gpc')).toBeTruthy()
        await expect.poll(() => typeof win.axe).toBe('object')
        finishAnimations(uiRoot(doc)!)
        expect(await pageViolations(win, doc)).toEqual([])
      } finally {
        await commands.emulateGpc(false)
      }
    },
  )
})
