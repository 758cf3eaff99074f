// Each vendor adapter against a local stand-in of the vendor's global.
import { describe, expect, it } from 'vitest'
import { fullStory } from '../../src/gates/vendors/fullstory'
import { microsoftClarity } from '../../src/gates/vendors/microsoft-clarity'
import { microsoftUet } from '../../src/gates/vendors/microsoft-uet'
import { blankPage } from '../support/browser'
import { gateWith } from '../support/gate'

const start = gateWith

describe('Microsoft UET', () => {
  it('pushes a denied default at start, then updates with the marketing grant', async () => {
    const { win, doc } = await blankPage()
    const consent = start(doc, microsoftUet())
    expect(win.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }])
    consent.setConsent({ marketing: true })
    consent.rejectAll()
    expect(win.uetq.slice(3)).toEqual([
      'consent',
      'update',
      { ad_storage: 'granted' },
      'consent',
      'update',
      { ad_storage: 'denied' },
    ])
    consent.destroy()
  })

  it('updates at start when a decision is stored, into an existing queue', async () => {
    start((await blankPage()).doc, microsoftUet()).acceptAll()
    const { win, doc } = await blankPage(`<script>window.uetq = ['pageLoad']</script>`)
    start(doc, microsoftUet()).destroy()
    expect(win.uetq).toEqual([
      'pageLoad',
      'consent',
      'default',
      { ad_storage: 'denied' },
      'consent',
      'update',
      { ad_storage: 'granted' },
    ])
  })
})

describe('Microsoft Clarity', () => {
  it('queues consentv2 calls until Clarity loads, in its own queue', async () => {
    const { win, doc } = await blankPage()
    const consent = start(doc, microsoftClarity())
    expect(win.clarity).toBeUndefined()
    consent.setConsent({ analytics: true })
    expect(Array.from(win.clarity.q[0])).toEqual(['consentv2', { analytics_Storage: 'granted', ad_Storage: 'denied' }])
    consent.destroy()
  })

  it('calls a loaded Clarity directly on every change', async () => {
    const { win, doc } = await blankPage(
      `<script>window.calls = []; window.clarity = (...args) => calls.push(args)</script>`,
    )
    const consent = start(doc, microsoftClarity())
    consent.acceptAll()
    consent.setConsent({ marketing: false })
    expect(win.calls).toEqual([
      ['consentv2', { analytics_Storage: 'granted', ad_Storage: 'granted' }],
      ['consentv2', { analytics_Storage: 'granted', ad_Storage: 'denied' }],
    ])
    consent.destroy()
  })
})

describe('FullStory', () => {
  const snippet = `<script>window.commands = []; window.FS = (command) => commands.push(command)</script>`

  it('holds capture until analytics is granted, starts it, and shuts it down on withdrawal', async () => {
    const { win, doc } = await blankPage(snippet)
    const consent = start(doc, fullStory())
    expect(win._fs_capture_on_startup).toBe(false)
    expect(win.commands).toEqual([])
    consent.setConsent({ analytics: true })
    consent.setConsent({ marketing: true })
    consent.setConsent({ analytics: false })
    expect(win.commands).toEqual(['start', 'shutdown'])
    expect(win._fs_capture_on_startup).toBe(false)
    consent.destroy()
  })

  it('lets a snippet that loads after the grant start capturing by itself', async () => {
    const { win, doc } = await blankPage()
    const consent = start(doc, fullStory({ name: 'analytics.fullstory' }))
    consent.acceptAll()
    expect(win._fs_capture_on_startup).toBe(true)
    consent.setConsent({ 'analytics.fullstory': false })
    expect(win._fs_capture_on_startup).toBe(false)
    consent.destroy()
  })
})
