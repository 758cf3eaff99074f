// Demo server: serves demo/ at / and the built files at /dist/, logs every request for a gated
// tag so that you can watch nothing load before consent, and runs the reference receiver of
// consent receipts (receiver.js) on /api/. `npm run demo` builds first.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createReceiver, signToken } from './receiver.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT ?? 5173)
const secret = process.env.RECEIPTS_SECRET ?? 'demo-secret-change-me'
const receiver = createReceiver({
  file: process.env.RECEIPTS_FILE ?? join(root, 'demo', 'receipts.jsonl'),
  secret,
  consentCookie: { name: 'consentry', days: 182 },
})
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css' }

createServer(async (request, response) => {
  if (receiver.handle(request, response)) return
  const { pathname } = new URL(request.url ?? '/', 'http://localhost')
  const path = normalize(pathname == '/' ? '/index.html' : pathname).replace(/^(\.\.[/\\])+/, '')
  const file = path.startsWith('/dist/') ? join(root, path) : join(root, 'demo', path)
  if (path.startsWith('/tags/')) console.log(`gated tag requested: ${pathname}`)
  try {
    const body = await readFile(file)
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    response.end(body)
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' })
    response.end('not found')
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`Consentry demo: http://localhost:${port}/`)
  console.log(`An email footer link (opens the preferences): http://localhost:${port}/?consent=preferences&ctk=${signToken('demo-contact', secret)}`)
  // The receiver takes receipts from the receipts() gate of the npm build; the script tag does not send them yet.
  console.log(`Receipts endpoint: http://localhost:${port}/api/consent-receipts`)
})
