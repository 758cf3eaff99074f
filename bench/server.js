// Serves the benchmark pages, the built Consentry files and the peers' files from node_modules,
// on loopback. Pages get the shared content at <!--content-->, and the UI chunk's hashed file at
// <!--ui-->. It runs in a worker thread of its own, so that the runner's traffic with the browser
// never delays a response. One server a cache mode: `no-store` (every visit downloads every file)
// or `immutable` (files kept a year, as a CDN or a versioned path serves them; pages are no-store).
import { createServer } from 'node:http'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
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

const CACHE = {
  'no-store': 'no-store',
  immutable: 'public, max-age=31536000, immutable',
}
// Read once, not on each timed page request: the build is done before the benchmark starts.
let chunkNames
const chunks = () => (chunkNames ??= readFile(join(root, 'dist/chunks.json'), 'utf8').then(JSON.parse))

const serve = (cache) =>
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
        const page = path.startsWith('/bench/pages/')
        if (page) {
          const ui = `/dist/${(await chunks())['consentry-ui']}`
          body = body
            .toString()
            .replace('<!--content-->', await readFile(join(root, 'bench/pages/content.html'), 'utf8'))
            .replaceAll('<!--ui-->', ui)
          // What docs/script-tag.md's edge recipe does: a hint for the UI chunk only to a visitor
          // whose request carries no consent cookie; as a 103 Early Hints response, or in the page.
          const decided = /(^|;\s*)consentry=/.test(request.headers.cookie ?? '')
          body = body.replace(/<!--first-visit:(.*?)-->/g, (_, hint) => (decided ? '' : hint))
          if (!decided && body.includes('<!--early-hints-->'))
            response.writeEarlyHints({ link: `<${ui}>; rel=modulepreload` })
          cacheKey = `${path} ${decided}`
        }
        const headers = {
          'content-type': types[extname(path)] ?? 'application/octet-stream',
          'cache-control': page ? 'no-store' : CACHE[cache],
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

if (!isMainThread) parentPort.postMessage(await serve(workerData))

/** Start the server of a cache mode on a free loopback port in a worker; resolves to its origin and a close function. */
export const startServer = (cache) =>
  new Promise((resolve, reject) => {
    if (!(cache in CACHE)) reject(new Error(`no cache mode ${cache}: ${Object.keys(CACHE).join(', ')}`))
    const worker = new Worker(new URL(import.meta.url), { workerData: cache })
    worker.once('error', reject)
    worker.once('message', (origin) => resolve({ origin, close: () => worker.terminate() }))
  })
