// readConsent on the server: the decision a browser stored, read back from a Cookie header,
// however hostile the header; and the header read exactly as js-cookie reads document.cookie.
import fc from 'fast-check'
import Cookies from 'js-cookie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { encode } from '../src/core/codec'
import { ConsentryError, parseConfig } from '../src/core/config'
import { cookieValue } from '../src/core/cookie-header'
import { toStored } from '../src/core/grants'
import { decide } from '../src/core/state'
import type { ConsentryConfig, ConsentState } from '../src/core/types'
import { readConsent } from '../src/read-consent'
import { siteConfig } from './support/configs'
import { cookieValues } from './support/cookie-values'

const ID = '5f0c6d2e-8a41-4b7e-9c3d-2e1f0a9b8c7d'
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/
const DAY = 864e5

/** A decided state under a config, as the browser's instance holds it after `setConsent(choice)`. */
const decided = (config: ConsentryConfig, choice: Record<string, boolean>, updatedAt = Date.now()): ConsentState =>
  decide(parseConfig(config), { id: ID }, choice, updatedAt)

/** The cookie value the browser stores for a state: the core's encoding, then js-cookie's, as `Cookies.set` writes it. */
const stored = (config: ConsentryConfig, state: ConsentState, fingerprint = '') =>
  Cookies.converter.write!(encode(toStored(parseConfig(config), state, fingerprint)), 'consentry')

/** What a browser with no usable decision starts with, but for the random id. */
const undecided = (config: ConsentryConfig = siteConfig) => ({
  ...decide(parseConfig(config), { id: expect.stringMatching(UUID) }, {}, null),
})

const state = decided(siteConfig, { analytics: true, 'analytics.fullstory': false, marketing: false })
const value = stored(siteConfig, state)

describe('readConsent', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads back the decision the browser stored, from a header of several cookies', () => {
    expect(readConsent(siteConfig, `consentry=${value}`)).toEqual(state)
    expect(readConsent(siteConfig, `_ga=GA1.1.123.456; consentry=${value}; theme=dark`)).toEqual(state)
    expect(state).toMatchObject({
      decided: true,
      categories: { analytics: true, marketing: false },
      services: { 'analytics.ga': true, 'analytics.fullstory': false },
    })
  })

  it('gives the state a plain object that survives JSON, as a server passes it to the client', () => {
    const read = readConsent(siteConfig, `consentry=${value}`)
    expect(JSON.parse(JSON.stringify(read))).toEqual(read)
    expect(Object.getPrototypeOf(read.categories)).toBe(Object.prototype)
  })

  it('takes the raw config, or one parseConfig validated', () => {
    expect(readConsent(parseConfig(siteConfig), `consentry=${value}`)).toEqual(state)
    expect(readConsent(JSON.parse(JSON.stringify(siteConfig)), `consentry=${value}`)).toEqual(state)
  })

  it('throws a ConsentryError for an invalid config, as createConsentry does', () => {
    expect(() => readConsent({ revision: 0, categories: {} }, `consentry=${value}`)).toThrow(ConsentryError)
  })

  it('reads no header, an empty one and garbage as "not decided", without throwing', () => {
    const headers = [
      undefined,
      null,
      '',
      ';',
      ';;; ;',
      '=',
      '==',
      'consentry',
      'consentry=',
      'consentry=;',
      '\u0000',
      '%',
      '%%%=%',
      'consentry=%',
      'consentry=%E0%A4%A',
      'consentry="',
      'consentry=""',
      'consentry=|||||||',
      'consentry=2|1|x|y|z|0|0|0',
      `consentry=${'x'.repeat(100_000)}`,
      'consentry=\uD800',
      '\uD800=1',
      'consentry=<script>alert(1)</script>',
      'consentry=__proto__',
      [],
      [''],
      42 as unknown as string,
      {} as unknown as string,
    ]
    for (const header of headers)
      expect(readConsent(siteConfig, header), String(header).slice(0, 40)).toEqual(undecided())
  })

  it.each(cookieValues)('reads %s as: %s', (_, outcome, cookie) => {
    const read = readConsent(siteConfig, `_ga=1; consentry=${cookie}`)
    expect(read.decided).toBe(outcome != 'no decision')
    expect(read.categories).toEqual({
      essential: true,
      analytics: outcome == 'decided, only analytics',
      marketing: false,
      'click-tracking': false,
    })
  })

  it('lets Global Privacy Control outrank a grant made without it, and keeps one made under it', () => {
    const everything = decided(siteConfig, { analytics: true, marketing: true, 'click-tracking': true })
    const header = `consentry=${stored(siteConfig, everything)}`
    expect(readConsent(siteConfig, header)).toEqual(everything)
    const underGpc = readConsent(siteConfig, header, { gpc: true })
    expect(underGpc).toMatchObject({
      decided: true,
      categories: { analytics: true, marketing: false, 'click-tracking': true },
      services: { 'analytics.ga': true, 'marketing.ads': false, 'marketing.bing': false },
    })
    const grantedUnderGpc = Cookies.converter.write!(
      encode(toStored(parseConfig(siteConfig), everything, '', true)),
      'consentry',
    )
    expect(readConsent(siteConfig, `consentry=${grantedUnderGpc}`, { gpc: true })).toEqual(everything)
  })

  it('reads a tampered, truncated or foreign value as "not decided"', () => {
    const fields = value.split('|')
    const tampered = [...fields]
    // The grants, one bit flipped: the checksum no longer matches.
    tampered[5] = (parseInt(fields[5]!, 32) ^ 1).toString(32)
    for (const bad of [
      tampered.join('|'),
      value.slice(0, -1),
      `${value}0`,
      value.replace(/^3\|/, '1|'),
      fields.slice(1).join('|'),
    ]) {
      expect(readConsent(siteConfig, `consentry=${bad}`), bad).toEqual(undecided())
    }
    // Another site's cookie under another name is not this decision.
    expect(readConsent(siteConfig, `other=${value}`)).toEqual(undecided())
    expect(readConsent({ ...siteConfig, cookie: { name: 'other' } }, `consentry=${value}`)).toEqual(undecided())
  })

  it('reads a decision of another revision, another list of services or past its lifetime as "not decided", keeping its id', () => {
    const outdated = { ...undecided(), id: ID }
    expect(readConsent({ ...siteConfig, revision: 2 }, `consentry=${value}`)).toEqual({ ...outdated, revision: 2 })
    const moreServices = {
      ...siteConfig,
      categories: { ...siteConfig.categories, 'click-tracking': { services: { hotjar: {} } } },
    }
    expect(readConsent(moreServices, `consentry=${value}`)).toEqual({ ...undecided(moreServices), id: ID })
    vi.useFakeTimers({ now: state.updatedAt! + 183 * DAY })
    expect(readConsent(siteConfig, `consentry=${value}`)).toEqual(outdated)
    vi.setSystemTime(state.updatedAt! - 2 * DAY)
    expect(readConsent(siteConfig, `consentry=${value}`)).toEqual(outdated)
  })

  it('takes the first of several cookies of the name, as the browser does, skipping one that does not decode', () => {
    const other = stored(siteConfig, decided(siteConfig, { analytics: false }))
    expect(readConsent(siteConfig, `consentry=${value}; consentry=${other}`)).toEqual(state)
    expect(readConsent(siteConfig, `consentry=${other}; consentry=${value}`).categories.analytics).toBe(false)
    // The first one is the decision that counts, even a broken one: the browser reads it too.
    expect(readConsent(siteConfig, `consentry=broken; consentry=${value}`)).toEqual(undecided())
    // Malformed percent-encoding: js-cookie skips the pair.
    expect(readConsent(siteConfig, `consentry=%E0%A4%A; consentry=${value}`)).toEqual(state)
    expect(readConsent(siteConfig, `%E0=1; consentry=${value}`)).toEqual(state)
  })

  it('decodes percent-encoded and quoted values and names, as js-cookie does', () => {
    expect(readConsent(siteConfig, `consentry=${encodeURIComponent(value)}`)).toEqual(state)
    expect(readConsent(siteConfig, `consentry=${value.replaceAll('|', '%7c')}`)).toEqual(state)
    expect(readConsent(siteConfig, `consentry="${value}"`)).toEqual(state)
    expect(readConsent(siteConfig, `%63onsentry=${value}`)).toEqual(state)
    expect(readConsent({ ...siteConfig, cookie: { name: 'consent|v2' } }, `consent%7Cv2=${value}`)).toEqual(state)
    // Encoded once too often is another value.
    expect(readConsent(siteConfig, `consentry=${encodeURIComponent(encodeURIComponent(value))}`)).toEqual(undecided())
  })

  it('reads headers split without spaces, or over several lines, as servers receive them', () => {
    expect(readConsent(siteConfig, `a=1;consentry=${value};b=2`)).toEqual(state)
    expect(readConsent(siteConfig, ` \tconsentry=${value} `)).toEqual(state)
    expect(readConsent(siteConfig, ['a=1', `consentry=${value}`])).toEqual(state)
  })

  it('gives the defaults of the visitor mode before a decision, as the browser would for that region and signal', () => {
    const config = { ...siteConfig, regions: { 'US-CA': 'opt-out' as const } }
    expect(readConsent(config, '', { region: 'DE' }).categories).toEqual({
      essential: true,
      analytics: false,
      marketing: false,
      'click-tracking': false,
    })
    expect(readConsent(config, '', { region: 'us-ca' }).categories).toEqual({
      essential: true,
      analytics: true,
      marketing: true,
      'click-tracking': true,
    })
    expect(readConsent(config, '', { region: 'US-CA', gpc: true }).categories).toMatchObject({
      analytics: true,
      marketing: false,
    })
    // A decision that no longer counts grants nothing meanwhile, whatever the mode.
    expect(
      readConsent({ ...config, revision: 2 }, `consentry=${value}`, { region: 'US-CA' }).categories.analytics,
    ).toBe(false)
    // A decision made counts over the defaults.
    expect(readConsent(config, `consentry=${value}`, { region: 'US-CA' })).toEqual(state)
  })

  it('never throws for any header, and finds the decision among any other cookies', () => {
    const pair = fc
      .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 }))
      .map(([name, text]) => `${name}=${text}`)
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), fc.array(pair, { maxLength: 6 }), (before, after) => {
        const garbage = [...before, ...after].join('; ')
        const read = readConsent(siteConfig, garbage)
        // Garbage may hold a cookie named consentry, but never a decision that passes the checksum.
        expect(read.decided).toBe(false)
        const others = [...before, ...after].filter((text) => cookieValue(text, 'consentry') === undefined)
        const header = [...others.slice(0, before.length), `consentry=${value}`, ...others.slice(before.length)].join(
          '; ',
        )
        expect(readConsent(siteConfig, header)).toEqual(state)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('the Cookie header reader', () => {
  /** What js-cookie reads from a document whose document.cookie is `text`, as the browser's storage does. */
  const jsCookie = (text: string, name: string) => {
    vi.stubGlobal('document', { cookie: text })
    try {
      return Cookies.get(name)
    } finally {
      vi.unstubAllGlobals()
    }
  }
  // document.cookie as browsers build it: `name=value` pairs joined by "; ", no ";" inside and no
  // space at either end of a pair.
  const piece = fc.constantFrom(
    'consentry',
    'c',
    '%63onsentry',
    '%63',
    'onsentry',
    '=',
    '"',
    '%',
    '%E0',
    '%A4',
    '%7C',
    '%25',
    '|',
    ' ',
    'é',
    '\uD800',
    '',
  )
  const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 5 }).map((parts) => parts.join(''))
  const browserPair = fc
    .tuple(text, fc.boolean(), text)
    .map(([name, equals, value]) => (equals ? `${name}=${value}` : name))
  const browserHeader = fc
    .array(
      browserPair.filter((pair) => !pair.includes(';') && pair == pair.trim()),
      { maxLength: 6 },
    )
    .map((pairs) => pairs.join('; '))

  it('reads every header a browser can send exactly as js-cookie reads document.cookie', () => {
    fc.assert(
      fc.property(browserHeader, fc.constantFrom('consentry', 'c', '=', '"', '%', '|'), (header, name) => {
        expect(cookieValue(header, name)).toBe(jsCookie(header, name))
      }),
      { numRuns: 20_000 },
    )
  })
})
