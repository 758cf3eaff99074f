// Two pages of the site open at once, as two tabs would be.
import { describe, expect, it } from 'vitest'
import { crossTab } from '../../src/gates/cross-tab'
import { blankPage, quietFor } from '../support/browser'
import { gateWith } from '../support/gate'

const tab = async (withoutBroadcastChannel = false) => {
  const page = await blankPage(
    `<script type="text/plain" data-consent="analytics">window.ran = (window.ran || 0) + 1</script>`,
  )
  if (withoutBroadcastChannel) delete (page.win as Partial<Window & typeof globalThis>).BroadcastChannel
  const consent = gateWith(page.doc, crossTab())
  return { ...page, consent }
}

describe('cross-tab sync', () => {
  it('applies a decision made in one tab to the other within a second, with the same consent id', async () => {
    const one = await tab()
    const two = await tab()
    const changes: string[][] = []
    two.consent.on('change', (detail) => changes.push(detail.changed!))
    const started = performance.now()
    one.consent.setConsent({ analytics: true })
    await expect.poll(() => two.consent.isGranted('analytics')).toBe(true)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(two.consent.getState()).toEqual(one.consent.getState())
    await expect.poll(() => two.win.ran).toBe(1)
    expect(changes).toEqual([['analytics', 'analytics.ga', 'analytics.fullstory']])
    one.consent.destroy()
    two.consent.destroy()
  })

  it('applies a withdrawal and a reset too, and hides a banner the other tab still showed', async () => {
    const one = await tab()
    const two = await tab()
    one.consent.acceptAll()
    await expect.poll(() => two.consent.isGranted('marketing')).toBe(true)
    one.consent.setConsent({ marketing: false })
    await expect.poll(() => two.consent.isGranted('marketing')).toBe(false)
    one.consent.reset()
    await expect.poll(() => two.consent.getState().decided).toBe(false)
    expect(two.consent.getState().id).toBe(one.consent.getState().id)
    two.consent.showBanner()
    one.consent.rejectAll()
    await expect.poll(() => two.consent.$view.get()).toBe('none')
    one.consent.destroy()
    two.consent.destroy()
  })

  it('falls back to the storage event where there is no BroadcastChannel', async () => {
    const one = await tab(true)
    const two = await tab(true)
    one.consent.setConsent({ marketing: true })
    await expect.poll(() => two.consent.isGranted('marketing')).toBe(true)
    one.consent.destroy()
    two.consent.destroy()
  })

  it('does not echo: a decision is written once, not bounced between tabs', async () => {
    const one = await tab()
    const two = await tab()
    let decisions = 0
    one.consent.on('consent', () => decisions++)
    one.consent.acceptAll()
    await expect.poll(() => two.consent.getState().decided).toBe(true)
    await quietFor(200)
    expect(decisions).toBe(1)
    expect(two.consent.getState().updatedAt).toBe(one.consent.getState().updatedAt)
    one.consent.destroy()
    two.consent.destroy()
  })
})
