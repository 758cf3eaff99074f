// Test-only routes on the vitest browser server, so that fixture pages are same-origin with the
// tests: pages posted by a test, the built files, stand-ins for gated tags, and a request log.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'

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
    const pages: { body: string; type: string; headers: Record<string, string>; pause?: number }[] = []
    const send = (res: ServerResponse, status: number, type: string, content: string | Buffer, headers = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers })
      res.end(content)
    }
    server.middlewares.use(async (req, res, next) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
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
      if (route == '__dist' || route == '__gated') log.push(url.pathname + url.search)
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
