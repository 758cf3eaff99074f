// Test-only routes on the vitest browser server, so that fixture pages are same-origin with the
// tests: pages posted by a test, the built files, stand-ins for gated tags, and a request log.
import { mkdtempSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolve } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
// @ts-expect-error plain JavaScript module of the demo, without types
import { createReceiver, signToken } from '../../demo/receiver.js'

/** The secret of the test receiver's recipient tokens. */
export const RECEIPT_SECRET = 'test-receipt-secret'

const TYPES: Record<string, string> = { js: 'text/javascript', html: 'text/html', gif: 'image/gif', json: 'application/json', css: 'text/css' }
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
    // The reference receiver on /api/consent-receipts, with failures to inject: /__receipts?fail=0.3
    // answers that share of requests with 500 (half of them after storing), ?delay=ms stalls each,
    // ?down=1 answers 503 to all; ?sign=<contact> returns a recipient token. It answers what is stored.
    let receiverFile = ''
    let receiver: { handle(req: IncomingMessage, res: ServerResponse): boolean }
    const faults = { fail: 0, delay: 0, down: 0 }
    const resetReceiver = () => {
      receiverFile = join(mkdtempSync(join(tmpdir(), 'consentry-receipts-')), 'receipts.jsonl')
      receiver = createReceiver({ file: receiverFile, secret: RECEIPT_SECRET })
    }
    resetReceiver()
    server.middlewares.use(async (req, res, next) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (url.pathname == '/__receipts') {
        if (url.searchParams.has('reset')) resetReceiver()
        faults.fail = Number(url.searchParams.get('fail') ?? faults.fail)
        faults.delay = Number(url.searchParams.get('delay') ?? faults.delay)
        faults.down = Number(url.searchParams.get('down') ?? faults.down)
        const contact = url.searchParams.get('sign')
        if (contact) return send(res, 200, 'application/json', JSON.stringify(signToken(contact, RECEIPT_SECRET)))
        let lines: string[] = []
        try {
          lines = readFileSync(receiverFile, 'utf8').split('\n').filter(Boolean)
        } catch {}
        return send(res, 200, 'application/json', JSON.stringify(lines.map((line) => JSON.parse(line))))
      }
      if (url.pathname == '/api/consent-receipts') {
        await new Promise((wait) => setTimeout(wait, faults.delay))
        if (faults.down) return send(res, 503, 'text/plain', 'down')
        const roll = Math.random()
        if (roll < faults.fail / 2) return send(res, 500, 'text/plain', 'down')
        if (roll < faults.fail) {
          // Stored, but the answer is lost: the client must send it again, the receiver must not store it twice.
          const sink = Object.assign(Object.create(res), { writeHead: () => sink, end: () => send(res, 500, 'text/plain', 'lost') })
          return receiver.handle(req, sink)
        }
        if (receiver.handle(req, res)) return
      }
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
      if (route == '__referers') return send(res, 200, TYPES.json!, JSON.stringify(referers))
      if (route == '__gpc') return send(res, 200, TYPES.json!, JSON.stringify(gpcHeaders))
      if (route == '__vendor') {
        // Stand-ins of vendors' tags: each records, as it loads, the consent state it finds.
        const seen: Record<string, string> = {
          'gtag.js': 'Array.from(window.dataLayer || []).filter((entry) => !entry.event).map((entry) => Array.from(entry))',
          'uet.js': 'Array.from(window.uetq || [])',
          'clarity.js': '(window.clarity && window.clarity.q || []).map((entry) => Array.from(entry))',
          'fullstory.js': 'window._fs_capture_on_startup',
        }
        const what = seen[name]
        if (!what) return send(res, 404, 'text/plain', 'no such vendor')
        return send(res, 200, TYPES.js!, `(window.vendorSeen = window.vendorSeen || []).push([${JSON.stringify(name)}, JSON.parse(JSON.stringify(${what}))])`)
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
