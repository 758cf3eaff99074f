// The npm entry as published (dist/npm), in the browser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { blankPage, clearCookies, closeFrames, quietFor } from './support/browser'
import { siteConfig } from './support/configs'

// The built file, typed by the sources it was built from.
const { createConsentry, parseConfig }: typeof import('../src/index') = await import('../dist/npm/index.js' as string)

beforeEach(clearCookies)
afterEach(closeFrames)

describe('the built npm entry', () => {
  it('gates a page and persists the decision', async () => {
    const { win, doc } = await blankPage(`<script type="text/plain" data-consent="analytics">window.ran = 1</script>`)
    const consent = createConsentry(siteConfig, { document: doc, ui: false })
    await quietFor(50)
    expect(win.ran).toBeUndefined()
    consent.acceptAll()
    await expect.poll(() => win.ran).toBe(1)
    expect(createConsentry(siteConfig, { document: doc, ui: false }).getState().decided).toBe(true)
  })

  it('validates configs', () => {
    expect(() => parseConfig({ revision: 1 })).toThrow('consentry: categories: missing')
  })
})
