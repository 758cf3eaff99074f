// A site and stand-ins of real trackers, on their real host names, for `consentry audit`: one
// HTTPS server on loopback answers every host (Chromium maps them to it with
// --host-resolver-rules). Each stand-in does what its tracker does that the audit looks for: it
// sets its cookies from script and calls home.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const tls = {
  key: readFileSync(resolve(import.meta.dirname, 'audit-tls/key.pem')),
  cert: readFileSync(resolve(import.meta.dirname, 'audit-tls/cert.pem')),
}

/** The site under audit. */
const SITE = 'www.shop.test'

const cookie = (name: string) => `document.cookie = '${name}=1; path=/; max-age=31536000'`
const call = (url: string) => `fetch('${url}', { mode: 'no-cors', keepalive: true })`

/** The trackers' scripts, by host and path. */
const TRACKERS: Record<string, string> = {
  'www.googletagmanager.com/gtag/js': [
    cookie('_ga'),
    cookie('_ga_TEST'),
    call('https://www.google-analytics.com/g/collect?v=2'),
  ].join('\n'),
  'www.clarity.ms/tag/test': [cookie('_clck'), cookie('_clsk'), call('https://x.clarity.ms/collect')].join('\n'),
  'bat.bing.com/bat.js': [cookie('_uetsid'), cookie('_uetvid'), call('https://bat.bing.com/action/0')].join('\n'),
  'edge.fullstory.com/s/fs.js': [cookie('fs_uid'), call('https://rs.fullstory.com/rec/page')].join('\n'),
  'static.olark.com/jsclient/loader.js': [cookie('olfsk'), cookie('hblid')].join('\n'),
  'cdn.widgets.example/w.js': cookie('wdgt_seen'),
}

const CONFIG = {
  revision: 1,
  categories: {
    essential: { required: true },
    analytics: {
      services: {
        ga: { title: 'Google Analytics', cookies: ['/^_ga/'] },
        clarity: { title: 'Microsoft Clarity', vendor: 'microsoft-clarity' },
        fullstory: { title: 'FullStory', vendor: 'fullstory' },
      },
    },
    marketing: { services: { bing: { title: 'Microsoft Advertising', vendor: 'microsoft-uet' } } },
  },
}

const withConsentry = (body: string) => `<!doctype html><html lang="en"><head><title>Shop</title>
  <script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
  <script src="/consentry/consentry.js"></script></head><body>${body}<a href="/about">About</a></body></html>`
const gated = (category: string, src: string) =>
  `<script type="text/plain" data-consent="${category}" src="${src}"></script>`
const tag = (src: string) => `<script src="${src}"></script>`

/** The site's pages, each a case the tests audit. */
const PAGES: Record<string, string> = {
  // No consent tool: what would need gating.
  '/none': `<!doctype html><title>Shop</title>${tag('https://www.googletagmanager.com/gtag/js?id=G-TEST')}${tag('https://static.olark.com/jsclient/loader.js')}${tag('https://cdn.widgets.example/w.js')}`,
  // Everything gated.
  '/gated': withConsentry(
    gated('analytics', 'https://www.googletagmanager.com/gtag/js?id=G-TEST') +
      gated('analytics', 'https://www.clarity.ms/tag/test') +
      gated('marketing', 'https://bat.bing.com/bat.js'),
  ),
  // Clarity pasted into the footer, ungated.
  '/ungated': withConsentry(
    gated('analytics', 'https://www.googletagmanager.com/gtag/js?id=G-TEST') + tag('https://www.clarity.ms/tag/test'),
  ),
  // The UET pixel gated as essential: it loads whatever the visitor decides.
  '/essential-pixel': withConsentry(
    `<img data-consent="essential" data-src="https://bat.bing.com/action/0" alt="">${gated('analytics', 'https://www.googletagmanager.com/gtag/js?id=G-TEST')}`,
  ),
  // FullStory loaded on any decision, a reject included.
  '/any-decision': withConsentry(`<script>
    addEventListener('consentry:consent', () => {
      const script = document.createElement('script')
      script.src = 'https://edge.fullstory.com/s/fs.js'
      document.head.append(script)
    })
  </script>`),
  '/about': withConsentry('<p>About us</p>'),
}

const TYPES: Record<string, string> = { js: 'text/javascript', json: 'application/json', html: 'text/html' }
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')

/** Start the site and the trackers; `stop()` ends them. */
export const startAuditSite = async () => {
  const server: Server = createServer(tls, (request, response) => {
    const host = (request.headers.host ?? '').split(':')[0]!
    const url = new URL(request.url ?? '/', `https://${host}`)
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      response.end(body)
    }
    if (host == SITE && url.pathname.startsWith('/consentry/')) {
      const file = url.pathname.slice('/consentry/'.length)
      try {
        return send(200, TYPES.js!, readFileSync(resolve(root, 'dist', file)))
      } catch {
        return send(404, 'text/plain', 'not built')
      }
    }
    if (host == SITE && PAGES[url.pathname]) return send(200, TYPES.html!, PAGES[url.pathname]!)
    const script = TRACKERS[`${host}${url.pathname}`]
    if (script) return send(200, TYPES.js!, script)
    // Every other tracker URL answers with a pixel, as collection endpoints do.
    if (host != SITE) return send(200, 'image/gif', PIXEL)
    return send(404, 'text/plain', 'no such page')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    port,
    /** A page of the site. */
    page: (path: string) => `https://${SITE}${path}`,
    /** Chromium's flags that send every host to this server (and the one unreachable host nowhere). */
    flags: `--host-resolver-rules="MAP * 127.0.0.1:${port}, EXCLUDE unreachable.invalid" --ignore-certificate-errors`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  }
}
