// Pages that load the built script tag (dist/consentry.js), with a recorder of what they log.
import type axe from 'axe-core'
import { openFrame, requests, servePage } from './browser'
import { siteConfig } from './configs'

export const inlineConfig = (config: unknown = siteConfig) =>
  `<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>`

/**
 * Records console errors and warnings, uncaught errors, unhandled rejections and Content Security
 * Policy violations into `window.logged`, for the test to read. It carries the nonce the strict
 * pages use.
 */
export const recorder = `<script nonce="abc">
  window.logged = []
  // No Array.prototype.map: one of the pages breaks it.
  for (const level of ['error', 'warn']) {
    console[level] = (...args) => {
      let line = level + ':'
      for (const arg of args) line += ' ' + String(arg)
      logged.push(line)
    }
  }
  addEventListener('error', (event) => logged.push('uncaught: ' + event.message))
  addEventListener('unhandledrejection', (event) => logged.push('unhandled: ' + event.reason))
  document.addEventListener('securitypolicyviolation', (event) => logged.push('csp: ' + event.violatedDirective + ' ' + event.blockedURI))
</script>`

/** Gated tags of every kind, with the site config's categories and services. */
export const tags = `
  <script type="text/plain" data-consent="analytics" src="/__gated/gtag.js?id=G-TEST&delay=100"></script>
  <script type="text/plain" data-consent="analytics">(window.ran = window.ran || []).push('inline')</script>
  <script type="text/plain" data-consent="analytics.fullstory" src="/__gated/fullstory.js"></script>
  <script type="text/plain" data-consent="marketing" src="/__gated/uet.js"></script>
  <template data-consent="marketing"><img src="/__gated/pixel.gif" alt=""></template>
  <iframe data-consent="marketing" data-src="/__gated/video.html" title="Video"></iframe>
  <p>End of page</p>`

/** What the tags above request once everything is granted, sorted. */
export const GATED = [
  '/__gated/fullstory.js',
  '/__gated/gtag.js?id=G-TEST&delay=100',
  '/__gated/pixel.gif',
  '/__gated/uet.js',
  '/__gated/video.html',
]
/** What their scripts record in `window.ran`, in the order they run. */
export const RAN = ['G-TEST', 'inline', 'fullstory.js', 'uet.js']

export interface ScriptTagPage {
  /** The config, inline. */
  config?: unknown
  /** Markup before the script tag, after the recorder. */
  before?: string
  /** Markup after it. */
  body?: string
  /** The nonce on the script tag. */
  nonce?: string
  /** The visitor's region, as `data-region` on the script tag. */
  region?: string | undefined
  headers?: Record<string, string>
}

/** A page with the recorder, an inline config and the built script tag; returns its URL. */
export const scriptTagPage = ({
  config = siteConfig,
  before = '',
  body = '',
  nonce,
  headers,
  region,
}: ScriptTagPage = {}) => {
  const attributes = (nonce ? ` nonce="${nonce}"` : '') + (region ? ` data-region="${region}"` : '')
  return servePage(
    `<!doctype html><html lang="en"><head><title>Page</title>${recorder}${inlineConfig(config)}${before}` +
      `<script src="/__dist/consentry.js"${attributes}></script></head><body>${body}</body></html>`,
    headers ? { headers } : {},
  )
}

/** Open a URL in an iframe; returns its window and document. */
export const visit = async (url: string, size?: { width: number; height: number }) => {
  const frame = await openFrame(url, size)
  return { frame, win: frame.contentWindow as Window & Record<string, any>, doc: frame.contentDocument! }
}

/** The shadow root of the UI in a page. */
export const uiRoot = (doc: Document) => doc.querySelector('[data-consentry]')?.shadowRoot ?? null

/** The gated URLs requested since the request log was last cleared, sorted. */
export const gatedRequests = async () => (await requests()).filter((url) => url.startsWith('/__gated/')).sort()

/** The WCAG 2.2 AA violations axe-core finds in a served page that loaded axe.min.js. */
export const pageViolations = async (win: Window & Record<string, any>, doc: Document) => {
  const { violations } = await (win.axe as typeof axe).run(doc, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  })
  return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)
}
