// A page whose markup hides document properties by name (<img name="cookie">): js-cookie and
// Preact read the document directly, so Consentry does not start there, says which element to
// rename, gates nothing and tells Consent Mode that nothing is granted (docs/adr/0006).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConsentry } from '../src/create-consentry'
import { ConsentryError } from '../src/core/errors'
import { blankPage, clearCookies, closeFrames, quietFor, requests } from './support/browser'
import { siteConfig } from './support/configs'
import { GATED, gatedRequests, scriptTagPage, tags, uiRoot, visit } from './support/pages'

beforeEach(async () => {
  clearCookies()
  await requests(true)
})
afterEach(closeFrames)

const config = { ...siteConfig, googleConsentMode: true }
const message = (property: string, tag: string) =>
  `consentry: document.${property}: hidden by <${tag} name="${property}">; rename it (until then Consentry does not start)`
/** The signals of the last Consent Mode command in a page's dataLayer. */
const lastSignals = (win: Window & Record<string, any>) => {
  const commands = Array.from(win.dataLayer as unknown[]).filter((entry) => !(entry as { event?: string }).event)
  const last = Array.from(commands.at(-1) as IArguments) as [string, string, Record<string, string>]
  return Object.values(last[2]).filter((value) => typeof value == 'string')
}

const cases = [
  ['<img name="cookie">', 'cookie', 'img'],
  ['<form name="querySelectorAll"></form>', 'querySelectorAll', 'form'],
  ['<embed name="createElement">', 'createElement', 'embed'],
  ['<iframe name="defaultView"></iframe>', 'defaultView', 'iframe'],
]

describe('a page whose elements hide document properties Consentry needs', () => {
  it.each(cases)(
    'does not start beside %s on a first visit: one error naming it, nothing gated, nothing granted',
    async (element, property, tag) => {
      const { win, doc } = await visit(await scriptTagPage({ config, before: `</head><body>${element}`, body: tags }))
      await expect.poll(() => win.logged).toEqual([`error: ConsentryError: ${message(property!, tag!)}`])
      expect('consentry' in win).toBe(false)
      await quietFor(300)
      expect(uiRoot(doc)).toBeNull()
      expect(await gatedRequests()).toEqual([])
      expect(lastSignals(win).every((value) => value == 'denied')).toBe(true)
      expect(win.logged).toHaveLength(1)
    },
  )

  it.each(cases)(
    'does not start beside %s for a visitor who accepted everything on another page',
    async (element, property, tag) => {
      const plain = await visit(await scriptTagPage({ config, body: tags }))
      await expect.poll(() => typeof plain.win.consentry?.acceptAll).toBe('function')
      plain.win.consentry.acceptAll()
      await expect.poll(gatedRequests).toEqual(GATED)
      await requests(true)

      const { win } = await visit(await scriptTagPage({ config, before: `</head><body>${element}`, body: tags }))
      await expect.poll(() => win.logged).toEqual([`error: ConsentryError: ${message(property!, tag!)}`])
      expect('consentry' in win).toBe(false)
      await quietFor(300)
      expect(await gatedRequests()).toEqual([])
      expect(win.ran).toBeUndefined()
      expect(lastSignals(win).every((value) => value == 'denied')).toBe(true)
    },
  )

  it('throws the same error from createConsentry, before any gate starts', async () => {
    const { win, doc } = await blankPage(
      `<img name="cookie"><script type="text/plain" data-consent="essential">window.ran = true</script>`,
    )
    expect(() => createConsentry(siteConfig, { document: doc, ui: false })).toThrow(
      new ConsentryError(message('cookie', 'img')),
    )
    await quietFor(100)
    expect(win.ran).toBeUndefined()
  })

  it('starts beside a script that wraps document.createElement or the cookie', async () => {
    const wrappers = `<script>
      const create = document.createElement
      document.createElement = function (name, options) { return create.call(document, name, options) }
      const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')
      Object.defineProperty(document, 'cookie', { get: () => cookie.get.call(document), set: (value) => cookie.set.call(document, value) })
    </script>`
    const { win } = await visit(await scriptTagPage({ config, before: wrappers, body: tags }))
    await expect.poll(() => typeof win.consentry?.acceptAll).toBe('function')
    win.consentry.acceptAll()
    await expect.poll(gatedRequests).toEqual(GATED)
    expect(win.document.cookie).toContain('consentry=3|')
    expect(win.logged).toEqual([])
  })
})
