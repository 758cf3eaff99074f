// Server rendering and hydration of a returning visitor: the server reads the decision from the
// Cookie header with readConsent, renders from it, and the browser hydrates from its live store.
// React and Vue both run their server renderer here, in the browser, on the header the page has.
import { useStore } from '@nanostores/react'
import Cookies from 'js-cookie'
import { act, createElement, type ReactElement } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h, nextTick, type Component } from 'vue'
import { renderToString as renderVueToString } from 'vue/server-renderer'
import { createConsentry } from '../src/create-consentry'
import { decode } from '../src/core/codec'
import type { ConsentState } from '../src/core/types'
import { readConsent } from '../src/read-consent'
import { clearCookies } from './support/browser'
import { siteConfig } from './support/configs'
import { cookieValues } from './support/cookie-values'
import { consent as current, useInstance } from './support/recipes/consent'
import { ConsentGate, ConsentProvider, useConsent } from './support/recipes/react-ssr'
import { provideServerConsent, useConsent as useVueConsent } from './support/recipes/vue-ssr'

const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** A client instance without UI, as an app that renders its own. */
const client = () => {
  const consent = createConsentry(siteConfig, { ui: false })
  useInstance(consent)
  return consent
}

/** A visitor who decided on an earlier visit: the decision is in the real cookie. */
const returningVisitor = () => {
  const earlier = createConsentry(siteConfig, { ui: false })
  earlier.setConsent({ analytics: true, marketing: false })
  earlier.destroy()
}

let consoleErrors: unknown[][] = []
const containers: HTMLElement[] = []
beforeEach(() => {
  clearCookies()
  consoleErrors = []
  vi.spyOn(console, 'error').mockImplementation((...args) => {
    consoleErrors.push(args)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  for (const container of containers.splice(0)) container.remove()
})

/** A container in the page holding the server's HTML, as the browser receives it. */
const serverHtml = (html: string) => {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  containers.push(container)
  return container
}

/** Hydrate the server's HTML of `server` with `browser`; resolves once React has committed, with what it reported. */
const hydrateReact = async (server: ReactElement, browser: ReactElement) => {
  const container = serverHtml(renderToString(server))
  const html = container.innerHTML
  const recoverable: unknown[] = []
  let root: Root | undefined
  await act(async () => {
    root = hydrateRoot(container, browser, { onRecoverableError: (error) => recoverable.push(error) })
  })
  return { container, html, recoverable, unmount: () => act(() => root!.unmount()) }
}

/** What the page shows about consent: one line, from a state. */
const status = (state: ConsentState) =>
  state.decided ? `analytics ${state.categories.analytics ? 'on' : 'off'}` : 'asking for consent'

describe('readConsent', () => {
  it.each(cookieValues)(
    'reads %s from the Cookie header the browser sends as the browser reads it: %s',
    async (_, outcome, value) => {
      document.cookie = `consentry=${value}; path=/`
      const consent = client()
      const browser = consent.getState()
      consent.destroy()
      // The built npm entry, in Node on the test server, on the very header of this request.
      const response = await fetch(`/__read-consent?config=${encodeURIComponent(JSON.stringify(siteConfig))}`)
      const server: ConsentState = await response.json()
      // Where nothing decodes, each side draws a new random id, as it must.
      const fresh = !decode(Cookies.get('consentry'))
      expect(server).toEqual({ ...browser, id: fresh ? expect.stringMatching(UUID) : browser.id })
      expect(readConsent(siteConfig, document.cookie)).toEqual({
        ...browser,
        id: fresh ? expect.stringMatching(UUID) : browser.id,
      })
      expect(server.decided).toBe(outcome != 'no decision')
    },
  )
})

describe('React hydration of a returning visitor', () => {
  const Status = ({ state }: { state: ConsentState }) => createElement('p', null, status(state))
  // The client renders from the live store as soon as it hydrates, as the app of the issue did.
  const Live = () => createElement(Status, { state: useStore(current.$state) })

  it('reports no mismatch when the server rendered from readConsent of the Cookie header', async () => {
    returningVisitor()
    const serverState = readConsent(siteConfig, document.cookie)
    const consent = client()
    const { container, html, recoverable, unmount } = await hydrateReact(
      createElement(Status, { state: serverState }),
      createElement(Live),
    )
    expect(html).toBe('<p>analytics on</p>')
    expect(recoverable).toEqual([])
    expect(consoleErrors).toEqual([])
    await act(() => consent.setConsent({ analytics: false }))
    expect(container.textContent).toBe('analytics off')
    await unmount()
    consent.destroy()
  })

  it('reports the mismatch when the server rendered "undecided", as it did without readConsent', async () => {
    returningVisitor()
    const consent = client()
    const { recoverable } = await hydrateReact(
      createElement(Status, { state: readConsent(siteConfig, undefined) }),
      createElement(Live),
    )
    expect(recoverable.map(String).join()).toMatch(
      /Hydration failed because the server rendered text didn't match the client/,
    )
    consent.destroy()
  })
})

describe('the React recipe (docs/npm.md): ConsentProvider, useConsent, ConsentGate', () => {
  const Page = () =>
    createElement(
      'main',
      null,
      createElement('p', null, status(useConsent())),
      createElement(
        ConsentGate,
        { service: 'analytics.ga', fallback: createElement('i', null, 'no stats') },
        createElement('b', null, 'stats'),
      ),
      createElement(
        ConsentGate,
        { service: 'marketing', fallback: createElement('i', null, 'no ads') },
        createElement('b', null, 'ads'),
      ),
    )
  /** The app as the server and the browser render it, with the state the server read. */
  const app = (initial: ConsentState) => createElement(ConsentProvider, { initial }, createElement(Page))

  it("renders the returning visitor's grants on the server, hydrates without a mismatch, then follows $state", async () => {
    returningVisitor()
    const initial = readConsent(siteConfig, document.cookie)
    const consent = client()
    // The prop reaches the browser serialized, as Next.js passes a server component's props.
    const { container, html, recoverable, unmount } = await hydrateReact(
      app(initial),
      app(JSON.parse(JSON.stringify(initial))),
    )
    expect(html).toBe('<main><p>analytics on</p><b>stats</b><i>no ads</i></main>')
    expect(recoverable).toEqual([])
    expect(consoleErrors).toEqual([])
    await act(() => consent.acceptAll())
    expect(container.innerHTML).toBe('<main><p>analytics on</p><b>stats</b><b>ads</b></main>')
    await act(() => consent.rejectAll())
    expect(container.innerHTML).toBe('<main><p>analytics off</p><i>no stats</i><i>no ads</i></main>')
    await unmount()
    consent.destroy()
  })

  it('hydrates without a mismatch even from a state that differs, and shows the live one right after', async () => {
    returningVisitor()
    const consent = client()
    const { container, html, recoverable, unmount } = await hydrateReact(
      app(readConsent(siteConfig, '')),
      app(readConsent(siteConfig, '')),
    )
    expect(html).toBe('<main><p>asking for consent</p><i>no stats</i><i>no ads</i></main>')
    expect(recoverable).toEqual([])
    expect(consoleErrors).toEqual([])
    expect(container.innerHTML).toBe('<main><p>analytics on</p><b>stats</b><i>no ads</i></main>')
    await unmount()
    consent.destroy()
  })

  it('renders from $state alone without a provider, as a page rendered only in the browser', async () => {
    returningVisitor()
    const consent = client()
    const container = serverHtml('')
    const root = (await import('react-dom/client')).createRoot(container)
    await act(() => root.render(createElement(Page)))
    expect(container.innerHTML).toBe('<main><p>analytics on</p><b>stats</b><i>no ads</i></main>')
    await act(() => root.unmount())
    consent.destroy()
  })
})

describe('Vue hydration of a returning visitor (createSSRApp, @nanostores/vue)', () => {
  const Page = defineComponent({
    setup() {
      const state = useVueConsent()
      return () => h('p', status(state.value))
    },
  })

  /** Render `Page` on the "server" with a state, hydrate it in the browser; resolves with Vue's warnings. */
  const hydrateVue = async (serverState: ConsentState, root: Component = Page) => {
    const server = createSSRApp(root)
    provideServerConsent(server, serverState)
    const container = serverHtml(await renderVueToString(server))
    const html = container.innerHTML
    const warnings: string[] = []
    const browser = createSSRApp(root)
    browser.config.warnHandler = (message) => {
      warnings.push(message)
    }
    browser.mount(container)
    await nextTick()
    return { container, html, warnings, unmount: () => browser.unmount() }
  }

  it('reports no mismatch when the server rendered from readConsent of the Cookie header', async () => {
    returningVisitor()
    const consent = client()
    const { container, html, warnings, unmount } = await hydrateVue(readConsent(siteConfig, document.cookie))
    expect(html).toBe('<p>analytics on</p>')
    expect(warnings).toEqual([])
    expect(consoleErrors).toEqual([])
    consent.setConsent({ analytics: false })
    await nextTick()
    expect(container.innerHTML).toBe('<p>analytics off</p>')
    unmount()
    consent.destroy()
  })

  it('reports the mismatch when the server rendered "undecided", as it did without readConsent', async () => {
    returningVisitor()
    const consent = client()
    const { warnings, unmount } = await hydrateVue(readConsent(siteConfig, undefined))
    expect(warnings.join()).toMatch(/Hydration text content mismatch/)
    unmount()
    consent.destroy()
  })
})
