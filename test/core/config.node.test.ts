import { describe, expect, it } from 'vitest'
import { ConsentryError, parseConfig } from '../../src/core/config'
import { siteConfig } from '../support/configs'
import { invalidConfigs, minimal, validConfigs } from '../support/config-tables'

describe('parseConfig', () => {
  it.each(invalidConfigs)('rejects %s, naming the JSON path', (_, input, message) => {
    expect(() => parseConfig(input)).toThrow(ConsentryError)
    expect(() => parseConfig(input)).toThrow(`consentry: ${message}`)
  })

  it.each(validConfigs)('accepts %s', (_, input) => {
    expect(() => parseConfig(input)).not.toThrow()
  })

  it('fills in the cookie defaults and keeps what is set', () => {
    expect(parseConfig(minimal).cookie).toEqual({ name: 'consentry', path: '/', days: 182, sameSite: 'lax' })
    expect(parseConfig({ ...minimal, cookie: { days: 30, domain: 'example.com' } }).cookie).toEqual({
      name: 'consentry',
      path: '/',
      days: 30,
      sameSite: 'lax',
      domain: 'example.com',
    })
  })

  it('keeps the order of the categories', () => {
    expect(Object.keys(parseConfig(siteConfig).categories)).toEqual([
      'essential',
      'analytics',
      'marketing',
      'click-tracking',
    ])
  })

  it('reports errors as ConsentryError with a readable name', () => {
    try {
      parseConfig({ revision: 1, categories: { analytics: { services: { ga: { cookies: [1] } } } } })
      expect.unreachable()
    } catch (error) {
      expect((error as Error).name).toBe('ConsentryError')
      expect((error as Error).message).toBe('consentry: categories.analytics.services.ga.cookies[0]: expected string')
    }
  })
})
