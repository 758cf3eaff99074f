import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConsentry } from '../../src/create-consentry'
import { clearCookies, closeFrames, servePage } from '../support/browser'
import { siteConfig } from '../support/configs'
import { cookieValues } from '../support/cookie-values'

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

describe('a cookie named as a property of every object', () => {
  it.each(['constructor', 'toString', '__proto__'])(
    'is refused by the validator with its path, since js-cookie never reads a cookie named %s back',
    (name) => {
      expect(() => createConsentry({ ...siteConfig, cookie: { name } })).toThrow(
        'cookie.name: expected a name that is not a property of every object',
      )
    },
  )
})

describe('withdrawal', () => {
  const set = (...cookies: string[]) => {
    for (const cookie of cookies) document.cookie = `${cookie}=1; path=/`
  }
  const names = () =>
    document.cookie
      .split('; ')
      .map((pair) => pair.split('=')[0])
      .sort()

  it('deletes the cookies of every withdrawn service, by name and by /regex/, and keeps the rest', () => {
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
      categories: {
        analytics: { services: { ga: { cookies: [{ name: '_ga_*', match: '/^_ga_/', purpose: 'Session state' }] } } },
      },
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
    const list = (cookies: string) =>
      cookies
        .split('; ')
        .map((pair: string) => pair.split('=')[0])
        .sort()
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
    const decide = await page(
      `consentry.setConsent({ marketing: true }); opener.postMessage(consentry.getState(), '*')`,
    )
    const read = await page(`opener.postMessage(consentry.getState(), '*')`)
    const decided = await visit('shop.consentry.test', decide)
    const elsewhere = await visit('blog.consentry.test', read)
    expect(elsewhere).toMatchObject({
      decided: true,
      id: decided.id,
      categories: { marketing: true, analytics: false },
    })
    const unrelated = await visit('localhost', read)
    expect(unrelated.decided).toBe(false)
  })
})
