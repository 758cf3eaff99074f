// Typed configs: the names of a config's categories and services are checked by the compiler.
// `npm test` runs tsc over this file: each @ts-expect-error must meet an error, or tsc fails.
import { describe, expect, it } from 'vitest'
import { createConsentry, defineConfig, type ConsentName, type ConsentryConfig } from '../src/index'
import json from './support/site-config.json'

const config = defineConfig({
  revision: 1,
  ui: { layout: 'bar' },
  categories: {
    essential: { required: true },
    analytics: { services: { ga: { cookies: ['_gid', { name: '_ga_*', match: '/^_ga_/' }] }, fullstory: {} } },
    marketing: {},
  },
})

describe('typed configs', () => {
  it('turn category and service names into literal types', () => {
    const names: ConsentName<typeof config>[] = [
      'essential',
      'analytics',
      'analytics.ga',
      'analytics.fullstory',
      'marketing',
    ]
    // @ts-expect-error: no such category
    const misspelt: ConsentName<typeof config> = 'analytcs'
    expect([...names, misspelt]).toHaveLength(6)
  })

  it('make a misspelt name in isGranted, whenGranted or setConsent fail to compile, and work as before at run time', () => {
    const consent = createConsentry(config, { ui: false })
    consent.setConsent({ analytics: true, 'analytics.fullstory': false })
    expect(consent.isGranted('analytics.ga')).toBe(true)
    // @ts-expect-error: misspelt category
    expect(consent.isGranted('analytcs')).toBe(false)
    // @ts-expect-error: misspelt category
    consent.whenGranted('markting', () => {})
    // @ts-expect-error: misspelt category
    consent.setConsent({ analytic: true })
    // @ts-expect-error: no such service
    consent.isGranted('analytics.hotjar')
    consent.destroy()
  })

  it('accept a JSON import, whose literal unions the compiler widens to string', () => {
    const fromJson = defineConfig(json)
    // @ts-expect-error: the reason defineConfig exists: "box" is typed string in a JSON import
    const strict: ConsentryConfig = json
    const consent = createConsentry(fromJson, { ui: false })
    expect(consent.isGranted('analytics.ga')).toBe(false)
    // @ts-expect-error: misspelt service, caught from the JSON's keys
    consent.isGranted('analytics.gaa')
    consent.destroy()
    expect(strict.revision).toBe(1)
  })

  it('keep plain string names for a config the compiler knows nothing of', () => {
    const untyped: unknown = JSON.parse(JSON.stringify(config))
    const consent = createConsentry(untyped, { ui: false })
    expect(consent.isGranted('anything')).toBe(false)
    consent.destroy()
  })
})
