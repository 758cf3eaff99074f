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
})
