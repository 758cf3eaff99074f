import { serve as serveWithNode } from '@hono/node-server'
import type { ConsentServer } from './app'

/**
 * Serve a consent server with Node's `http` module. Binds to loopback unless told otherwise.
 *
 * @returns The Node HTTP server; `close()` stops it.
 */
export const serve = (
  server: ConsentServer,
  { port = 8787, hostname = '127.0.0.1' }: { port?: number; hostname?: string } = {},
) => serveWithNode({ fetch: server.fetch, port, hostname })
