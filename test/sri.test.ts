// The Subresource Integrity hashes the build prints (dist/sri.json), as the browser checks them:
// on the script tag a site writes, and in an import map for the chunks that tag imports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chunkUrl, clearCookies, closeFrames, openPage, started } from './support/browser'
import { inlineConfig, recorder, uiRoot } from './support/pages'

const sri: Record<string, string> = await (await fetch('/__dist/sri.json')).json()
const page = (head: string) =>
  openPage(`<!doctype html><html lang="en"><head>${recorder}${inlineConfig()}${head}</head><body></body></html>`)
const tag = (integrity: string) =>
  `<script src="/__dist/consentry.js" integrity="${integrity}" crossorigin="anonymous" onerror="window.blocked = true"></script>`
const importMap = (integrity: Record<string, string>) =>
  `<script type="importmap">${JSON.stringify({ integrity })}</script>`

beforeEach(clearCookies)
afterEach(closeFrames)

describe('Subresource Integrity', () => {
  it('lists for each file the SHA-384 digest the browser computes of it', async () => {
    expect(Object.keys(sri)).toContain('consentry.js')
    for (const [file, integrity] of Object.entries(sri)) {
      const bytes = await (await fetch(`/__dist/${file}`)).arrayBuffer()
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))
      expect(integrity, file).toBe(`sha384-${btoa(String.fromCharCode(...digest))}`)
    }
  })

  it('lets the script tag run with its hash, and blocks it with another', async () => {
    const { win } = await page(tag(sri['consentry.js']!))
    expect((await started(win)).getState().decided).toBe(false)

    const tampered = await page(tag(sri[chunkUrl('consentry-ui').slice('/__dist/'.length)]!))
    await expect.poll(() => tampered.win.blocked).toBe(true)
    expect(tampered.win.consentry).toBeUndefined()
  })

  it('checks the UI chunk against an import map, which Chromium enforces on the dynamic import', async () => {
    const { win, doc } = await page(
      importMap({ [chunkUrl('consentry-ui')]: sri[chunkUrl('consentry-ui').slice('/__dist/'.length)]! }) +
        tag(sri['consentry.js']!),
    )
    await started(win)
    await expect.poll(() => uiRoot(doc)?.querySelector('.banner')).toBeTruthy()

    clearCookies()
    const tampered = await page(
      importMap({ [chunkUrl('consentry-ui')]: sri['consentry.js']! }) + tag(sri['consentry.js']!),
    )
    await expect.poll(() => tampered.win.logged.join('\n')).toContain('Failed to fetch dynamically imported module')
    expect(tampered.win.consentry).toBeUndefined()
    expect(uiRoot(tampered.doc)).toBeNull()
  })
})
