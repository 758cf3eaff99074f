import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { tick, labelOf } from '../support/browser'
import { banner, button, dialog, focused, showUi, ui, uiConfig } from '../support/ui'

const open = () => ui()!.querySelector('dialog')!.open
// The categories' switches; each service has one too, inside its category's details.
const switches = () => [...ui()!.querySelectorAll('.category > .row [role="switch"]')] as HTMLElement[]
const categoryTitles = () => [...ui()!.querySelectorAll('.category h3')].map((h) => h.textContent)

describe('the preferences', () => {
  it('open as a modal dialog from Manage preferences, with nothing ticked', async () => {
    await showUi()
    await button('Manage preferences').click()
    await expect.element(dialog()).toBeVisible()
    expect(ui()!.querySelector('dialog')!.matches(':modal')).toBe(true)
    expect(switches().map((element) => element.getAttribute('aria-checked'))).toEqual(['false', 'false', 'false'])
    expect(ui()!.contains(focused())).toBe(true)
  })

  it('are fetched as a chunk of their own when the visitor is about to open them, and hold their content only while open', async () => {
    // The pointer away from where the banner shows: an element appearing under it is pointed at.
    const corner = document.createElement('div')
    corner.textContent = 'corner'
    document.body.prepend(corner)
    await userEvent.hover(corner)
    corner.remove()
    await showUi()
    await expect.element(banner()).toBeVisible()
    expect(ui()!.querySelector('dialog')).toBeNull()
    // A pointer over the button fetches them; the built script tag's request is tested in cdn-ui.test.ts.
    ;(ui()!.querySelector('.banner .secondary') as HTMLElement).dispatchEvent(new PointerEvent('pointerenter'))
    await expect.poll(() => ui()!.querySelector('dialog')).not.toBeNull()
    const element = ui()!.querySelector('dialog')!
    expect(element.open).toBe(false)
    expect(element.childElementCount).toBe(0)
    await button('Manage preferences').click()
    await expect.poll(() => switches().length).toBe(3)
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => element.open).toBe(false)
    expect(element.childElementCount).toBe(0)
  })

  it('label each switch by its category title; required categories show Always on', async () => {
    await showUi()
    await button('Manage preferences').click()
    for (const name of ['Analytics', 'Marketing', 'Email click tracking'])
      await expect.element(page.getByRole('switch', { name })).toHaveAttribute('aria-checked', 'false')
    await expect.element(page.getByRole('switch', { name: 'Essential' })).not.toBeInTheDocument()
    await expect.element(dialog()).toHaveTextContent(/Essential\s*Always on/)
  })

  it('list the services and cookies of a category in expandable details', async () => {
    await showUi()
    await button('Manage preferences').click()
    await page.getByText('Services and cookies').first().click()
    const details = ui()!.querySelector('details')!
    expect(details.open).toBe(true)
    expect(details.textContent).toContain('Google Analytics')
    const rows = [...details.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    )
    expect(rows).toEqual([
      ['_gid', '', ''],
      ['_ga*', 'Visitor id', '2 years'],
      ['fs_uid', '', ''],
    ])
  })

  it('show cookie tables people read: readable names, only the columns some cookie fills, aligned, and a line for a service without cookies', async () => {
    const services = {
      ga: {
        title: 'Google Analytics',
        cookies: [{ name: '_ga_*', match: '/^_ga_/', duration: '2 years' }, '/^_gcl_(au|aw)$/'],
      },
      replay: {
        title: 'Session replay with a long name',
        cookies: [{ name: 'a_cookie_with_a_rather_long_name', duration: '1 year' }],
      },
      chat: { title: 'Chat' },
    }
    await showUi(uiConfig({ categories: { essential: { required: true }, analytics: { services } } }))
    await button('Manage preferences').click()
    await page.getByText('Services and cookies').click()
    const tables = [...ui()!.querySelectorAll('table')]
    expect(tables).toHaveLength(2)
    // No cookie has a purpose: that column is gone from every table.
    for (const table of tables)
      expect([...table.querySelectorAll('th')].map((cell) => cell.textContent)).toEqual(['Cookie', 'Duration'])
    const rows = [...tables[0]!.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    )
    expect(rows).toEqual([
      ['_ga_*', '2 years'],
      ['_gcl_au, _gcl_aw', ''],
    ])
    const columnsOf = (table: HTMLTableElement) =>
      [...table.querySelectorAll('th')].map((cell) => Math.round(cell.getBoundingClientRect().left))
    expect(columnsOf(tables[1]!)).toEqual(columnsOf(tables[0]!))
    await expect.element(page.getByText('No cookies listed.')).toBeVisible()
  })

  it('save the switches with Save preferences', async () => {
    const consent = await showUi()
    await button('Manage preferences').click()
    await page.getByRole('switch', { name: 'Analytics' }).click()
    await expect.element(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'true')
    expect(consent.getState().decided).toBe(false)
    await button('Save preferences').click()
    expect(consent.getState()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } })
    expect(open()).toBe(false)
    await expect.element(banner()).not.toBeInTheDocument()
  })

  it('switch each service on its own; a category whose services differ says it is partly on', async () => {
    const consent = await showUi()
    await button('Manage preferences').click()
    await page.getByText('Services and cookies').first().click()
    const analytics = page.getByRole('switch', { name: 'Analytics', exact: true })
    const ga = page.getByRole('switch', { name: 'Google Analytics', exact: true })
    const fullstory = page.getByRole('switch', { name: 'FullStory', exact: true })
    await ga.click()
    await expect.element(ga).toHaveAttribute('aria-checked', 'true')
    await expect.element(analytics).toHaveAttribute('aria-checked', 'false')
    // "Partly on" is visible beside the switch, and part of its accessible description.
    await expect.element(analytics).toHaveAccessibleDescription('Partly on')
    await button('Save preferences').click()
    expect(consent.isGranted('analytics.ga')).toBe(true)
    expect(consent.isGranted('analytics.fullstory')).toBe(false)
    expect(consent.isGranted('analytics')).toBe(false)
    consent.showPreferences()
    await page.getByText('Services and cookies').first().click()
    await expect.element(ga).toHaveAttribute('aria-checked', 'true')
    // The last service on turns the category on too.
    await fullstory.click()
    await expect.element(analytics).toHaveAttribute('aria-checked', 'true')
    await expect.element(analytics).not.toHaveAccessibleDescription('Partly on')
    await button('Save preferences').click()
    expect(consent.getState().categories.analytics).toBe(true)
  })

  it('turn every service of a category on or off with its switch, and store a mixed decision unchanged', async () => {
    const consent = await showUi()
    consent.acceptAll()
    consent.setConsent({ 'marketing.bing': false })
    consent.showPreferences()
    await page.getByText('Services and cookies').nth(1).click()
    const marketing = page.getByRole('switch', { name: 'Marketing', exact: true })
    await expect.element(marketing).toHaveAttribute('aria-checked', 'true')
    await expect.element(marketing).toHaveAccessibleDescription('Partly on')
    await button('Save preferences').click()
    expect(consent.getState().services).toMatchObject({ 'marketing.ads': true, 'marketing.bing': false })
    expect(consent.isGranted('marketing')).toBe(true)
    consent.showPreferences()
    await marketing.click()
    await page.getByText('Services and cookies').nth(1).click()
    await expect
      .element(page.getByRole('switch', { name: 'ads', exact: true }))
      .toHaveAttribute('aria-checked', 'false')
    await button('Save preferences').click()
    expect(consent.getState().services).toMatchObject({ 'marketing.ads': false, 'marketing.bing': false })
  })

  it('offer Accept all and Reject all too', async () => {
    const consent = await showUi()
    await button('Manage preferences').click()
    await page.getByRole('dialog').getByRole('button', { name: 'Accept all' }).click()
    expect(consent.getState().categories).toMatchObject({ analytics: true, marketing: true })
    consent.showPreferences()
    await expect.poll(open).toBe(true)
    expect(switches().map((element) => element.getAttribute('aria-checked'))).toEqual(['true', 'true', 'true'])
    await page.getByRole('dialog').getByRole('button', { name: 'Reject all' }).click()
    expect(consent.getState().categories).toMatchObject({ analytics: false, marketing: false })
  })

  it('close on Escape without saving, and give focus back to the opener', async () => {
    const consent = await showUi()
    const manage = [...ui()!.querySelectorAll('button')].find((element) => labelOf(element) == 'Manage preferences')!
    manage.focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(open).toBe(true)
    expect(ui()!.querySelector('dialog')!.contains(focused())).toBe(true)
    await userEvent.keyboard('{Escape}')
    await expect.poll(open).toBe(false)
    expect(consent.getState().decided).toBe(false)
    await expect.element(banner()).toBeVisible()
    expect(focused()).toBe(manage)
  })

  it('keep focus inside while open: the page behind is inert', async () => {
    const outside = document.createElement('button')
    outside.textContent = 'Page button'
    document.body.prepend(outside)
    await showUi()
    await button('Manage preferences').click()
    await expect.element(dialog()).toBeVisible()
    const dialogElement = ui()!.querySelector('dialog')!
    // What Tab reaches: not the service switches inside closed details.
    const focusable = [...dialogElement.querySelectorAll('button, a, summary')].filter(
      (element) => element.localName == 'summary' || !element.closest('details:not([open])'),
    ).length
    for (let i = 1; i < focusable; i++) {
      await userEvent.keyboard('{Tab}')
      expect(dialogElement.contains(focused())).toBe(true)
    }
    outside.focus()
    expect(document.activeElement).not.toBe(outside)
    outside.remove()
  })

  it('can be used with the keyboard alone', async () => {
    const consent = await showUi()
    ;(ui()!.querySelector('.banner .secondary') as HTMLElement).focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(open).toBe(true)
    while (focused()?.getAttribute('aria-labelledby') != 'consentry-marketing') await userEvent.keyboard('{Tab}')
    await userEvent.keyboard(' ')
    while (focused()?.textContent != 'Save preferences') await userEvent.keyboard('{Tab}')
    await userEvent.keyboard('{Enter}')
    expect(consent.getState().categories).toMatchObject({ analytics: false, marketing: true })
  })

  it('open from showPreferences() and from any [data-consent-open="preferences"] element', async () => {
    const consent = await showUi()
    consent.rejectAll()
    consent.hide()
    const link = document.createElement('a')
    link.href = '#'
    link.textContent = 'Cookie settings'
    link.dataset.consentOpen = 'preferences'
    document.body.append(link)
    await page.getByRole('link', { name: 'Cookie settings' }).click()
    link.remove()
    await expect.poll(open).toBe(true)
    await userEvent.keyboard('{Escape}')
    await expect.poll(open).toBe(false)
    await expect.element(banner()).not.toBeInTheDocument()
    consent.showPreferences()
    await expect.poll(open).toBe(true)
  })

  it.each(['#consent-preferences', '?consent=preferences'])(
    'open on load from an email link (%s), click tracking first',
    async (suffix) => {
      history.replaceState(null, '', location.pathname + suffix)
      await showUi()
      await expect.poll(open).toBe(true)
      expect(categoryTitles()).toEqual(['Email click tracking', 'Essential', 'Analytics', 'Marketing'])
    },
  )

  it.each([
    [true, 'ltr', 'left'],
    ['bottom-end', 'ltr', 'right'],
    [true, 'rtl', 'right'],
    ['bottom-end', 'rtl', 'left'],
  ] as const)(
    'keep the settings button (%s, %s) a 44 px icon in the bottom %s corner, its label shown on focus',
    async (settingsButton, dir, side) => {
      if (dir == 'rtl') document.documentElement.lang = 'ar'
      const consent = await showUi(uiConfig({ ui: { settingsButton } }))
      consent.rejectAll()
      consent.hide()
      const settings = page.getByRole('button', {
        name: dir == 'rtl' ? 'إعدادات ملفات تعريف الارتباط' : 'Cookie settings',
      })
      await expect.element(settings).toBeVisible()
      const element = ui()!.querySelector('.settings') as HTMLElement
      const box = element.getBoundingClientRect()
      expect(box.width).toBeLessThanOrEqual(48)
      expect(box.height).toBeLessThanOrEqual(48)
      expect(Math.round(innerHeight - box.bottom)).toBe(16)
      expect(Math.round(side == 'left' ? box.left : innerWidth - box.right)).toBe(16)
      element.focus()
      await userEvent.keyboard('{Shift>}{Tab}{/Shift}{Tab}')
      expect(ui()!.activeElement).toBe(element)
      expect(element.getBoundingClientRect().width).toBeGreaterThan(80)
    },
  )

  it('show a floating Cookie settings button when configured', async () => {
    const consent = await showUi(uiConfig({ ui: { settingsButton: true } }))
    await expect.element(button('Cookie settings')).not.toBeInTheDocument()
    consent.rejectAll()
    consent.hide()
    await button('Cookie settings').click()
    await expect.poll(open).toBe(true)
    await tick()
  })
})
