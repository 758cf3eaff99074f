import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createConsentry } from '../../src/create-consentry'
import type { ConsentEventDetail, Consentry } from '../../src/core/types'
import { clearCookies, closeFrames, tick, uncaughtErrors } from '../support/browser'
import { siteConfig } from '../support/configs'

const instances: { destroy(): void }[] = []
// The UI has tests of its own; these instances load none.
const create = (config: unknown = siteConfig) => {
  const consent = createConsentry(config, { ui: false })
  instances.push(consent)
  return consent
}

beforeEach(clearCookies)
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy()
  closeFrames()
})

describe('createConsentry', () => {
  it('starts undecided with only required categories granted', () => {
    const state = create().getState()
    expect(state).toMatchObject({
      decided: false,
      revision: 1,
      updatedAt: null,
      categories: { essential: true, analytics: false, marketing: false, 'click-tracking': false },
      services: {
        'analytics.ga': false,
        'analytics.fullstory': false,
        'marketing.ads': false,
        'marketing.bing': false,
      },
    })
    expect(state.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
  })

  it('grants everything on acceptAll and keeps only required on rejectAll', () => {
    const consent = create()
    consent.acceptAll()
    expect(Object.values(consent.getState().categories)).toEqual([true, true, true, true])
    expect(consent.isGranted('analytics.fullstory')).toBe(true)
    consent.rejectAll()
    expect(consent.getState().categories).toEqual({
      essential: true,
      analytics: false,
      marketing: false,
      'click-tracking': false,
    })
    expect(consent.getState().decided).toBe(true)
  })

  it('updates part of the decision with setConsent, services following their category unless named', () => {
    const consent = create()
    consent.setConsent({ analytics: true, 'analytics.fullstory': false })
    expect(consent.isGranted('analytics')).toBe(true)
    expect(consent.isGranted('analytics.ga')).toBe(true)
    expect(consent.isGranted('analytics.fullstory')).toBe(false)
    expect(consent.isGranted('marketing')).toBe(false)
    consent.setConsent({ marketing: true })
    expect(consent.isGranted('analytics.fullstory')).toBe(false)
    expect(consent.isGranted('marketing.bing')).toBe(true)
  })

  it('never turns a required category off and ignores unknown names', () => {
    const consent = create()
    consent.setConsent({ essential: false, nonsense: true, constructor: true } as Record<string, boolean>)
    expect(consent.isGranted('essential')).toBe(true)
    expect(consent.isGranted('nonsense')).toBe(false)
    expect(consent.isGranted('constructor')).toBe(false)
    expect(consent.isGranted('toString')).toBe(false)
  })

  it('treats an undeclared service like its category', () => {
    const consent = create()
    consent.setConsent({ marketing: true })
    expect(consent.isGranted('marketing.olark')).toBe(true)
    expect(consent.isGranted('analytics.hotjar')).toBe(false)
  })

  it('remembers the decision in the cookie for the next instance', () => {
    const first = create()
    first.setConsent({ analytics: true, 'analytics.fullstory': false })
    const second = create()
    expect(second.getState()).toEqual(first.getState())
    expect(document.cookie).toContain('consentry=3|1|')
  })

  it('writes the cookie with path /, SameSite=Lax and 182 days by default', async () => {
    create().acceptAll()
    const cookie = (await cookieStore.get('consentry')) as CookieListItem & { expires: number }
    expect(cookie).toMatchObject({ path: '/', sameSite: 'lax' })
    const days = (cookie.expires - Date.now()) / 864e5
    expect(days).toBeGreaterThan(181.9)
    expect(days).toBeLessThan(182.1)
  })

  it('uses the configured cookie name, path and lifetime', async () => {
    create({ ...siteConfig, cookie: { name: 'cc_pref', path: '/', days: 30, sameSite: 'strict' } }).acceptAll()
    const cookie = (await cookieStore.get('cc_pref')) as CookieListItem & { expires: number }
    expect(cookie).toMatchObject({ path: '/', sameSite: 'strict' })
    expect(Math.round((cookie.expires - Date.now()) / 864e5)).toBe(30)
    expect(await cookieStore.get('consentry')).toBeNull()
  })

  it('counts a decision made under an older revision as none, keeping the consent id', () => {
    const first = create()
    first.acceptAll()
    const next = create({ ...siteConfig, revision: 2 })
    expect(next.getState()).toMatchObject({ decided: false, revision: 2, id: first.getState().id })
    expect(next.isGranted('analytics')).toBe(false)
  })

  it('counts a decision older than the configured lifetime as none', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 31 * 864e5 })
    create().acceptAll()
    vi.useRealTimers()
    expect(create({ ...siteConfig, cookie: { days: 30 } }).getState().decided).toBe(false)
    expect(create({ ...siteConfig, cookie: { days: 32 } }).getState().decided).toBe(true)
  })

  it('forgets the decision on reset: cookie deleted, everything denied, banner asked for', () => {
    const consent = create()
    consent.acceptAll()
    consent.reset()
    expect(document.cookie).not.toContain('consentry=')
    expect(consent.getState()).toMatchObject({ decided: false, updatedAt: null })
    expect(consent.isGranted('analytics')).toBe(false)
    expect(consent.$view.get()).toBe('banner')
  })

  it('exposes the state as a nanostores store', () => {
    const consent = create()
    const seen: boolean[] = []
    const stop = consent.$state.subscribe((state) => seen.push(state.categories.analytics!))
    consent.acceptAll()
    consent.rejectAll()
    stop()
    expect(seen).toEqual([false, true, false])
  })

  it('runs whenGranted callbacks now or on grant, once', () => {
    const consent = create()
    const later = vi.fn()
    consent.whenGranted('analytics.fullstory', later)
    expect(later).not.toHaveBeenCalled()
    consent.setConsent({ marketing: true })
    expect(later).not.toHaveBeenCalled()
    consent.acceptAll()
    consent.rejectAll()
    consent.acceptAll()
    expect(later).toHaveBeenCalledTimes(1)
    const now = vi.fn()
    consent.whenGranted('analytics', now)
    expect(now).toHaveBeenCalledTimes(1)
  })
})

describe('refresh()', () => {
  it('applies the decision stored elsewhere as it is stored, and its withdrawal, with change events', () => {
    const here = create()
    const elsewhere = create()
    const changed: string[][] = []
    here.on('change', (detail) => changed.push(detail.changed!))
    elsewhere.setConsent({ analytics: true })
    expect(here.isGranted('analytics')).toBe(false)
    here.refresh()
    expect(here.getState()).toEqual(elsewhere.getState())
    expect(changed).toHaveLength(1)
    expect(changed[0]).toEqual(expect.arrayContaining(['analytics', 'analytics.ga']))
    elsewhere.reset()
    here.refresh()
    expect(here.getState()).toMatchObject({ decided: false, id: elsewhere.getState().id })
    expect(here.isGranted('analytics')).toBe(false)
  })

  it('grants nothing from a decision stored under another revision, even where the mode grants by default', () => {
    const here = create({ ...siteConfig, revision: 2, mode: 'opt-out' })
    expect(here.isGranted('marketing')).toBe(true)
    create({ ...siteConfig, mode: 'opt-out' }).optOut()
    here.refresh()
    expect(here.getState().decided).toBe(false)
    expect(here.isGranted('marketing')).toBe(false)
  })
})

describe('events', () => {
  it('fires ready once the stored decision is read, after listeners were attached', async () => {
    const consent = create()
    const ready = vi.fn()
    consent.on('ready', ready)
    await tick()
    expect(ready).toHaveBeenCalledWith(expect.objectContaining({ decided: false }))
  })

  it('fires consent on every decision and change only when grants change, with the changed names', () => {
    const consent = create()
    const decisions: ConsentEventDetail[] = []
    const changes: ConsentEventDetail[] = []
    consent.on('consent', (detail) => decisions.push(detail))
    consent.on('change', (detail) => changes.push(detail))
    consent.rejectAll()
    expect(decisions).toHaveLength(1)
    expect(changes).toHaveLength(0)
    consent.setConsent({ analytics: true })
    expect(changes.at(-1)!.changed).toEqual(['analytics', 'analytics.ga', 'analytics.fullstory'])
    consent.setConsent({ 'analytics.fullstory': false })
    expect(changes.at(-1)!.changed).toEqual(['analytics.fullstory'])
    expect(decisions).toHaveLength(3)
  })

  it('dispatches consentry:* CustomEvents on window with the state in detail', async () => {
    const consent = create()
    const seen: [string, ConsentEventDetail][] = []
    const names = ['ready', 'consent', 'change', 'preferences-show', 'preferences-hide', 'banner-show', 'banner-hide']
    const listener = (event: Event) => seen.push([event.type, (event as CustomEvent).detail])
    for (const name of names) window.addEventListener(`consentry:${name}`, listener)
    await tick()
    consent.showPreferences()
    consent.acceptAll()
    consent.showBanner()
    consent.hide()
    for (const name of names) window.removeEventListener(`consentry:${name}`, listener)
    expect(seen.map(([type]) => type)).toEqual([
      'consentry:ready',
      'consentry:banner-show',
      'consentry:banner-hide',
      'consentry:preferences-show',
      'consentry:consent',
      'consentry:change',
      'consentry:preferences-hide',
      'consentry:banner-show',
      'consentry:banner-hide',
    ])
    expect(seen[5]![1]).toMatchObject({
      decided: true,
      categories: { analytics: true },
      changed: expect.arrayContaining(['marketing']),
    })
  })

  it.each([
    ['whenGranted() callback', (consent: Consentry, bug: () => void) => consent.whenGranted('analytics', bug)],
    ['on() listener', (consent: Consentry, bug: () => void) => consent.on('change', bug)],
  ])('reports a throwing %s without stopping the decision, the other listeners or the caller', async (_, register) => {
    const consent = create()
    const other = vi.fn()
    register(consent, () => {
      throw new Error('host bug')
    })
    consent.on('change', other)
    const errors = await uncaughtErrors(() => expect(() => consent.acceptAll()).not.toThrow())
    expect(other).toHaveBeenCalledTimes(1)
    expect(errors).toEqual([new Error('host bug')])
    expect(consent.isGranted('analytics')).toBe(true)
  })

  it.each([
    ['whenGranted() wait', (consent: Consentry, fn: () => void) => consent.whenGranted('marketing', fn)],
    ['on() listener', (consent: Consentry, fn: () => void) => consent.on('change', fn)],
  ])('returns a function that cancels an %s', (_, register) => {
    const consent = create()
    const fn = vi.fn()
    register(consent, fn)()
    consent.acceptAll()
    expect(fn).not.toHaveBeenCalled()
  })

  it('pushes consentry_update to an existing dataLayer on ready and change', async () => {
    const dataLayer: Record<string, unknown>[] = []
    ;(window as { dataLayer?: unknown }).dataLayer = dataLayer
    try {
      const consent = create()
      await tick()
      consent.acceptAll()
      expect(dataLayer.map((entry) => entry.event)).toEqual(['consentry_update', 'consentry_update'])
      expect(dataLayer[1]!.consentry).toMatchObject({ categories: { marketing: true }, changed: expect.any(Array) })
    } finally {
      delete (window as { dataLayer?: unknown }).dataLayer
    }
  })

  it('opens the preferences from any [data-consent-open="preferences"] element', () => {
    const consent = create()
    const link = document.createElement('a')
    link.href = '#'
    link.dataset.consentOpen = 'preferences'
    link.innerHTML = '<span>Cookie settings</span>'
    document.body.append(link)
    link.querySelector('span')!.click()
    link.remove()
    expect(consent.$view.get()).toBe('preferences')
  })
})
