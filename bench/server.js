// Serves the benchmark pages, the built Consentry files and the peers' files from node_modules,
// on loopback. Pages get the shared content at <!--content-->. It runs in a worker thread of its
// own, so that the runner's traffic with the browser never delays a response.
import { createServer } from 'node:http'
import { Worker, isMainThread, parentPort } from 'node:worker_threads'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}
const allowed = /^\/(dist\/|bench\/|node_modules\/((orejime|vanilla-cookieconsent|klaro)\/dist|tarteaucitronjs)\/)/

const brotli = new Map()
/** A file's brotli encoding, made once per cache key. */
const compressed = (path, body) => {
  if (!brotli.has(path)) brotli.set(path, brotliCompressSync(body))
  return brotli.get(path)
}

const serve = () =>
  new Promise((resolve) => {
    const server = createServer(async (request, response) => {
      const path = normalize(new URL(request.url ?? '/', 'http://localhost').pathname)
      try {
        if (path == '/privacy') return response.end('privacy')
        // The full-featured page's receipts endpoint: accepted, and forgotten.
        if (path == '/bench/receipts') {
          response.writeHead(204)
          return response.end()
        }
        if (!allowed.test(path)) throw new Error('not served')
        let body = await readFile(join(root, path))
        // Pages differ by whether the visitor has decided; other files are the same for everyone.
        let cacheKey = path
        if (path.startsWith('/bench/pages/')) {
          body = body
            .toString()
            .replace('<!--content-->', await readFile(join(root, 'bench/pages/content.html'), 'utf8'))
          // What docs/script-tag.md's edge recipe does: a hint for the UI chunk only to a visitor
          // whose request carries no consent cookie.
          const decided = /(^|;\s*)consentry=/.test(request.headers.cookie ?? '')
          body = body.replace(/<!--first-visit:(.*?)-->/g, (_, hint) => (decided ? '' : hint))
          cacheKey = `${path} ${decided}`
        }
        const headers = {
          'content-type': types[extname(path)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        }
        // As a CDN serves them: brotli where the browser takes it, so that an emulated network
        // carries the bytes a visitor's would.
        if (/\bbr\b/.test(request.headers['accept-encoding'] ?? '')) {
          body = compressed(cacheKey, body)
          headers['content-encoding'] = 'br'
        }
        response.writeHead(200, headers)
        response.end(body)
      } catch {
        response.writeHead(404)
        response.end()
      }
    })
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`))
  })

if (!isMainThread) parentPort.postMessage(await serve())

/** Start the server on a free loopback port in a worker; resolves to its origin and a close function. */
export const startServer = () =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url))
    worker.once('error', reject)
    worker.once('message', (origin) => resolve({ origin, close: () => worker.terminate() }))
  })
