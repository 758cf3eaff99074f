import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConsentry } from '../../src/consentry'
import { checksum, encode } from '../../src/core/codec'
import { withDefaults } from '../../src/core/defaults'
import { grantNames, layoutOf, toStored } from '../../src/core/grants'
import { decide } from '../../src/core/state'
import { clearCookies, closeFrames, servePage } from '../support/browser'
import { siteConfig } from '../support/configs'

const ID = '5f0c6d2e-8a41-4b7e-9c3d-2e1f0a9b8c7d'
const now = Date.now()
const config = withDefaults(siteConfig)
const names = grantNames(config)
const onlyAnalytics = toStored(config, decide(config, { id: ID }, { analytics: true }, now), '')
const valid = encode(onlyAnalytics)
const sealed = (body: string) => body + '|' + checksum(body)
/** A well-sealed value of format 2 with some fields changed. */
const sealedWith = (fields: Partial<Record<'format' | 'revision' | 'id' | 'time' | 'layout' | 'grants', string>>) => {
  const { format = '2', revision = '1', id = ID, time = now.toString(36), layout = onlyAnalytics.layout, grants = onlyAnalytics.grants } = fields
  return sealed([format, revision, id, time, layout, grants, ''].join('|'))
}
const json = (value: unknown) => encodeURIComponent(JSON.stringify(value))

type Outcome = 'no decision' | 'decided, only analytics' | 'decided, nothing granted'

/** Cookie values (as sent in the Cookie header), each with what the instance must make of it. */
const cookieValues: [string, Outcome, string][] = [
  ['empty', 'no decision', ''],
  ['a word', 'no decision', 'yes'],
  ['"true"', 'no decision', 'true'],
  ['a digit', 'no decision', '1'],
  ['JSON of another banner', 'no decision', json({ analytics: true, marketing: true })],
  ['vanilla-cookieconsent JSON', 'no decision', json({ categories: ['necessary', 'analytics'], revision: 0, consentId: ID })],
  ['a OneTrust-like query string', 'no decision', encodeURIComponent('isGDPRApplied=true&groups=C0001:1,C0002:1')],
  ['base64', 'no decision', 'eyJhbmFseXRpY3MiOnRydWV9'],
  ['percent-garbage that cannot be decoded', 'no decision', '%E0%A4%A'],
  ['only percent signs', 'no decision', '%%%'],
  ['4,000 characters', 'no decision', 'a'.repeat(4000)],
  ['only separators', 'no decision', '|||||||'],
  ['empty fields with a right checksum', 'no decision', sealed('||||||')],
  ['a valid value cut short', 'no decision', valid.slice(0, -1)],
  ['a valid value without its checksum', 'no decision', valid.slice(0, valid.lastIndexOf('|'))],
  ['a valid value with another checksum', 'no decision', valid.replace(/\|[^|]+$/, '|abc123')],
  ['a grant edited by hand', 'no decision', valid.replace(`|${onlyAnalytics.grants}|`, '|zz|')],
  ['a valid value with an extra field', 'no decision', valid + '|x'],
  ['format version 1 (names, not grants)', 'no decision', sealed(`1|1|${ID}|${now.toString(36)}|essential+analytics|`)],
  ['format version 3', 'no decision', sealedWith({ format: '3' })],
  ['a consent id that is no UUID', 'no decision', sealedWith({ id: 'not-a-uuid' })],
  ['a consent id of 36 dashes', 'no decision', sealedWith({ id: '-'.repeat(36) })],
  ['a consent id of another UUID version', 'no decision', sealedWith({ id: ID.replace('-4b7e-', '-1b7e-') })],
  ['an upper-case consent id', 'no decision', sealedWith({ id: ID.toUpperCase() })],
  ['a revision that is no number', 'no decision', sealedWith({ revision: 'x' })],
  ...['', '0x1', ' 1', '1e0', '01'].map((revision): [string, Outcome, string] => [`the revision ${JSON.stringify(revision)}`, 'no decision', sealedWith({ revision })]),
  ['an older revision', 'no decision', sealedWith({ revision: '0' })],
  ['a newer revision', 'no decision', sealedWith({ revision: '2' })],
  ['a time two days ahead', 'no decision', sealedWith({ time: (now + 2 * 864e5).toString(36) })],
  ['a time past the lifetime', 'no decision', sealedWith({ time: (now - 183 * 864e5).toString(36) })],
  ['a negative time', 'no decision', sealedWith({ time: '-1' })],
  ['an empty time', 'no decision', sealedWith({ time: '' })],
  ['a huge time', 'no decision', sealedWith({ time: 'zzzzzzzzzzzz' })],
  ['grants laid out by another list of services', 'no decision', sealedWith({ layout: layoutOf([...names, 'analytics.hotjar'].sort()) })],
  ['one grant too many', 'no decision', sealedWith({ grants: onlyAnalytics.grants + '0' })],
  ['a grant that is no digit', 'no decision', sealedWith({ grants: onlyAnalytics.grants.slice(1) + '!' })],
  ['the valid value', 'decided, only analytics', valid],
  ['no grants at all', 'decided, nothing granted', sealedWith({ grants: '0'.repeat(onlyAnalytics.grants.length) })],
]

beforeEach(clearCookies)
afterEach(closeFrames)

describe('a stored cookie value', () => {
  it.each(cookieValues)('%s gives: %s', (_, outcome, value) => {
    document.cookie = `consentry=${value}; path=/`
    let consent: ReturnType<typeof createConsentry> | undefined
    expect(() => (consent = createConsentry(siteConfig))).not.toThrow()
    const state = consent!.getState()
    consent!.destroy()
    expect(state.decided).toBe(outcome != 'no decision')
    expect(state.categories).toEqual({
      essential: true,
      analytics: outcome == 'decided, only analytics',
      marketing: false,
      'click-tracking': false,
    })
  })

  it('counts at least 30 malformed values', () => {
    expect(cookieValues.filter(([, outcome]) => outcome == 'no decision').length).toBeGreaterThanOrEqual(30)
  })
})

describe('withdrawal', () => {
  const set = (...cookies: string[]) => cookies.forEach((cookie) => (document.cookie = `${cookie}=1; path=/`))
  const names = () => document.cookie.split('; ').map((pair) => pair.split('=')[0]).sort()

  it("deletes the cookies of every withdrawn service, by name and by /regex/, and keeps the rest", () => {
    const consent = createConsentry(siteConfig)
    consent.acceptAll()
    set('_ga', '_ga_ABC123', '_gid', 'fs_uid', '_gcl_au', '_uetsid', 'unrelated', '_garage')
    consent.setConsent({ analytics: false })
    expect(names()).toEqual(['_garage', '_gcl_au', '_uetsid', 'consentry', 'unrelated'])
    consent.rejectAll()
    expect(names()).toEqual(['_garage', 'consentry', 'unrelated'])
    consent.destroy()
  })

  it('deletes by the match of an entry that gives visitors a name of its own, never by that name', () => {
    const config = {
      revision: 1,
      categories: { analytics: { services: { ga: { cookies: [{ name: '_ga_*', match: '/^_ga_/', purpose: 'Session state' }] } } } },
    }
    const consent = createConsentry(config)
    consent.acceptAll()
    set('_ga_ABC123', '_ga_*', '_gid')
    consent.rejectAll()
    // "_ga_*" matches /^_ga_/ too; "_gid" does not.
    expect(names()).toEqual(['_gid', 'consentry'])
    consent.destroy()
  })

  it('deletes only the cookies of a single withdrawn service', () => {
    const consent = createConsentry(siteConfig)
    consent.acceptAll()
    set('_ga', 'fs_uid')
    consent.setConsent({ 'analytics.fullstory': false })
    expect(names()).toEqual(['_ga', 'consentry'])
    consent.destroy()
  })

  it('deletes nothing when nothing was granted before', () => {
    set('_ga')
    const consent = createConsentry(siteConfig)
    consent.rejectAll()
    expect(names()).toEqual(['_ga', 'consentry'])
    consent.destroy()
  })

  it('deletes them on the parent domains and the configured domain too', async () => {
    // A page on www.consentry.test (mapped to this server) runs the built script tag, sets
    // tracker cookies on its parent domain and reports back what is left after withdrawal.
    const config = { ...siteConfig, cookie: { domain: 'consentry.test' } }
    const url = await servePage(`<!doctype html>
      <script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
      <script src="/__dist/consentry.js"></script>
      <script>
      addEventListener('consentry:ready', () => {
        consentry.acceptAll()
        document.cookie = '_ga=1; path=/; domain=consentry.test'
        document.cookie = '_gid=1; path=/; domain=.www.consentry.test'
        document.cookie = 'fs_uid=1; path=/'
        const before = document.cookie
        consentry.rejectAll()
        opener.postMessage({ before, after: document.cookie }, '*')
      })
      </script>`)
    // A top-level window: in an iframe the page's cookies would be third-party and blocked.
    const reported = new Promise<MessageEvent>((done) => addEventListener('message', done, { once: true }))
    const popup = open(`http://www.consentry.test:${location.port}${url}`)!
    const { data } = await reported
    popup.close()
    const list = (cookies: string) => cookies.split('; ').map((pair: string) => pair.split('=')[0]).sort()
    expect(list(data.before)).toEqual(['_ga', '_gid', 'consentry', 'fs_uid'])
    expect(list(data.after)).toEqual(['consentry'])
  })
})

describe('the cookie domain option', () => {
  it('shares one decision across the subdomains of the configured domain', async () => {
    const config = { ...siteConfig, cookie: { domain: 'consentry.test' } }
    const page = (script: string) =>
      servePage(`<!doctype html>
        <script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
        <script src="/__dist/consentry.js"></script>
        <script>
          // Started already (a trusted config starts synchronously), or about to.
          const use = () => { ${script} }
          window.consentry ? use() : addEventListener('consentry:ready', use)
        </script>`)
    const visit = async (host: string, url: string) => {
      const reported = new Promise<MessageEvent>((done) => addEventListener('message', done, { once: true }))
      const popup = open(`http://${host}:${location.port}${url}`)!
      const { data } = await reported
      popup.close()
      return data
    }
    const decide = await page(`consentry.setConsent({ marketing: true }); opener.postMessage(consentry.getState(), '*')`)
    const read = await page(`opener.postMessage(consentry.getState(), '*')`)
    const decided = await visit('shop.consentry.test', decide)
    const elsewhere = await visit('blog.consentry.test', read)
    expect(elsewhere).toMatchObject({ decided: true, id: decided.id, categories: { marketing: true, analytics: false } })
    const unrelated = await visit('localhost', read)
    expect(unrelated.decided).toBe(false)
  })
})
