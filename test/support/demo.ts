// The demo as a visitor meets it: `node demo/server.js` on a free port over an in-memory database,
// driven by Playwright in the system Chromium. For node tests of the demo (test/demo/*.node.test.ts);
// they need `npm run build` and `npm run build:demo` first, as npm test does.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { type Browser, type BrowserContext, chromium } from 'playwright'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { scaled } from './slowdown'

const DEMO_API_KEY = 'demo-test-api-key'
const DEMO_SECRET = 'demo-test-secret-0123456789abcdef0123456789abcdef'

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer()
    probe.on('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })

/** Start the demo server; `stop()` ends it. */
const startDemo = async () => {
  const port = await freePort()
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: 'memory://',
    TOKEN_SECRET: DEMO_SECRET,
    CRM_API_KEY: DEMO_API_KEY,
  }
  const child = spawn(process.execPath, ['demo/server.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise((ready, fail) => {
    child.stdout.once('data', ready)
    child.once('exit', (code) => fail(new Error(`demo server exited with ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() }
}

/** The system Chromium, headless. */
const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })

/**
 * The demo server and a Chromium for the tests of one file: started before them, stopped after.
 * `page(viewport)` opens a page in a context of its own (no cookies, no storage), closed after
 * the test.
 */
export const useDemo = () => {
  let server: Awaited<ReturnType<typeof startDemo>> | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await startDemo()
    browser = await launchChromium()
  })
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close()
  })
  afterAll(async () => {
    await browser?.close()
    server?.stop()
  })
  return {
    get url() {
      return server!.url
    },
    get browser() {
      return browser!
    },
    async page(viewport = { width: 1280, height: 900 }) {
      const context = await browser!.newContext({ viewport })
      // Playwright's own waits (clicks, waitFor, textContent) get the same scale as the tests'.
      context.setDefaultTimeout(scaled(30_000))
      contexts.push(context)
      return context.newPage()
    },
  }
}
