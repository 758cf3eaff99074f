// What a page stores and requests, as the browser sees it: its cookie store, the storage of the
// page's own origin, and every request to another site with what asked for it.
import type { BrowserContext, Page, Request } from 'playwright-core'
import { getDomain } from 'tldts'

/** The site (registrable domain) of a host: `www.example.co.uk` → `example.co.uk`; an IP or `localhost` as it is. */
export const siteOf = (host: string) => getDomain(host) ?? host

/** A request as recorded, before it is classified. */
export interface SeenRequest {
  url: string
  host: string
  initiator?: string
}

/** Quiet: nothing started or ended for this long, and nothing in flight but long polls. */
const SETTLED = 500
/** A request in flight for longer is a long poll or a stream, which never ends by itself. */
const LONG_POLL = 3000

/** What asked for a request, where the DevTools protocol says: a script's URL, or the page's markup. */
interface Initiator {
  type: string
  url?: string
  stack?: { callFrames: { url: string }[]; parent?: Initiator['stack'] }
}
const initiatorOf = (initiator: Initiator) => {
  if (initiator.type == 'parser') return 'parser'
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((each) => each.url)
    if (frame) return frame.url
  }
  return initiator.url
}

/** Watch a page of a context: the requests to other sites than `site`, and whether the network is quiet. */
export const watch = async (context: BrowserContext, page: Page, site: string) => {
  const inflight = new Map<Request, number>()
  let lastActivity = Date.now()
  const seen: SeenRequest[] = []
  const initiators = new Map<string, string>()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.requestWillBeSent', (event) => {
    const initiator = initiatorOf(event.initiator as Initiator)
    if (initiator) initiators.set(event.request.url, initiator)
  })
  context.on('request', (request) => {
    inflight.set(request, Date.now())
    lastActivity = Date.now()
    const url = new URL(request.url())
    if (!url.protocol.startsWith('http') || siteOf(url.hostname) == siteOf(site)) return
    seen.push({ url: request.url(), host: url.hostname })
  })
  const done = (request: Request) => {
    if (inflight.delete(request)) lastActivity = Date.now()
  }
  // A keepalive or beacon request may never report its end: its answer is enough.
  context.on('response', (response) => done(response.request()))
  context.on('requestfinished', done)
  context.on('requestfailed', done)
  const settled = () => {
    const now = Date.now()
    if (now - lastActivity < SETTLED) return false
    for (const started of inflight.values()) {
      if (now - started < LONG_POLL) return false
    }
    return true
  }
  return {
    /** The requests since the last `clear()`, each with its initiator where known. */
    requests(): SeenRequest[] {
      return seen.map((request) => {
        const initiator = initiators.get(request.url)
        return initiator ? { ...request, initiator } : request
      })
    },
    clear() {
      seen.length = 0
    },
    /** Wait until no request has been in flight for a moment, for at most `limit` ms. */
    async quiet(limit: number) {
      const end = Date.now() + limit
      while (Date.now() < end) {
        if (settled()) return
        await new Promise((done) => setTimeout(done, 100))
      }
    },
  }
}

/** The cookies of the context, first and third party. */
export const cookiesOf = async (context: BrowserContext) =>
  (await context.cookies()).map(({ name, domain, expires }) => ({ name, domain, expires }))

/** The localStorage and sessionStorage keys of the page's own origin. */
export const storageOf = (page: Page) =>
  page.evaluate(() => {
    const keys: { area: 'localStorage' | 'sessionStorage'; key: string }[] = []
    for (const area of ['localStorage', 'sessionStorage'] as const) {
      try {
        const storage = window[area]
        for (let i = 0; i < storage.length; i++) keys.push({ area, key: storage.key(i)! })
      } catch {
        // Storage refused to this origin.
      }
    }
    return keys
  })
