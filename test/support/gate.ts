// Shared set-up of the gate tests: one instance per test on an iframe's document, a clean
// cookie jar and request log before, everything destroyed and closed after.
import { afterEach, beforeEach } from 'vitest'
import { createConsentry } from '../../src/create-consentry'
import type { ConsentryOptions, Gate } from '../../src/core/types'
import { domGates } from '../../src/gates/dom-gates'
import { clearCookies, closeFrames, requests } from './browser'
import { siteConfig } from './configs'

const instances: { destroy(): void }[] = []

beforeEach(async () => {
  clearCookies()
  await requests(true)
})
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy()
  closeFrames()
})

/** An instance with the site config that gates `doc` (with no UI: it has tests of its own). */
export const gate = (doc: Document, options: Omit<ConsentryOptions, 'document' | 'ui'> = {}) => {
  const consent = createConsentry(siteConfig, { document: doc, ui: false, ...options })
  instances.push(consent)
  return consent
}

/** An instance with the site config that gates `doc` with `gates` started before the DOM gates, as gatesFor orders them. */
export const gateWith = (doc: Document, ...gates: Gate[]) => gate(doc, { gates: [...gates, ...domGates()] })
