// Demo server: `npm run demo` builds, then serves every part of the demo on one port:
//   /             the index, linking to each part
//   /site/        the marketing site (script tag, no build step), its stand-in tags logged
//   /dist/        the built package files
//   /consent/     consentry/server, over an embedded PGlite database in demo/data/
// Each part under demo/<part>/ may add routes in its own server.js (`handle`, below).
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
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
const consentServer = createConsentServer({
  db,
  secrets: [secret],
  origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  apiKey,
  consentCookie: { name: 'consentry' },
})
const consent = getRequestListener(consentServer.fetch)
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Every request the demo server saw for a stand-in tag, newest last, for the parts' live panels. */
const requestLog = []

// Parts with routes of their own: demo/<part>/server.js exporting handle(request, response, context),
// which answers and returns true, or returns false to let the static files answer.
const parts = []
for (const part of ['site', 'crm', 'playground']) {
  const file = join(root, 'demo', part, 'server.js')
  if (existsSync(file)) parts.push(await import(file))
}

/** Serve a file, or answer 404. A page's %CONSENTRY_UI% becomes the UI chunk's hashed name, as a site pastes it from dist/snippet.html. */
const sendFile = async (response, file) => {
  try {
    let body = await readFile(file)
    if (extname(file) == '.html' && body.includes('%CONSENTRY_UI%')) {
      const chunks = JSON.parse(await readFile(join(root, 'dist/chunks.json'), 'utf8'))
      body = body.toString().replaceAll('%CONSENTRY_UI%', chunks['consentry-ui'])
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    })
    response.end(body)
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' })
    response.end('not found')
  }
}

/** What the parts' own routes get: the consent server, its keys, the request log, sendFile. */
const context = { root, port, secret, apiKey, consentServer, requestLog, signRecipientToken, sendFile }

// The built parts (npm run build:demo) answer under their own path; a path of a client-side
// route (no file extension) gets the part's index.html.
const builtFile = (path) => {
  const part = path.split('/')[1]
  if (!part || !existsSync(join(root, 'dist-demo', part))) return undefined
  const file = join(root, 'dist-demo', path)
  if (existsSync(file)) return file
  return extname(path) ? undefined : join(root, 'dist-demo', part, 'index.html')
}

createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost')
  if (pathname.startsWith('/consent/')) return consent(request, response)
  for (const part of parts) {
    if (await part.handle(request, response, context)) return
  }
  const path = normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname).replace(/^(\.\.[/\\])+/, '')
  // report.js is the stand-ins' own helper, not a tag.
  if (path.startsWith('/site/tags/') && !path.endsWith('/report.js')) {
    requestLog.push({ time: Date.now(), path: pathname })
    console.log(`tag requested: ${pathname}`)
  }
  const file = path.startsWith('/dist/') ? join(root, path) : (builtFile(path) ?? join(root, 'demo', path))
  await sendFile(response, file)
}).listen(port, '127.0.0.1', () => {
  const token = signRecipientToken({ subject: 'demo-contact', expiresAt: new Date(Date.now() + 30 * 864e5) }, secret)
  console.log(`Consentry demo: http://localhost:${port}/`)
  console.log(
    `An email footer link (opens the preferences): http://localhost:${port}/site/?consent=preferences&ctk=${token}`,
  )
  console.log(
    `What the CRM reads for that contact: curl -H 'Authorization: Bearer ${apiKey}' http://localhost:${port}/consent/subjects/demo-contact`,
  )
})
