import { describe, expect, it } from 'vitest'
import { commands, page, userEvent } from 'vitest/browser'
import { createConsentry } from '../../src/create-consentry'
import { createCore } from '../../src/core/create-core'
import { withDefaults } from '../../src/core/defaults'
import { blankPage, quietFor, labelOf } from '../support/browser'
import { banner, button, showUi, ui, uiConfig } from '../support/ui'

const styleOf = (name: string) => {
  const element = [...ui()!.querySelectorAll('button')].find((button) => labelOf(button) == name)!
  const style = getComputedStyle(element)
  const box = element.getBoundingClientRect()
  return {
    width: Math.round(box.width),
    height: Math.round(box.height),
    font: style.font,
    color: style.color,
    background: style.backgroundColor,
    border: style.border,
  }
}

describe('the banner', () => {
  it('shows on a first visit: title, text with the policy link, and the three choices', async () => {
    await showUi()
    await expect.element(banner()).toBeVisible()
    await expect.element(banner()).toHaveTextContent(/We use cookies to run this site/)
    const link = page.getByRole('link', { name: 'cookie policy' })
    await expect.element(link).toHaveAttribute('href', '/privacy')
    for (const name of ['Accept all', 'Reject all', 'Manage preferences'])
      await expect.element(button(name)).toBeVisible()
  })

  it('goes away when the page decides through the API, and stays away', async () => {
    const consent = await showUi()
    await expect.element(banner()).toBeVisible()
    consent.acceptAll()
    await expect.element(banner()).not.toBeInTheDocument()
    expect(consent.$view.get()).toBe('none')
  })

  it('renders a policyUrl that is not http(s), mailto or relative as text, even when no validator ran', async () => {
    // createCore takes a config as it is: the UI checks the URL again before it makes a link.
    const config = withDefaults({ ...uiConfig(), policyUrl: ' JavaScript:alert(1)' })
    const consent = createCore(config, { ui: () => import('../../src/ui/mount') })
    try {
      await expect.element(banner()).toHaveTextContent(/Read our cookie policy/)
      expect(ui()!.querySelector('a')).toBeNull()
    } finally {
      consent.destroy()
    }
  })

  it('gives Accept all and Reject all the same size, weight and colours', async () => {
    await showUi()
    expect(styleOf('Reject all')).toEqual(styleOf('Accept all'))
  })

  it('does not show, nor load the UI, for a visitor who has decided', async () => {
    const first = await showUi()
    first.rejectAll()
    first.destroy()
    const consent = createConsentry(uiConfig())
    await quietFor(100)
    expect(consent.getState().decided).toBe(true)
    expect(document.querySelector('[data-consentry]')).toBeNull()
    consent.destroy()
  })

  it('records Reject all and Accept all and goes away', async () => {
    const consent = await showUi()
    await button('Reject all').click()
    expect(consent.getState()).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } })
    await expect.element(banner()).not.toBeInTheDocument()
    consent.reset()
    await button('Accept all').click()
    expect(consent.getState().categories).toMatchObject({ analytics: true, marketing: true, 'click-tracking': true })
  })

  it('is a non-modal region: the page stays usable behind it', async () => {
    const outside = document.createElement('button')
    outside.textContent = 'Page button'
    let clicked = false
    outside.onclick = () => (clicked = true)
    document.body.prepend(outside)
    await showUi()
    await page.getByRole('button', { name: 'Page button' }).click()
    outside.focus()
    expect(clicked).toBe(true)
    expect(document.activeElement).toBe(outside)
    outside.remove()
  })

  it('shifts no layout when it appears (CLS 0)', async () => {
    const { win, doc } = await blankPage(
      `<h1>Article</h1>${'<p>Paragraph of text that fills the page.</p>'.repeat(30)}`,
    )
    const shifts: number[] = []
    new win.PerformanceObserver((list: PerformanceObserverEntryList) =>
      shifts.push(...list.getEntries().map((entry) => (entry as PerformanceEntry & { value: number }).value)),
    ).observe({
      type: 'layout-shift',
      buffered: true,
    })
    const { createConsentry } = await import('../../src/create-consentry')
    const consent = createConsentry(uiConfig(), { document: doc })
    await expect.poll(() => doc.querySelector('[data-consentry]')?.shadowRoot?.querySelector('.banner')).toBeTruthy()
    await quietFor(300)
    consent.destroy()
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0)
  })

  it('offers three layouts: bottom bar, corner box, centred box', async () => {
    const place = async (layout: 'bar' | 'box' | 'center') => {
      const consent = await showUi(uiConfig({ ui: { layout } }))
      const box = ui()!.querySelector('.banner')!.getBoundingClientRect()
      for (const button of ui()!.querySelectorAll('.banner button'))
        expect(button.getBoundingClientRect().height, `${layout}: ${button.textContent}`).toBeLessThan(66)
      consent.destroy()
      return box
    }
    const width = innerWidth
    const height = innerHeight
    const bar = await place('bar')
    expect([bar.left, Math.round(bar.right), Math.round(bar.bottom)]).toEqual([0, width, height])
    const box = await place('box')
    expect(Math.round(box.bottom)).toBeLessThan(height)
    expect(box.left).toBeGreaterThan(0)
    const center = await place('center')
    expect(Math.abs((center.top + center.bottom) / 2 - height / 2)).toBeLessThan(2)
  })

  it('follows the light, dark and auto themes', async () => {
    const background = async (theme: 'light' | 'dark' | 'auto') => {
      const consent = await showUi(uiConfig({ ui: { theme } }))
      const color = getComputedStyle(ui()!.querySelector('.banner')!).backgroundColor
      consent.destroy()
      return color
    }
    expect(await background('light')).toBe('rgb(255, 255, 255)')
    expect(await background('dark')).toBe('rgb(28, 28, 33)')
    await commands.emulateMedia({ colorScheme: 'dark' })
    expect(await background('auto')).toBe('rgb(28, 28, 33)')
    await commands.emulateMedia({ colorScheme: 'light' })
    expect(await background('auto')).toBe('rgb(255, 255, 255)')
  })

  it('takes colours, radius and font from --consentry-* custom properties on the page', async () => {
    const style = document.createElement('style')
    style.textContent = ':root { --consentry-accent: rgb(0, 100, 0); --consentry-radius: 2px; --consentry-font: serif }'
    document.head.append(style)
    await showUi(uiConfig({ ui: { theme: 'light', layout: 'box' } }))
    const accept = getComputedStyle([...ui()!.querySelectorAll('button')].find((b) => labelOf(b) == 'Accept all')!)
    const banner = getComputedStyle(ui()!.querySelector('.banner')!)
    expect(accept.backgroundColor).toBe('rgb(0, 100, 0)')
    expect(accept.fontFamily).toBe('serif')
    expect(banner.borderTopLeftRadius).toBe('2px')
    style.remove()
  })

  it('keeps the page CSS out and its own CSS in (shadow DOM)', async () => {
    const style = document.createElement('style')
    style.textContent =
      'button { background: rgb(255, 0, 0) !important; font-size: 40px !important } p { display: none !important }'
    document.head.append(style)
    const outside = document.createElement('p')
    outside.className = 'banner'
    document.body.append(outside)
    await showUi(uiConfig({ ui: { theme: 'light' } }))
    const accept = [...ui()!.querySelectorAll('button')].find((b) => labelOf(b) == 'Accept all')!
    expect(getComputedStyle(accept).backgroundColor).not.toBe('rgb(255, 0, 0)')
    expect(getComputedStyle(accept).fontSize).toBe('15px')
    expect(getComputedStyle(ui()!.querySelector('p')!).display).toBe('block')
    expect(getComputedStyle(outside).position).toBe('static')
    style.remove()
    outside.remove()
  })

  it('animates only when the visitor has not asked for reduced motion', async () => {
    await commands.emulateMedia({ reducedMotion: 'reduce' })
    let consent = await showUi()
    expect(getComputedStyle(ui()!.querySelector('.banner')!).animationName).toBe('none')
    consent.destroy()
    await commands.emulateMedia({ reducedMotion: 'no-preference' })
    consent = await showUi()
    expect(getComputedStyle(ui()!.querySelector('.banner')!).animationName).toBe('consentry-in')
  })

  it('fits a 320 px wide screen with every button visible', async () => {
    await page.viewport(320, 640)
    try {
      await showUi()
      const root = ui()!
      const panel = root.querySelector('.banner')!
      expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth)
      for (const element of root.querySelectorAll('.banner button')) {
        const box = element.getBoundingClientRect()
        expect(box.left).toBeGreaterThanOrEqual(0)
        expect(box.right).toBeLessThanOrEqual(320)
      }
    } finally {
      await page.viewport(414, 896)
    }
  })

  it('stays usable at 200 % zoom (a 1280 × 720 screen shows 640 × 360 CSS pixels)', async () => {
    await page.viewport(640, 360)
    try {
      const consent = await showUi()
      const panel = ui()!.querySelector('.banner')!
      expect(panel.getBoundingClientRect().height).toBeLessThanOrEqual(360)
      expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth)
      // Whatever does not fit scrolls into view inside the banner.
      for (const element of ui()!.querySelectorAll('.banner button')) {
        element.scrollIntoView({ block: 'nearest' })
        const box = element.getBoundingClientRect()
        expect(box.top).toBeGreaterThanOrEqual(0)
        expect(box.bottom).toBeLessThanOrEqual(360)
      }
      consent.showPreferences()
      await expect.poll(() => ui()!.querySelector('dialog')!.open).toBe(true)
      const dialog = ui()!.querySelector('dialog')!.getBoundingClientRect()
      expect(dialog.top).toBeGreaterThanOrEqual(0)
      expect(dialog.bottom).toBeLessThanOrEqual(360)
      for (const element of ui()!.querySelectorAll('dialog .actions button')) {
        const box = element.getBoundingClientRect()
        expect(box.bottom).toBeLessThanOrEqual(360)
      }
    } finally {
      await page.viewport(414, 896)
    }
  })

  it("names only the purposes the config holds, in the visitor's language", async () => {
    const text = () => ui()!.querySelector('.banner p')!.textContent
    let consent = await showUi(uiConfig({ categories: { essential: { required: true }, analytics: {} } }))
    expect(text()).toContain('With your consent we also use them to understand how the site is used.')
    expect(text()).not.toMatch(/ads|emails/)
    consent.destroy()
    consent = await showUi(
      uiConfig({ categories: { essential: { required: true }, analytics: {}, marketing: {}, 'click-tracking': {} } }),
    )
    expect(text()).toContain(
      'to understand how the site is used, to personalise ads, and to see which links in our emails you open.',
    )
    consent.destroy()
    // A category of the site's own: its title, or its own purpose text where the config gives one.
    consent = await showUi(
      uiConfig({ categories: { essential: { required: true }, preferences: { title: 'Remembered settings' } } }),
    )
    expect(text()).toContain('we also use them for Remembered settings.')
    consent.destroy()
    consent = await showUi(
      uiConfig({
        categories: { essential: { required: true }, preferences: {} },
        texts: { en: { 'preferences.purpose': 'to remember your settings' } },
      }),
    )
    expect(text()).toContain('we also use them to remember your settings.')
    consent.destroy()
    consent = await showUi(uiConfig({ categories: { essential: { required: true } } }))
    expect(text()).toBe('We use only the cookies this site needs to work. Read our cookie policy.')
    consent.destroy()
    consent = await showUi(
      uiConfig({ language: 'de', categories: { essential: { required: true }, analytics: {}, marketing: {} } }),
    )
    expect(text()).toContain(
      'verwenden wir sie auch, um zu verstehen, wie die Website genutzt wird und um Werbung zu personalisieren.',
    )
    consent.destroy()
    consent = await showUi(uiConfig({ mode: 'notice', categories: { essential: { required: true }, analytics: {} } }))
    expect(text()).toBe(
      'We use cookies to run this site and to understand how the site is used. Read our cookie policy.',
    )
  })

  it.each([
    [390, 844],
    [1280, 720],
  ])(
    'lays its buttons out at %i px: Reject all and Accept all equal, no label wrapped, no button alone at half width',
    async (width, height) => {
      await page.viewport(width, height)
      try {
        for (const language of ['en', 'de', 'fi'])
          for (const layout of ['bar', 'box', 'center'] as const) {
            const consent = await showUi(uiConfig({ language, ui: { layout } }))
            const where = `${language}, ${layout}`
            // Reject all, Accept all, Manage preferences, in that order.
            const [reject, accept, manage] = [...ui()!.querySelectorAll('.banner button')].map((element) =>
              element.getBoundingClientRect(),
            )
            const actions = ui()!.querySelector('.banner .actions')!.getBoundingClientRect()
            expect(Math.round(reject!.width), where).toBe(Math.round(accept!.width))
            if (Math.round(reject!.top) != Math.round(accept!.top))
              expect(Math.round(accept!.width), where).toBe(Math.round(actions.width))
            // One line of text each: as tall as the 44 px minimum.
            for (const button of [reject, accept, manage]) expect(Math.round(button!.height), where).toBe(44)
            if (Math.round(manage!.top) != Math.round(accept!.top))
              expect(Math.round(manage!.width), where).toBe(Math.round(actions.width))
            // Each label sits in the middle of its button, as Manage preferences' does.
            for (const element of ui()!.querySelectorAll('.banner .choices button')) {
              const box = element.getBoundingClientRect()
              // The text itself, not its span's box (which a grid stretches).
              const text = document.createRange()
              text.selectNodeContents(element.querySelector('span')!)
              const label = text.getBoundingClientRect()
              expect(Math.abs(label.top + label.height / 2 - (box.top + box.height / 2)), where).toBeLessThanOrEqual(1)
              expect(Math.abs(label.left + label.width / 2 - (box.left + box.width / 2)), where).toBeLessThanOrEqual(1)
            }
            consent.destroy()
            document.querySelector('[data-consentry]')?.remove()
          }
      } finally {
        await page.viewport(414, 896)
      }
    },
  )

  it('shows a focus ring in the accent colour, with at least 3:1 contrast against the panel', async () => {
    await showUi()
    await button('Manage preferences').click()
    await expect.poll(() => ui()!.querySelector('dialog')!.open).toBe(true)
    // Back to the close button from the keyboard, as a keyboard user reaches it.
    ;(ui()!.querySelector('.close') as HTMLElement).focus()
    await userEvent.keyboard('{Tab}{Shift>}{Tab}{/Shift}')
    const close = ui()!.activeElement!
    expect(close.className).toBe('close')
    const style = getComputedStyle(close)
    expect(style.outlineStyle).toBe('solid')
    const accent = getComputedStyle(ui()!.querySelector('.button')!).backgroundColor
    expect(style.outlineColor).toBe(accent)
    const channels = (color: string) => color.match(/\d+/g)!.slice(0, 3).map(Number)
    const luminance = (color: string) => {
      const [r, g, b] = channels(color).map((value) => {
        const c = value / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const panel = getComputedStyle(ui()!.querySelector('dialog')!).backgroundColor
    const [light, dark] = [luminance(style.outlineColor), luminance(panel)].sort((a, b) => b - a)
    expect((light! + 0.05) / (dark! + 0.05)).toBeGreaterThanOrEqual(3)
  })

  it('can be used with the keyboard alone', async () => {
    const consent = await showUi()
    ;(ui()!.querySelector('.banner button') as HTMLElement).focus()
    expect(labelOf(ui()!.activeElement)).toBe('Reject all')
    await userEvent.keyboard('{Tab}')
    expect(labelOf(ui()!.activeElement)).toBe('Accept all')
    expect(getComputedStyle(ui()!.activeElement!).outlineStyle).toBe('solid')
    await userEvent.keyboard('{Enter}')
    expect(consent.getState().categories.analytics).toBe(true)
  })
})
