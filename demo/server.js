// Demo server: serves demo/ at / and the built files at /dist/, logs every request for a gated
// tag so that you can watch nothing load before consent, and runs consentry/server on /consent/
// over an embedded PGlite database in demo/data/. `npm run demo` builds first.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { createConsentServer, openDatabase, signRecipientToken } from '../dist/server/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT ?? 5173)
// The server has no built-in secret; the demo makes one per run unless you give one.
const secret = process.env.TOKEN_SECRET || randomBytes(32).toString('hex')
const apiKey = process.env.CRM_API_KEY || randomBytes(16).toString('hex')
const db = await openDatabase(process.env.DATABASE_URL ?? join(root, 'demo', 'data'))
const consent = getRequestListener(
  createConsentServer({ db, secrets: [secret], origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`], apiKey, consentCookie: { name: 'consentry' } }).fetch,
)
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css' }

createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost')
  if (pathname.startsWith('/consent/')) return consent(request, response)
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
  const token = signRecipientToken({ subject: 'demo-contact', expiresAt: new Date(Date.now() + 30 * 864e5) }, secret)
  console.log(`Consentry demo: http://localhost:${port}/`)
  console.log(`An email footer link (opens the preferences): http://localhost:${port}/?consent=preferences&ctk=${token}`)
  console.log(`What the CRM reads for that contact: curl -H 'Authorization: Bearer ${apiKey}' http://localhost:${port}/consent/subjects/demo-contact`)
})
