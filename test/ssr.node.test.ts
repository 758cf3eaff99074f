// The npm entry imported in Node, as server-side rendering does: no browser global exists.
import { describe, expect, it } from 'vitest'
import { siteConfig } from './support/configs'

describe('the npm entry in Node', () => {
  it('imports and creates an instance without touching browser globals', async () => {
    expect(typeof window).toBe('undefined')
    const before = Object.getOwnPropertyNames(globalThis)
    const { createConsentry }: typeof import('../src/index') = await import('../dist/npm/index.js' as string)
    const consent = createConsentry(siteConfig)
    expect(consent.getState()).toMatchObject({ decided: false, categories: { essential: true, analytics: false } })
    consent.acceptAll()
    expect(consent.isGranted('marketing')).toBe(true)
    consent.reset()
    await new Promise((done) => setTimeout(done))
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.includes(name))
    // nanostores keeps its own store counter on globalThis; nothing else may appear.
    expect(added.filter((name) => name != 'nanostoresGlobal')).toEqual([])
  })

  it("reads a request's decision with readConsent, touching no browser global", async () => {
    const before = Object.getOwnPropertyNames(globalThis)
    const { createConsentry, readConsent }: typeof import('../src/index') = await import(
      '../dist/npm/index.js' as string
    )
    // Without a cookie, the state the server's own instance has, but for the random id.
    const { id, ...undecided } = readConsent(siteConfig, undefined)
    const { id: otherId, ...serverInstance } = createConsentry(siteConfig).getState()
    expect(undecided).toEqual(serverInstance)
    expect(id).not.toBe(otherId)
    expect(readConsent(siteConfig, 'consentry=garbage; other=1')).toMatchObject({
      decided: false,
      categories: { analytics: false },
    })
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.includes(name))
    expect(added.filter((name) => name != 'nanostoresGlobal')).toEqual([])
  })
})
