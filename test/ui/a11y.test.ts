// axe-core over the banner and the preferences, light and dark, left to right and right to left.
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { finishAnimations } from '../support/browser'
import { showUi, ui, uiConfig } from '../support/ui'

const violations = async () => {
  // The banner fades in; judge its colours once it is there.
  finishAnimations(ui()!)
  const { violations } = await axe.run(document.querySelector('[data-consentry]')!, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // The test runner's own page is no part of the UI.
    rules: {
      region: { enabled: false },
      'page-has-heading-one': { enabled: false },
      'landmark-one-main': { enabled: false },
    },
  })
  return violations.map(
    ({ id, nodes }) => `${id}: ${nodes.map((node) => `${node.target.join(' ')} (${node.any[0]?.message})`).join(', ')}`,
  )
}

describe.each([
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'ar'],
  ['dark', 'he'],
] as const)('accessibility, %s theme, %s', (theme, language) => {
  it('the banner has no axe violations', async () => {
    await showUi(uiConfig({ language, ui: { theme } }))
    await expect.poll(() => ui()!.querySelector('.banner')).toBeTruthy()
    expect(await violations()).toEqual([])
  })

  it('the preferences have no axe violations, details open', async () => {
    const consent = await showUi(uiConfig({ language, ui: { theme } }))
    consent.showPreferences()
    await expect.poll(() => ui()!.querySelector('dialog')!.open).toBe(true)
    for (const details of ui()!.querySelectorAll('details')) details.open = true
    ;(ui()!.querySelector('[role="switch"]') as HTMLElement).click()
    expect(await violations()).toEqual([])
  })
})
