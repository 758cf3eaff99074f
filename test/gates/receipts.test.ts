// The receipts gate against the reference receiver, served by the test server with injected faults.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createConsentry } from '../../src/create-consentry'
import { domGates } from '../../src/gates/dom-gates'
import { crossTab } from '../../src/gates/cross-tab'
import { receipts, type ReceiptsOptions } from '../../src/gates/receipts'
import { blankPage, closeFrames, requests, servePage, openFrame, quietFor, within } from '../support/browser'
import { siteConfig } from '../support/configs'
import { gateWith } from '../support/gate'

type Stored = { contact: string | null; receipt: Record<string, any> }
const stored = async (faults = ''): Promise<Stored[]> => (await fetch(`/__receipts?${faults}`)).json()
const options: ReceiptsOptions = {
  endpoint: '/api/consent/receipts',
  subjectParam: 'ctk',
  retryDelay: 5,
  maxQueued: 2000,
}
const start = (doc: Document, extra: Partial<ReceiptsOptions> = {}) => gateWith(doc, receipts({ ...options, ...extra }))
const outbox = (): unknown[] => JSON.parse(localStorage.getItem('consentry:outbox:consentry') ?? '[]')

/**
 * Wait until the outbox is empty, however long the endpoint takes, as long as it makes progress:
 * fail only once no receipt was stored for `stalled` ms (scaled for a slow machine).
 */
const drained = async (stalled: number) => {
  let count = -1
  let progressAt = Date.now()
  while (outbox().length) {
    const now = (await stored()).length
    if (now != count) {
      count = now
      progressAt = Date.now()
    } else if (Date.now() - progressAt > within(stalled)) {
      throw new Error(`the outbox stopped draining: ${outbox().length} queued, ${count} stored`)
    }
    await new Promise((done) => setTimeout(done, 250))
  }
}

beforeEach(async () => {
  await stored('reset&fail=0&delay=0&down=0&limited=0')
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(closeFrames)

describe('consent receipts', () => {
  it('POSTs a receipt of each decision, in the contract shape', async () => {
    const { doc } = await blankPage()
    const consent = start(doc)
    consent.setConsent({ analytics: true })
    await expect.poll(async () => (await stored()).length).toBe(1)
    const { receipt } = (await stored())[0]!
    expect(receipt).toMatchObject({
      consentId: consent.getState().id,
      revision: 1,
      categories: { essential: true, analytics: true, marketing: false, 'click-tracking': false },
      services: { 'analytics.ga': true },
      source: 'api',
      gpc: false,
      locale: expect.any(String),
      timestamp: new Date(consent.getState().updatedAt!).toISOString(),
    })
    expect(receipt.receiptId).toMatch(/^[\da-f]{8}-[\da-f]{4}-4/)
    consent.destroy()
  })

  it('names the source each decision carries, api by default even while the banner shows', async () => {
    const { doc } = await blankPage()
    const consent = start(doc)
    consent.showBanner()
    consent.acceptAll('banner')
    consent.setConsent({ analytics: false }, 'preferences')
    consent.rejectAll('email-link')
    consent.acceptAll()
    const sources = async () => (await stored()).map(({ receipt }) => receipt.source)
    await expect.poll(sources).toEqual(['banner', 'preferences', 'email-link', 'api'])
    consent.destroy()
  })

  it('takes the recipient token out of the address bar before any gated tag runs, into subject only', async () => {
    const token: string = await (await fetch('/__receipts?sign=contact-1')).json()
    const url =
      await servePage(`<!doctype html><body><script type="text/plain" data-consent="analytics" src="/__gated/tag.js"></script>
      <script type="text/plain" data-consent="analytics">window.seenUrl = location.href</script></body>`)
    const frame = await openFrame(`${url}?consent=preferences&ctk=${token}&utm=x`)
    const win = frame.contentWindow as Window & Record<string, any>
    await requests(true)
    const consent = start(frame.contentDocument!)
    expect(win.location.search).toBe('?consent=preferences&utm=x')
    consent.showPreferences()
    consent.acceptAll('email-link')
    await expect.poll(() => win.seenUrl).toBeTruthy()
    expect(win.seenUrl).not.toContain('ctk=')
    expect(document.cookie).not.toContain(token)
    expect(await requests()).toEqual(['/__gated/tag.js'])
    const referers: string[] = await (await fetch('/__referers')).json()
    expect(referers.at(-1)).toContain('utm=x')
    expect(referers.some((referer) => referer.includes(token))).toBe(false)
    await expect.poll(async () => (await stored()).length).toBe(1)
    const [record] = await stored()
    expect(record).toMatchObject({ contact: 'contact-1', receipt: { source: 'email-link', subject: 'verified' } })
    expect(record!.receipt.url).not.toContain('ctk=')
    consent.destroy()
  })

  it('keeps receipts while the endpoint is down and sends them when it is back', async () => {
    await stored('down=1')
    const { doc } = await blankPage()
    const consent = start(doc, { retryDelay: 20 })
    consent.acceptAll()
    consent.rejectAll()
    await quietFor(200)
    expect(await stored()).toEqual([])
    expect(outbox()).toHaveLength(2)
    await stored('down=0')
    await expect.poll(async () => (await stored()).length).toBe(2)
    await expect.poll(outbox).toEqual([])
    consent.destroy()
  })

  it('holds every send back for as long as a 429 asks, keeping the receipts, then sends them', async () => {
    await stored('limited=4')
    const refused = async (): Promise<number> => (await fetch('/__receipts?refused')).json()
    const { doc } = await blankPage()
    // A 5 ms backoff would try again many times a second; Retry-After says 4 s.
    const consent = start(doc, { retryDelay: 5 })
    consent.acceptAll()
    await expect.poll(refused).toBe(1)
    consent.rejectAll()
    await quietFor(1000)
    // The second decision waits too: one request in all, both receipts kept.
    expect(await refused()).toBe(1)
    expect(outbox()).toHaveLength(2)
    await stored('limited=0')
    await expect.poll(async () => (await stored()).length, { timeout: within(10_000) }).toBe(2)
    await expect.poll(outbox).toEqual([])
    consent.destroy()
  })

  it('sends one receipt for a decision that crossTab() applies in other open tabs', async () => {
    const tab = async () =>
      createConsentry(siteConfig, {
        document: (await blankPage()).doc,
        ui: false,
        gates: [receipts(options), crossTab(), ...domGates()],
      })
    const one = await tab()
    const two = await tab()
    one.acceptAll()
    await expect.poll(() => two.getState().decided).toBe(true)
    await expect.poll(async () => (await stored()).length).toBe(1)
    await quietFor(200)
    expect(await stored()).toHaveLength(1)
    one.destroy()
    two.destroy()
  })

  it('sends later receipts past one that the endpoint keeps refusing, which stays queued', async () => {
    // An earlier page view left a receipt the endpoint answers with 400, again and again.
    const refused = { receiptId: '00000000-0000-4000-8000-000000000001', source: 'nobody knows' }
    localStorage.setItem('consentry:outbox:consentry', JSON.stringify([refused]))
    const { doc } = await blankPage()
    const consent = start(doc)
    consent.setConsent({ 'click-tracking': false })
    await expect
      .poll(async () => (await stored()).map(({ receipt }) => receipt.categories['click-tracking']))
      .toEqual([false])
    expect(outbox()).toEqual([refused])
    consent.destroy()
  })

  it('keeps the recipient token across a reload before the visitor decides', async () => {
    const token: string = await (await fetch('/__receipts?sign=contact-3')).json()
    const url = await servePage('<!doctype html><body></body>')
    const first = await openFrame(`${url}?ctk=${token}`)
    start(first.contentDocument!).destroy()
    expect(first.contentWindow!.location.search).toBe('')
    // Reloaded without the token in the address bar.
    const reloaded = new Promise((done) => (first.onload = done))
    first.contentWindow!.location.reload()
    await reloaded
    const consent = start(first.contentDocument!)
    consent.setConsent({ 'click-tracking': false }, 'email-link')
    await expect.poll(stored).toHaveLength(1)
    expect((await stored())[0]).toMatchObject({
      contact: 'contact-3',
      receipt: { subject: 'verified', source: 'email-link' },
    })
    consent.destroy()
  })

  it('opens no Web Storage while the page starts without a token in the URL, and still sends what an earlier page view left', async () => {
    const left = { receiptId: crypto.randomUUID(), consentId: crypto.randomUUID(), revision: 1 }
    const { win, doc } = await blankPage()
    win.localStorage.setItem(
      'consentry:outbox:consentry',
      JSON.stringify([
        {
          ...left,
          categories: { essential: true },
          services: {},
          source: 'api',
          gpc: false,
          locale: 'en',
          url: doc.URL,
          timestamp: new Date().toISOString(),
        },
      ]),
    )
    const touched: string[] = []
    for (const name of ['getItem', 'setItem'] as const) {
      const original = win.Storage.prototype[name]
      win.Storage.prototype[name] = function (this: Storage, ...args: [string, string]) {
        touched.push(`${name} ${args[0]}`)
        return original.apply(this, args)
      } as never
    }
    const consent = start(doc)
    expect(touched).toEqual([])
    // The receipt left unsent goes once the start is over.
    await expect.poll(async () => (await stored()).map(({ receipt }) => receipt.receiptId)).toEqual([left.receiptId])
    consent.destroy()
  })

  it('drops the oldest receipt past the outbox cap, with a warning', async () => {
    await stored('down=1')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { doc } = await blankPage()
    const consent = start(doc, { maxQueued: 3, retryDelay: 60_000 })
    for (let i = 0; i < 5; i++) consent.setConsent({ analytics: i % 2 == 0 })
    const queue = outbox() as { categories: { analytics: boolean } }[]
    expect(queue).toHaveLength(3)
    expect(queue.map((receipt) => receipt.categories.analytics)).toEqual([true, false, true])
    expect(warn).toHaveBeenCalledWith('consentry: receipt outbox full (3); dropping the oldest')
    warn.mockRestore()
    consent.destroy()
  })

  it(
    'loses none and stores none twice over 1,000 decisions: failures, lost answers, slowness, pages closed mid-send',
    async () => {
      await stored('fail=0.3&delay=2')
      const decide = async (count: number) => {
        const { frame, doc } = await blankPage()
        const consent = start(doc)
        for (let i = 0; i < count; i++) consent.setConsent({ analytics: i % 2 == 0, marketing: i % 3 == 0 })
        // Closed a moment into sending (how far it got does not matter): the page and its timers go;
        // the outbox stays.
        await new Promise((done) => setTimeout(done, 30))
        consent.destroy()
        frame.remove()
      }
      for (let page = 0; page < 4; page++) await decide(250)
      // A later page view sends what is left.
      const { doc } = await blankPage()
      const consent = start(doc)
      await drained(15_000)
      const all = await stored()
      expect(all).toHaveLength(1000)
      expect(new Set(all.map(({ receipt }) => receipt.receiptId)).size).toBe(1000)
      consent.destroy()
    },
    within(300_000),
  )
})
