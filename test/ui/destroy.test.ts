// destroy() as a dev server's hot update calls it (import.meta.hot.dispose): the instance goes
// with its banner, even one whose UI chunk is still on its way, and the next instance is alone.
import { describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { createConsentry } from '../../src/create-consentry'
import type { UiModule } from '../../src/core/types'
import { tick, quietFor } from '../support/browser'
import { banner, button, showUi, uiConfig } from '../support/ui'

const hosts = () => document.querySelectorAll('[data-consentry]')

/** The UI chunk, held back until `arrive()`: a slow network, or a dev server still transforming it. */
const slowChunk = () => {
  let arrive = () => {}
  const arrived = new Promise<void>((done) => (arrive = done))
  const ui = (): Promise<UiModule> => arrived.then(() => import('../../src/ui/mount'))
  return { ui, arrive }
}

describe('destroy()', () => {
  it('removes the banner with its host element, and nothing of the UI reacts afterwards', async () => {
    const link = document.createElement('a')
    link.href = '#'
    link.setAttribute('data-consent-open', 'preferences')
    document.body.append(link)
    const consent = await showUi(uiConfig({ ui: { theme: 'auto' } }))
    await expect.element(banner()).toBeVisible()
    const host = hosts()[0]!
    const theme = host.getAttribute('data-theme')
    consent.destroy()
    expect(hosts()).toHaveLength(0)
    expect(host.shadowRoot!.childNodes).toHaveLength(0)
    // The store, the view, the preferences link and the colour scheme: none brings it back.
    consent.showBanner()
    consent.setConsent({ analytics: true })
    link.click()
    await commands.emulateMedia({ colorScheme: theme == 'dark' ? 'light' : 'dark' })
    await quietFor(100)
    expect(hosts()).toHaveLength(0)
    expect(host.shadowRoot!.childNodes).toHaveLength(0)
    expect(host.getAttribute('data-theme')).toBe(theme)
    link.remove()
  })

  it('keeps the preferences chunk, still loading, from drawing into a removed UI', async () => {
    const consent = await showUi()
    await expect.element(banner()).toBeVisible()
    const host = hosts()[0]!
    // About to open them: the chunk is on its way.
    host.shadowRoot!.querySelector('.banner .secondary')!.dispatchEvent(new PointerEvent('pointerenter'))
    consent.destroy()
    await quietFor(200)
    expect(host.shadowRoot!.childNodes).toHaveLength(0)
  })

  it('keeps a UI chunk still loading from ever mounting', async () => {
    const chunk = slowChunk()
    const consent = createConsentry(uiConfig(), { ui: chunk.ui })
    await tick()
    expect(consent.$view.get()).toBe('banner')
    consent.destroy()
    chunk.arrive()
    await quietFor(300)
    expect(hosts()).toHaveLength(0)
  })

  it('destroyed in the same task as created: no banner, no ready event, no view', async () => {
    let ready = false
    const onReady = () => (ready = true)
    addEventListener('consentry:ready', onReady)
    const consent = createConsentry(uiConfig({ ui: { settingsButton: true } }))
    consent.destroy()
    await quietFor(300)
    removeEventListener('consentry:ready', onReady)
    expect(hosts()).toHaveLength(0)
    expect(ready).toBe(false)
    expect(consent.$view.get()).toBe('none')
  })

  it('leaves exactly one banner when an instance replaces another, shown or still loading', async () => {
    const first = await showUi()
    first.destroy()
    const chunk = slowChunk()
    const second = createConsentry(uiConfig(), { ui: chunk.ui })
    await tick()
    second.destroy()
    const third = await showUi()
    chunk.arrive()
    await quietFor(300)
    expect(hosts()).toHaveLength(1)
    await expect.element(banner()).toBeVisible()
    // One banner answers: its button is the only one of the name on the page.
    await button('Accept all').click()
    await expect.element(banner()).not.toBeInTheDocument()
    expect(third.getState().decided).toBe(true)
  })
})
