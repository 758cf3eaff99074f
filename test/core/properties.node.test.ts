// Generated inputs against the cookie codec, the grants layout and the config parser: whatever
// comes in, the answer is a value or the documented error, never another exception.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decode, encode, type StoredConsent } from '../../src/core/codec'
import { ConsentryError, parseConfig } from '../../src/core/config'
import { withDefaults } from '../../src/core/defaults'
import { toStored } from '../../src/core/grants'
import { decide, restore } from '../../src/core/state'
import type { Config } from '../../src/core/types'

const RUNS = 10_000
const NAME = /^[a-z][a-z0-9-]{0,40}$/
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz'.split('')
const GRANT_DIGITS = '0123456789abcdefghijklmnopqrstuv'.split('')

const stored: fc.Arbitrary<StoredConsent> = fc.record({
  revision: fc.integer({ min: 1, max: 2 ** 31 }),
  id: fc.uuid({ version: 4 }),
  updatedAt: fc.integer({ min: 0, max: 2 ** 50 }),
  layout: fc.string({ unit: fc.constantFrom(...BASE36), minLength: 1, maxLength: 8 }),
  grants: fc.string({ unit: fc.constantFrom(...GRANT_DIGITS), maxLength: 80 }),
  fingerprint: fc.string({ unit: fc.constantFrom(...BASE36), maxLength: 8 }),
  gpc: fc.boolean(),
})

/** A valid config: categories with services, some required. */
const config = (services: { min: number; max: number }): fc.Arbitrary<Config> =>
  fc
    .record({
      categories: fc.uniqueArray(fc.stringMatching(NAME), { minLength: 1, maxLength: 8 }),
      services: fc.uniqueArray(fc.stringMatching(NAME), { minLength: services.min, maxLength: services.max }),
      required: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      revision: fc.integer({ min: 1, max: 1000 }),
    })
    .map(({ categories, services, required, revision }) => {
      const built: Record<string, { required?: boolean; services: Record<string, object> }> = {}
      categories.forEach((name, i) => {
        built[name] = { ...(required[i] ? { required: true } : {}), services: {} }
      })
      services.forEach((name, i) => {
        built[categories[i % categories.length]!]!.services[name] = {}
      })
      return withDefaults(parseConfig({ revision, categories: built }))
    })

/** A config and a decision over it: every category and service granted or not. */
const decision = (services: { min: number; max: number }) =>
  config(services).chain((valid) => {
    const state = decide(valid, { id: '5f0c6d2e-8a41-4b7e-9c3d-2e1f0a9b8c7d' }, {}, 0)
    const names = [...Object.keys(state.categories), ...Object.keys(state.services)]
    return fc
      .record({
        grants: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
        updatedAt: fc.integer({ min: 1e12, max: 2e12 }),
      })
      .map(({ grants, updatedAt }) => {
        const choice = Object.fromEntries(names.map((name, i) => [name, grants[i]!]))
        return { config: valid, state: decide(valid, state, choice, updatedAt) }
      })
  })

const parsesOrExplains = (input: unknown) => {
  try {
    parseConfig(input)
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentryError)
    expect((error as Error).message).toMatch(/^consentry: [\s\S]*: \S/)
  }
}

describe('the cookie codec', { timeout: 30_000 }, () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(stored, (value) => {
        expect(decode(encode(value))).toEqual(value)
      }),
      { numRuns: RUNS },
    )
  })

  it('gives a decision or undefined for any string, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom('|', '2', '1', '-', 'a', '_') }),
        ),
        (value) => {
          const decoded = decode(value)
          if (decoded) expect(encode(decoded)).toBe(value)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('turns any one changed character of a value into no decision', () => {
    fc.assert(
      fc.property(stored, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (value, at, char) => {
        const text = encode(value)
        const i = at % text.length
        fc.pre(text[i] != char)
        expect(decode(text.slice(0, i) + char + text.slice(i + 1))).toBeUndefined()
      }),
      { numRuns: RUNS },
    )
  })
})

describe('a decision stored in the cookie', { timeout: 30_000 }, () => {
  it('restores to the same state under the same config', () => {
    fc.assert(
      fc.property(decision({ min: 0, max: 30 }), ({ config, state }) => {
        const value = encode(toStored(config, state, ''))
        expect(restore(config, decode(value), state.updatedAt!, () => 'new')).toEqual(state)
      }),
      { numRuns: RUNS },
    )
  })

  it('stays under 4 kB for every decision over a config of 200 services with long names', () => {
    // Names of 60 to 200 characters, unique by their index.
    const lengths = fc.array(fc.integer({ min: 60, max: 200 }), { minLength: 200, maxLength: 200 })
    const twoHundred = fc.record({
      services: lengths.map((each) => each.map((length, i) => `s${i}-`.padEnd(length, 'x'))),
      grants: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
    })
    fc.assert(
      fc.property(twoHundred, ({ services, grants }) => {
        const valid = withDefaults(
          parseConfig({
            revision: 1,
            categories: {
              essential: { required: true },
              marketing: { services: Object.fromEntries(services.map((name) => [name, {}])) },
            },
          }),
        )
        const choice = Object.fromEntries(services.map((name, i) => [`marketing.${name}`, grants[i]!]))
        const state = decide(
          valid,
          { id: '5f0c6d2e-8a41-4b7e-9c3d-2e1f0a9b8c7d' },
          { marketing: true, ...choice },
          Date.now(),
        )
        const cookie = `consentry=${encode(toStored(valid, state, 'abcdef'))}`
        expect(cookie.length).toBeLessThan(4096)
        expect(restore(valid, decode(encode(toStored(valid, state, ''))), state.updatedAt!, () => 'new')).toEqual(state)
      }),
      { numRuns: 500 },
    )
  }, 60_000)

  it('does not count under a config with another list of services', () => {
    fc.assert(
      fc.property(decision({ min: 1, max: 20 }), fc.stringMatching(NAME), ({ config, state }, added) => {
        const [first] = Object.keys(config.categories)
        const services = config.categories[first!]!.services ?? {}
        fc.pre(!(added in services))
        const other = {
          ...config,
          categories: {
            ...config.categories,
            [first!]: { ...config.categories[first!], services: { ...services, [added]: {} } },
          },
        }
        const restored = restore(other, decode(encode(toStored(config, state, ''))), state.updatedAt!, () => 'new')
        expect(restored.decided).toBe(false)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('parseConfig', { timeout: 30_000 }, () => {
  it('accepts or explains any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrExplains), { numRuns: RUNS })
  })

  it('accepts or explains any JSON text shaped like a config, hostile keys included', () => {
    const key = fc.oneof(
      fc.stringMatching(NAME),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'isPrototypeOf',
        'required',
        'services',
        'cookies',
        'name',
      ),
      fc.string({ maxLength: 6 }),
    )
    const small = { maxKeys: 4 }
    const loose = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant({}))
    const service = fc.dictionary(
      fc.oneof(key, fc.constantFrom('title', 'description', 'cookies')),
      fc.oneof(loose, fc.array(fc.oneof(fc.string(), loose), { maxLength: 3 })),
      small,
    )
    const category = fc.dictionary(
      fc.oneof(key, fc.constantFrom('required', 'title', 'services')),
      fc.oneof(loose, fc.dictionary(key, service, small)),
      small,
    )
    const top = fc.record(
      {
        revision: fc.oneof(fc.integer({ min: -1, max: 3 }), loose),
        categories: fc.oneof(fc.dictionary(key, category, small), loose),
        cookie: fc.oneof(
          fc.dictionary(fc.constantFrom('name', 'domain', 'path', 'days', 'sameSite', 'secure', '__proto__'), loose),
          loose,
        ),
        policyUrl: fc.oneof(
          fc.webUrl(),
          fc.string(),
          fc.constantFrom('javascript:x', ' JaVaScRiPt:x', 'java\tscript:x'),
        ),
        texts: fc.dictionary(
          fc.oneof(fc.constantFrom('en', 'de', '__proto__'), fc.string()),
          fc.dictionary(key, fc.oneof(fc.string(), loose)),
        ),
        ui: fc.oneof(fc.dictionary(fc.constantFrom('layout', 'theme', 'settingsButton', 'constructor'), loose), loose),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(top, (shape) => {
        // Through JSON text, as the script tag reads it: "__proto__" arrives as an own key.
        parsesOrExplains(JSON.parse(JSON.stringify(shape)))
      }),
      { numRuns: RUNS },
    )
  })

  it('ignores keys that another script put on Object.prototype', () => {
    const polluted = Object.prototype as Record<string, unknown>
    polluted.marketing = true
    polluted.ads = {}
    try {
      const valid = withDefaults(
        parseConfig({ revision: 1, categories: { essential: { required: true }, marketing: {} } }),
      )
      expect(Object.keys(valid.categories)).toEqual(['essential', 'marketing'])
      const state = restore(valid, undefined, Date.now(), () => 'id')
      expect(state.categories).toEqual({ essential: true, marketing: false })
      expect(decide(valid, state, {}, Date.now()).categories.marketing).toBe(false)
    } finally {
      delete polluted.marketing
      delete polluted.ads
    }
  })
})
