import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { button, showUi, ui, uiConfig } from '../support/ui'

const title = () => ui()!.querySelector('.banner h2')!.textContent

describe('texts and languages', () => {
  it('speaks English by default', async () => {
    await showUi()
    expect(title()).toBe('We value your privacy')
  })

  it('follows <html lang>', async () => {
    document.documentElement.lang = 'de-DE'
    await showUi()
    await expect.poll(title).toBe('Ihre Privatsphäre ist uns wichtig')
    await expect.element(button('Alle ablehnen')).toBeVisible()
    expect(ui()!.querySelector('.root')!.getAttribute('lang')).toBe('de')
  })

  it('lets the config language win over the page', async () => {
    document.documentElement.lang = 'de'
    await showUi(uiConfig({ language: 'fr' }))
    await expect.poll(title).toBe('Votre vie privée compte pour nous')
  })

  it.each(['ar', 'he'])('lays %s out right to left', async (language) => {
    await showUi(uiConfig({ language }))
    await expect.poll(() => ui()!.querySelector('.root')!.getAttribute('dir')).toBe('rtl')
    const box = ui()!.querySelector('.banner .actions button')!.getBoundingClientRect()
    const last = [...ui()!.querySelectorAll('.banner .actions button')].at(-1)!.getBoundingClientRect()
    expect(box.left).toBeGreaterThan(last.left - 1)
  })

  it('takes texts from the config per language, and {policy} stays a real link', async () => {
    await showUi(
      uiConfig({
        language: 'de',
        texts: { de: { title: 'Cookies bei Beispiel', text: 'Kurz gesagt: {policy}. Mehr {nothing}.' } },
      }),
    )
    await expect.poll(title).toBe('Cookies bei Beispiel')
    const link = page.getByRole('link', { name: 'Cookie-Richtlinie' })
    await expect.element(link).toHaveAttribute('href', '/privacy')
    expect(ui()!.querySelector('.banner p')!.textContent).toBe('Kurz gesagt: Cookie-Richtlinie. Mehr {nothing}.')
  })

  it('never parses config text as HTML', async () => {
    await showUi(uiConfig({ texts: { en: { title: '<img src=x onerror="window.hacked=1">Hi' } } }))
    expect(title()).toBe('<img src=x onerror="window.hacked=1">Hi')
    expect(ui()!.querySelector('img')).toBeNull()
  })

  it('shows category titles from the config in the chosen language', async () => {
    await showUi(uiConfig({ language: 'de' }))
    await expect.poll(title).toBe('Ihre Privatsphäre ist uns wichtig')
    await button('Einstellungen verwalten').click()
    // The preferences are a chunk of their own: they render once it has arrived.
    const titles = () => [...ui()!.querySelectorAll('.category h3')].map((h) => h.textContent)
    await expect.poll(titles).toEqual(['Essential', 'Statistik', 'Marketing', 'Klick-Tracking in E-Mails'])
  })
})
