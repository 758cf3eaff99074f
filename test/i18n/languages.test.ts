// Each bundled language through the built script tag, as a site serves it: a page whose
// <html lang> names the language, in a frame as wide as a small phone. The banner and the
// preferences speak that language, nothing is wider than the screen or clipped, the shadow
// root's content carries lang and dir, and axe finds nothing.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { en } from '../../src/i18n/en'
import { bundledLanguages } from '../../src/i18n/bundled'
import { isRightToLeft } from '../../src/i18n/locale'
import { clearCookies, closeFrames, finishAnimations, labelOf, servePage } from '../support/browser'
import { messagesOf } from '../support/messages'
import { inlineConfig, pageViolations, uiRoot, visit } from '../support/pages'

const LANGUAGES = bundledLanguages()

const WIDTH = 320
// No titles of its own: the bundled texts name the categories.
const config = {
  revision: 1,
  policyUrl: '/privacy',
  categories: {
    essential: { required: true },
    analytics: {
      services: {
        ga: { title: 'Google Analytics', cookies: [{ name: '_ga', purpose: 'Visitor id', duration: '2 years' }] },
      },
    },
    marketing: {},
    'click-tracking': {},
  },
}

beforeEach(clearCookies)
afterEach(closeFrames)

/** What overflows the screen or its own box in `scope`: an element past either edge, a clipped label. */
const overflowing = (scope: Element) => {
  const found: string[] = []
  for (const element of scope.querySelectorAll('*')) {
    const box = element.getBoundingClientRect()
    if (!box.width) continue
    const name = `${element.localName}.${element.className} "${element.textContent?.slice(0, 30)}"`
    if (box.left < -0.5 || box.right > WIDTH + 0.5) found.push(`${name}: ${box.left}–${box.right}`)
    if (element.localName == 'button' && element.scrollWidth > element.clientWidth + 1)
      found.push(`${name}: clipped, ${element.scrollWidth} > ${element.clientWidth}`)
  }
  return found
}

describe('every bundled language through the script tag at 320 px', () => {
  it.each(['en', ...LANGUAGES])(
    '%s: the banner and the preferences in that language, fitting the screen',
    async (language) => {
      const messages = messagesOf(language)
      const url = await servePage(
        `<!doctype html><html lang="${language}"><head><title>Page</title>${inlineConfig(config)}` +
          '<script src="/__dist/consentry.js"></script></head><body><main><h1>Page</h1></main>' +
          '<script src="/node_modules/axe-core/axe.min.js"></script></body></html>',
      )
      const { win, doc } = await visit(url, { width: WIDTH, height: 640 })
      await expect.poll(() => uiRoot(doc)?.querySelector('.banner button')).toBeTruthy()
      const root = uiRoot(doc)!
      const content = root.querySelector('.root')!
      expect(content.getAttribute('lang')).toBe(language)
      expect(content.getAttribute('dir')).toBe(isRightToLeft(language) ? 'rtl' : 'ltr')

      const labels = () => [...root.querySelectorAll('.banner button')].map(labelOf)
      await expect
        .poll(labels)
        .toEqual(expect.arrayContaining([messages.acceptAll, messages.rejectAll, messages.manage]))
      if (language != 'en') {
        for (const english of [en.acceptAll, en.rejectAll, en.manage]) expect(labels()).not.toContain(english)
        expect(root.querySelector('.banner h2')!.textContent).toBe(messages.title)
      }
      finishAnimations(root)
      expect(overflowing(root.querySelector('.banner')!)).toEqual([])
      await expect.poll(() => typeof win.axe).toBe('object')
      expect(await pageViolations(win, doc)).toEqual([])

      const manage = [...root.querySelectorAll('.banner button')].find((button) => labelOf(button) == messages.manage)
      ;(manage as HTMLElement).click()
      await expect.poll(() => root.querySelector('dialog')?.open).toBe(true)
      await expect.poll(() => root.querySelectorAll('dialog .category').length).toBe(4)
      const dialog = root.querySelector('dialog')!
      expect(dialog.textContent).toContain(messages.save)
      expect(dialog.textContent).toContain(messages['click-tracking'])
      // The services and their cookie tables open too.
      for (const details of dialog.querySelectorAll('details')) details.open = true
      await expect.poll(() => dialog.querySelectorAll('table').length).toBeGreaterThan(0)
      expect(dialog.textContent).toContain(messages.duration)
      finishAnimations(root)
      expect(overflowing(dialog)).toEqual([])
      expect(await pageViolations(win, doc)).toEqual([])
    },
  )

  describe('in opt-out mode, under Global Privacy Control, with a gated embed', () => {
    beforeAll(() => commands.emulateGpc(true))
    afterAll(() => commands.emulateGpc(false))

    it.each(['en', ...LANGUAGES])('%s: the opt-out banner, the GPC notice and the placeholder', async (language) => {
      const messages = messagesOf(language)
      const optOut = {
        ...config,
        regions: { 'US-CA': 'opt-out' },
        categories: { ...config.categories, marketing: { services: { youtube: { title: 'YouTube' } } } },
      }
      const url = await servePage(
        `<!doctype html><html lang="${language}"><head><title>Page</title>${inlineConfig(optOut)}` +
          '<script src="/__dist/consentry.js" data-region="US-CA"></script></head><body><main><h1>Page</h1>' +
          '<iframe data-consent="marketing.youtube" data-src="/__gated/video.html" width="280" height="158" title="A video"></iframe>' +
          '</main><script src="/node_modules/axe-core/axe.min.js"></script></body></html>',
      )
      const { win, doc } = await visit(`${url}?gpc=1`, { width: WIDTH, height: 640 })
      await expect.poll(() => uiRoot(doc)?.querySelector('.banner .gpc')).toBeTruthy()
      await expect.poll(() => doc.querySelectorAll('[data-consentry-placeholder]').length).toBe(1)
      const root = uiRoot(doc)!
      const banner = root.querySelector('.banner')!
      expect([...banner.querySelectorAll('button')].map(labelOf)).toContain(messages.doNotSell)
      expect(banner.querySelector('.gpc')!.textContent).toBe(messages.gpc)
      const placeholder = doc.querySelector('[data-consentry-placeholder]')!
      const placeholderText = placeholder.shadowRoot?.textContent ?? placeholder.textContent ?? ''
      expect(placeholderText).toContain(messages.load.replace('{service}', 'YouTube'))
      finishAnimations(root)
      expect(overflowing(banner)).toEqual([])
      await expect.poll(() => typeof win.axe).toBe('object')
      expect(await pageViolations(win, doc)).toEqual([])
    })
  })

  it.each(['en', ...LANGUAGES])('%s: the notice banner', async (language) => {
    const messages = messagesOf(language)
    const notice = { ...config, regions: { US: 'notice' } }
    const url = await servePage(
      `<!doctype html><html lang="${language}"><head><title>Page</title>${inlineConfig(notice)}` +
        '<script src="/__dist/consentry.js" data-region="US"></script></head><body><main><h1>Page</h1></main>' +
        '<script src="/node_modules/axe-core/axe.min.js"></script></body></html>',
    )
    const { win, doc } = await visit(url, { width: WIDTH, height: 640 })
    await expect.poll(() => uiRoot(doc)?.querySelector('.banner button')).toBeTruthy()
    const root = uiRoot(doc)!
    const banner = root.querySelector('.banner')!
    expect([...banner.querySelectorAll('button')].map(labelOf)).toContain(messages.ok)
    const [before] = messages.noticeText.split('{purposes}')
    expect(banner.textContent).toContain(before)
    finishAnimations(root)
    expect(overflowing(banner)).toEqual([])
    await expect.poll(() => typeof win.axe).toBe('object')
    expect(await pageViolations(win, doc)).toEqual([])
  })
})
