// Test-only routes on the vitest browser server, so that fixture pages are same-origin with the
// tests: pages posted by a test, the built files, stand-ins for gated tags, and a request log.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import type { Plugin } from 'vite'
import type { ConsentServer } from '../../src/server'

/** The secret of the test receiver's recipient tokens. */
const RECEIPT_SECRET = 'test-receipt-secret'

const TYPES: Record<string, string> = {
  js: 'text/javascript',
  html: 'text/html',
  gif: 'image/gif',
  json: 'application/json',
  css: 'text/css',
}
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64')

const body = (req: IncomingMessage) =>
  new Promise<string>((done) => {
    let text = ''
    req.on('data', (chunk) => (text += chunk))
    req.on('end', () => done(text))
  })

export const testServer = (root: string): Plugin => ({
  name: 'consentry-test-server',
  configureServer(server) {
    const log: string[] = []
    const referers: string[] = []
    const gpcHeaders: string[] = []
    const pages: { body: string; type: string; headers: Record<string, string>; pause?: number }[] = []
    const send = (res: ServerResponse, status: number, type: string, content: string | Buffer, headers = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers })
      res.end(content)
    }
    // consentry/server on /api/consent (receipts at /api/consent/receipts), over an in-memory
    // PGlite, with failures to inject: /__receipts?fail=0.3 answers that share of receipts with 500
    // (half of them after storing), ?delay=ms stalls each, ?down=1 answers 503 to all;
    // ?limited=<seconds> answers 429 with that Retry-After to every receipt (counted in
    // /__receipts/limited); ?sign=<contact> returns a recipient token, ?reset empties the tables.
    // It answers what is stored.
    const faults = { fail: 0, delay: 0, down: 0, limited: 0, refused: 0 }
    // The built package, as a CRM would use it (npm test builds first); loaded at run time, so
    // that the bundled vite config does not take the server's code in.
    const built: Promise<typeof import('../../src/server')> = import(
      pathToFileURL(resolve(root, 'dist/server/index.js')).href
    )
    const database = built.then(({ openDatabase }) => openDatabase('memory://'))
    // One server per host the tests use, each allowing its own origin.
    const servers = new Map<string, Promise<ConsentServer>>()
    const serverFor = (host: string) => {
      let server = servers.get(host)
      if (!server) {
        server = Promise.all([built, database]).then(([{ createConsentServer }, db]) =>
          createConsentServer({
            db,
            secrets: [RECEIPT_SECRET],
            origins: [`http://${host}`],
            apiKey: 'test-api-key',
            prefix: '/api/consent',
            consentCookie: { name: 'consentry' },
          }),
        )
        servers.set(host, server)
      }
      return server
    }
    const receiver = getRequestListener(async (request) => {
      const server = await serverFor(new URL(request.url).host)
      await new Promise((wait) => setTimeout(wait, faults.delay))
      if (faults.down) return new Response('down', { status: 503 })
      if (faults.limited && request.method == 'POST') {
        faults.refused++
        return new Response('{"error":"too many"}', { status: 429, headers: { 'retry-after': String(faults.limited) } })
      }
      const roll = Math.random()
      if (request.method == 'POST' && roll < faults.fail / 2) return new Response('down', { status: 500 })
      const response = await server.fetch(request)
      // Stored, but the answer is lost: the client must send it again, the server must not store it twice.
      if (request.method == 'POST' && roll < faults.fail) return new Response('lost', { status: 500 })
      return response
    })
    server.middlewares.use(async (req, res, next) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (url.pathname == '/__receipts') {
        const db = await database
        if (url.searchParams.has('reset')) await db.query('TRUNCATE consentry_latest, consentry_receipts')
        faults.fail = Number(url.searchParams.get('fail') ?? faults.fail)
        faults.delay = Number(url.searchParams.get('delay') ?? faults.delay)
        faults.down = Number(url.searchParams.get('down') ?? faults.down)
        faults.limited = Number(url.searchParams.get('limited') ?? faults.limited)
        if (url.searchParams.has('reset')) faults.refused = 0
        if (url.searchParams.has('refused')) return send(res, 200, 'application/json', String(faults.refused))
        const contact = url.searchParams.get('sign')
        if (contact) {
          const { signRecipientToken } = await built
          const token = signRecipientToken(
            { subject: contact, expiresAt: new Date(Date.now() + 864e5) },
            RECEIPT_SECRET,
          )
          return send(res, 200, 'application/json', JSON.stringify(token))
        }
        const rows = await db.query<Record<string, any>>(
          'SELECT * FROM consentry_receipts ORDER BY received_at, receipt_id',
        )
        const records = rows.map((row) => ({
          contact: row.subject,
          receipt: {
            receiptId: row.receipt_id,
            consentId: row.consent_id,
            ...(row.subject == null ? {} : { subject: 'verified' }),
            revision: row.revision,
            categories: row.categories,
            services: row.services,
            source: row.source,
            gpc: row.gpc,
            locale: row.locale,
            url: row.url,
            timestamp: new Date(row.decided_at).toISOString(),
          },
        }))
        return send(res, 200, 'application/json', JSON.stringify(records))
      }
      if (url.pathname.startsWith('/api/consent/')) return receiver(req, res)
      const [, route, name = ''] = url.pathname.split('/')
      const extension = name.split('.').pop() ?? ''
      if (route == '__page' && req.method == 'POST') {
        const page = JSON.parse(await body(req))
        pages.push({ body: page.body, type: page.type ?? 'text/html', headers: page.headers ?? {}, pause: page.pause })
        return send(res, 200, TYPES.json!, JSON.stringify({ url: `/__page/${pages.length - 1}` }))
      }
      if (route == '__page') {
        const page = pages[+name]
        if (!page) return send(res, 404, 'text/plain', 'no page')
        if (page.pause == null) return send(res, 200, page.type, page.body, page.headers)
        // Streamed: each "<!--pause-->" in the body holds the rest back, as a slow network would.
        res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store', ...page.headers })
        for (const [i, part] of page.body.split('<!--pause-->').entries()) {
          if (i) await new Promise((wait) => setTimeout(wait, page.pause))
          res.write(part)
        }
        return res.end()
      }
      if (route == '__log') {
        const seen = JSON.stringify(log)
        if (url.searchParams.has('clear')) log.length = 0
        return send(res, 200, TYPES.json!, seen)
      }
      if (route == '__read-consent') {
        // readConsent of the built npm entry, in Node, on the Cookie header the browser sent.
        try {
          const { readConsent }: typeof import('../../src/index') = await import(
            pathToFileURL(resolve(root, 'dist/npm/index.js')).href
          )
          const config = JSON.parse(url.searchParams.get('config') ?? 'null')
          return send(res, 200, TYPES.json!, JSON.stringify(readConsent(config, req.headers.cookie)))
        } catch (error) {
          return send(res, 500, 'text/plain', String(error))
        }
      }
      if (route == '__referers') return send(res, 200, TYPES.json!, JSON.stringify(referers))
      if (route == '__gpc') return send(res, 200, TYPES.json!, JSON.stringify(gpcHeaders))
      if (route == '__vendor') {
        // Stand-ins of vendors' tags: each records, as it loads, the consent state it finds.
        const seen: Record<string, string> = {
          'gtag.js':
            'Array.from(window.dataLayer || []).filter((entry) => !entry.event).map((entry) => Array.from(entry))',
          'uet.js': 'Array.from(window.uetq || [])',
          'clarity.js': '(window.clarity && window.clarity.q || []).map((entry) => Array.from(entry))',
          'fullstory.js': 'window._fs_capture_on_startup',
        }
        const what = seen[name]
        if (!what) return send(res, 404, 'text/plain', 'no such vendor')
        return send(
          res,
          200,
          TYPES.js!,
          `(window.vendorSeen = window.vendorSeen || []).push([${JSON.stringify(name)}, JSON.parse(JSON.stringify(${what}))])`,
        )
      }
      if (route == '__dist' || route == '__gated') log.push(url.pathname + url.search)
      if (route == '__gated') referers.push(req.headers.referer ?? '')
      if (route == '__gated') gpcHeaders.push(String(req.headers['sec-gpc'] ?? ''))
      if (route == '__dist') {
        try {
          return send(res, 200, TYPES[extension] ?? 'text/plain', await readFile(resolve(root, 'dist', name)))
        } catch {
          return send(res, 404, 'text/plain', 'not built')
        }
      }
      if (route == '__gated') {
        await new Promise((wait) => setTimeout(wait, Number(url.searchParams.get('delay') ?? 0)))
        const id = JSON.stringify(url.searchParams.get('id') ?? name)
        if (extension == 'js') return send(res, 200, TYPES.js!, `(window.ran = window.ran || []).push(${id})`)
        if (extension == 'gif') return send(res, 200, TYPES.gif!, PIXEL)
        return send(res, 200, TYPES.html!, `<!doctype html><title>${name}</title><p>embedded ${name}</p>`)
      }
      next()
    })
  },
})
