// $state with each nanostores binding: the component of docs/npm.md renders from the store,
// and re-renders when a click or a call changes the decision.
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { h, render } from 'preact'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { createApp } from 'vue'
import { createConsentry } from '../src/create-consentry'
import type { Consentry } from '../src/core/types'
import { clearCookies } from './support/browser'
import { siteConfig } from './support/configs'
import { useInstance } from './support/recipes/consent'
import { AnalyticsStatus as PreactStatus } from './support/recipes/preact-store'
import { AnalyticsStatus as ReactStatus } from './support/recipes/react-store'
import { AnalyticsStatus as VueStatus } from './support/recipes/vue-store'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let consent: Consentry
let container: HTMLElement
beforeEach(() => {
  clearCookies()
  consent = createConsentry(siteConfig, { ui: false })
  useInstance(consent)
  container = document.createElement('div')
  document.body.append(container)
})
afterEach(() => {
  consent.destroy()
  container.remove()
})

/** Renders, then re-renders on a click on Accept all and on a call of the API. */
const followsTheStore = async (settle: (change: () => void | Promise<void>) => Promise<void>) => {
  expect(container.textContent).toBe('Analytics off Accept all')
  await settle(() => userEvent.click(container.querySelector('button')!))
  expect(consent.getState().decided).toBe(true)
  await expect.poll(() => container.textContent).toBe('Analytics on Accept all')
  await settle(() => consent.setConsent({ analytics: false }))
  await expect.poll(() => container.textContent).toBe('Analytics off Accept all')
}

describe('$state with', () => {
  it('@nanostores/react', async () => {
    const root = createRoot(container)
    await act(() => root.render(createElement(ReactStatus)))
    await followsTheStore(async (change) => {
      await act(async () => {
        await change()
      })
    })
    await act(() => root.unmount())
  })

  it('@nanostores/vue', async () => {
    const app = createApp(VueStatus)
    app.mount(container)
    await followsTheStore(async (change) => {
      await change()
    })
    app.unmount()
  })

  it('@nanostores/preact', async () => {
    render(h(PreactStatus, null), container)
    await followsTheStore(async (change) => {
      await change()
    })
    render(null, container)
  })
})
