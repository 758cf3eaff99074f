// Recipes of the docs, run as written in a served page with the built script tag.
import { afterEach, describe, expect, it } from 'vitest'
import consentModeDoc from '../docs/consent-mode.md?raw'
import { clearCookies, closeFrames, servePage } from './support/browser'
import { visit } from './support/pages'

afterEach(() => {
  closeFrames()
  clearCookies()
})

/** The first fenced block of a language after a heading of a doc. */
const codeBlock = (doc: string, heading: string, language: string) => {
  const section = doc.slice(doc.indexOf(heading))
  const start = section.indexOf(`\`\`\`${language}\n`) + language.length + 4
  return section.slice(start, section.indexOf('```', start))
}

describe('the gtag.js recipe of docs/consent-mode.md', () => {
  it("puts Consent Mode's default in the dataLayer before gtag's js and config commands", async () => {
    const recipe = codeBlock(consentModeDoc, '## Recipe: gtag.js', 'html')
      .replace('src="/consentry.js"', 'src="/__dist/consentry.js"')
      .replace('https://www.googletagmanager.com/gtag/js?id=G-XXXX', '/__vendor/gtag.js')
    expect(recipe).toContain('/__dist/consentry.js')
    const { win } = await visit(await servePage(`<!doctype html><html><head>${recipe}</head><body></body></html>`))
    await expect.poll(() => win.vendorSeen?.length).toBe(1)
    const commands = Array.from(win.dataLayer as IArguments[]).map((entry) => {
      const [name, argument] = Array.from(entry)
      return [name, typeof argument == 'string' ? argument : typeof argument]
    })
    expect(commands.slice(0, 3)).toEqual([
      ['consent', 'default'],
      ['js', 'object'],
      ['config', 'G-XXXX'],
    ])
  })
})
