import { describe, expect, it } from 'vitest'
import { consentMode, type ConsentModeOptions } from '../../src/gates/consent-mode'
import { blankPage } from '../support/browser'
import { deniedSignals } from '../support/configs'
import { gateWith } from '../support/gate'

// A gated tag that records the gtag commands the dataLayer held when it ran (the consentry_update
// events in between are objects, not Arguments).
const tag = `<script type="text/plain" data-consent="analytics">
  window.seen = dataLayer.filter((entry) => !entry.event).map((entry) => Array.from(entry))</script>`
const entries = (win: Window & Record<string, any>) =>
  (win.dataLayer as (IArguments | { event: string })[])
    .filter((entry) => !('event' in entry))
    .map((entry) => Array.from(entry as IArguments))
const start = (doc: Document, options?: ConsentModeOptions) => gateWith(doc, consentMode(options))

const denied = deniedSignals

describe('Google Consent Mode v2', () => {
  it('pushes the default, every signal but the essential ones denied, synchronously at start', async () => {
    const { win, doc } = await blankPage(tag)
    const consent = start(doc)
    expect(entries(win)).toEqual([['consent', 'default', { ...denied, wait_for_update: 500 }]])
    expect(Object.prototype.toString.call(win.dataLayer[0])).toBe('[object Arguments]')
    consent.destroy()
  })

  it('pushes an update on a decision, before the gated tag runs', async () => {
    const { win, doc } = await blankPage(tag)
    const consent = start(doc)
    consent.setConsent({ analytics: true })
    await expect.poll(() => win.seen).toBeTruthy()
    const update = ['consent', 'update', { ...denied, analytics_storage: 'granted' }]
    expect(win.seen).toEqual([['consent', 'default', { ...denied, wait_for_update: 500 }], update])
    consent.destroy()
  })

  it('pushes default then update on a page load with a stored decision, before any gated tag', async () => {
    const first = await blankPage()
    start(first.doc).acceptAll()
    const { win, doc } = await blankPage(tag)
    const consent = start(doc)
    await expect.poll(() => win.seen).toBeTruthy()
    expect(win.seen.map((entry: unknown[]) => entry[1])).toEqual(['default', 'update'])
    expect(win.seen[1][2]).toEqual(Object.fromEntries(Object.keys(denied).map((signal) => [signal, 'granted'])))
    consent.destroy()
  })

  it('takes a mapping, per-region defaults, ads_data_redaction and url_passthrough', async () => {
    const { win, doc } = await blankPage()
    const consent = start(doc, {
      waitForUpdate: 1000,
      mapping: { analytics_storage: ['analytics', 'analytics.ga'], ad_storage: 'marketing.ads' },
      regions: { 'US-CA,US-CO': { analytics_storage: 'granted' } },
      adsDataRedaction: true,
      urlPassthrough: true,
    })
    consent.setConsent({ 'analytics.ga': true })
    expect(entries(win)).toEqual([
      ['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', wait_for_update: 1000 }],
      [
        'consent',
        'default',
        { analytics_storage: 'granted', ad_storage: 'denied', region: ['US-CA', 'US-CO'], wait_for_update: 1000 },
      ],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
      ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'denied' }],
    ])
    consent.destroy()
  })

  it('keeps an existing dataLayer and what it held', async () => {
    const { win, doc } = await blankPage(`<script>window.dataLayer = [{ event: 'page' }]</script>`)
    const consent = start(doc)
    expect(win.dataLayer[0]).toEqual({ event: 'page' })
    expect(Array.from(win.dataLayer[1] as IArguments).slice(0, 2)).toEqual(['consent', 'default'])
    consent.destroy()
  })
})
