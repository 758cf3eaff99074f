// Demo server: serves demo/ at / and the built files at /dist/, and logs every request for a
// gated tag so that you can watch nothing load before consent. `npm run demo` builds first.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT ?? 5173)
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css' }

createServer(async (request, response) => {
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
}).listen(port, '127.0.0.1', () => console.log(`Consentry demo: http://localhost:${port}/`))
