import { createHash, timingSafeEqual } from 'node:crypto'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { LATEST_MIGRATION, type Database } from './database'
import { createMetrics } from './metrics'
import { receiptSchema, TEXT, UUID, type ReceivedReceipt } from './receipt-schema'
import {
  decisionsAfter,
  eraseSubject,
  FEED_START,
  latestDecision,
  latestDecisions,
  receiptsOf,
  receiptsPage,
  createReceiptWriter,
  type FeedPosition,
  type Position,
  type StoredReceipt,
} from './store'
import { verifyRecipientToken } from './tokens'

/** Options of {@link createConsentServer}. */
export interface ConsentServerOptions {
  /** The database, from {@link openDatabase}. */
  db: Database
  /** Secrets of the recipient tokens: the current one first, then those being rotated out. */
  secrets: string[]
  /** Origins whose pages may send receipts (CORS), such as `https://www.example.com`. */
  origins: string[]
  /** The CRM backend's key for the subject routes, sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string
  /** Where the routes live. Default `/consent`. */
  prefix?: string
  /**
   * Set the consent cookie the receipt's request carried again, as an HTTP cookie, with each
   * answer (Safari caps cookies written by scripts at 7 days). Pair it with the browser side's
   * `receipts.setCookie`.
   */
  consentCookie?: {
    /** The consent cookie's name, as in the browser's config (`cookie.name`). */
    name: string
    /** Its lifetime in days, as `cookie.days`. */
    days?: number
    /** Its domain, as `cookie.domain`. */
    domain?: string
  }
  /**
   * Called once a request has been answered, with what an operator's log may hold: the route's
   * pattern (`/consent/subjects/:subject`, never the subject), the status and the duration; never
   * a header, a token, a key or a receipt's values. `consentry-server serve` writes each as a
   * line of JSON.
   */
  onRequest?: (entry: RequestLogEntry) => void
  /**
   * The key of `GET <prefix>/metrics` (Prometheus' text format), sent as
   * `Authorization: Bearer <metricsKey>`: a key of its own, for the scraper alone. Without it,
   * there is no metrics route.
   */
  metricsKey?: string
  /** Abuse limits on `POST <prefix>/receipts`, answered with 429 and `Retry-After`. None by default. */
  limits?: ReceiptLimits
  /** The clock, for tests. */
  now?: () => Date
}

/** The abuse limits of {@link ConsentServerOptions.limits}. */
export interface ReceiptLimits {
  /**
   * Receipts one client address may send a minute, counted by each server process on its own
   * (behind a load balancer of n processes, a client may send up to n times as many). Only where the
   * address is known: under {@link serve}, or Node's `http` through `@hono/node-server`.
   */
  perAddressPerMinute?: number
  /** Receipts stored per consent id (one browser) in an hour, counted in the database: across every process. */
  perConsentIdPerHour?: number
  /**
   * Addresses of the reverse proxies in front of the server (exact, such as `10.0.0.5` or `::1`):
   * a request from one of them is counted by the last address in `X-Forwarded-For` that is not a
   * trusted proxy. Without it, `X-Forwarded-For` is ignored: any client could write it.
   */
  trustedProxies?: string[]
}

/** One answered request, as {@link ConsentServerOptions.onRequest} gets it. */
export interface RequestLogEntry {
  /** When the request arrived, ISO 8601. */
  time: string
  /** The request's method: `GET`, `POST`, `DELETE`, … */
  method: string
  /** The pattern of the route that answered (`/consent/subjects/:subject`), or `unmatched`. */
  route: string
  /** The status of the answer. */
  status: number
  /** Milliseconds from arrival to the answer. */
  ms: number
}

/** A consent server: a Fetch API handler to mount in any framework, or to serve with {@link serve}. */
export interface ConsentServer {
  /**
   * Answer one request: the receipts, consent and history routes, CORS and errors included.
   * `env` is the runtime's bindings, as `@hono/node-server` passes them (the client's address
   * for {@link ReceiptLimits.perAddressPerMinute}).
   */
  fetch(request: Request, env?: unknown): Promise<Response>
}

const MAX_BODY = 8 * 1024

/**
 * Hono's bodyLimit, with the same rules, but a body whose Content-Length states its size is judged
 * by that header without touching `c.req.raw.body`: reading it makes @hono/node-server build a
 * whole Request and stream the body through web streams, where `c.req.text()` reads it straight
 * from Node (a profile put building that Request and streaming its body at some 0.6 of the 1.3 ms
 * the server then spent on a receipt).
 */
const limitBody = (maxSize: number, onError: (c: Context) => Response): MiddlewareHandler => {
  const streamed = bodyLimit({ maxSize, onError })
  return (c, next) => {
    const length = c.req.header('content-length')
    if (length == null || c.req.header('transfer-encoding') != null) return streamed(c, next)
    if (Number.parseInt(length, 10) > maxSize) return Promise.resolve(onError(c))
    return next()
  }
}

/** At most this many subjects a bulk lookup; a subject is at most 1024 characters, as in a receipt's token. */
const MAX_LOOKUP = 10_000
const MAX_LOOKUP_BODY = 12 * 1024 * 1024
const lookupSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['subjects'],
  properties: {
    subjects: {
      type: 'array',
      maxItems: MAX_LOOKUP,
      items: { type: 'string', minLength: 1, maxLength: 1024, pattern: TEXT },
    },
  },
}

/** A page of a subject's receipts holds at most this many; an export reads them in batches of it. */
const MAX_PAGE = 1000
// The receipt ids a cursor can hold: those a receipt was stored with.
const RECEIPT_ID = new RegExp(UUID)
// A timestamptz as PostgreSQL writes it: 2026-06-01 11:59:00.123456+00
const POSTGRES_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/

/** An opaque cursor: where a page ended. */
const cursorOf = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url')
/** The position a cursor holds, or undefined for anything this server did not write. */
const positionOf = (cursor: string): Position | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (!Array.isArray(value) || value.length != 2) return undefined
    const [time, id] = value
    if (typeof time != 'string' || !POSTGRES_TIME.test(time) || typeof id != 'string' || !RECEIPT_ID.test(id))
      return undefined
    return [time, id]
  } catch {
    return undefined
  }
}

/** A change feed's cursor: where a page of it ended. */
const feedCursorOf = (position: FeedPosition) => Buffer.from(position.join('.')).toString('base64url')
const BIGINT = /^\d{1,19}$/
/** The feed position a cursor holds, or undefined for anything this server did not write. */
const feedPositionOf = (cursor: string): FeedPosition | undefined => {
  const [tx, seq, ...rest] = Buffer.from(cursor, 'base64url').toString().split('.')
  if (rest.length || !tx || !seq || !BIGINT.test(tx) || !BIGINT.test(seq)) return undefined
  // Past a bigint's range, PostgreSQL would refuse the cursor.
  if (BigInt(tx) > 2n ** 63n - 1n || BigInt(seq) > 2n ** 63n - 1n) return undefined
  return [tx, seq]
}

// An IPv4 client on a dual-stack socket reads ::ffff:203.0.113.7.
const plainAddress = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')

/**
 * Count requests per key in fixed windows: at most `limit` a window. Returns 0 while a key is
 * within its limit, else the seconds until its window ends. Memory: one entry per key seen in the
 * current window; the entries of ended windows are dropped as a new window begins.
 */
const windowCounter = (limit: number, windowMs: number) => {
  let windowEnds = 0
  let counts = new Map<string, number>()
  return (key: string, now: number) => {
    if (now >= windowEnds) {
      windowEnds = now - (now % windowMs) + windowMs
      counts = new Map()
    }
    const count = (counts.get(key) ?? 0) + 1
    counts.set(key, count)
    return count > limit ? Math.ceil((windowEnds - now) / 1000) : 0
  }
}

/** The JSON path of an ajv error, as Consentry's config errors name them; `whole` names the body itself. */
const pathOf = (error: ErrorObject, whole: string) => {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (error.keyword == 'required') parts.push(String(error.params.missingProperty))
  if (error.keyword == 'additionalProperties') parts.push(String(error.params.additionalProperty))
  return parts.join('.') || whole
}

// Compared as digests of one length: the time taken says nothing of the key's length or content.
const digest = (text: string) => createHash('sha256').update(text).digest()
const sameKey = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected))
// RFC 9110: the scheme is case-insensitive.
const BEARER = /^bearer +(.+)$/i

// A cell that a spreadsheet would read as a formula is quoted as text: one that starts with a tab
// or a carriage return, or with = + - @ (or their full-width forms, which some spreadsheets read
// as the same) after any leading white space.
const FORMULA = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/
const csvCell = (value: unknown) => {
  const text = typeof value == 'string' ? value : JSON.stringify(value)
  const safe = FORMULA.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}
const CSV_COLUMNS: (keyof StoredReceipt)[] = [
  'receiptId',
  'consentId',
  'subject',
  'decidedAt',
  'receivedAt',
  'revision',
  'source',
  'gpc',
  'locale',
  'url',
  'categories',
  'services',
]

/**
 * The consent server: `POST <prefix>/receipts` for browsers (CORS limited to `origins`),
 * `GET <prefix>/subjects/:subject` and `…/receipts?format=json|csv` for the CRM backend.
 *
 * @throws when a secret or the API key is missing or empty: there is no built-in fallback.
 */
export const createConsentServer = ({
  db,
  secrets,
  origins,
  apiKey,
  prefix = '/consent',
  consentCookie,
  onRequest,
  limits = {},
  metricsKey,
  now = () => new Date(),
}: ConsentServerOptions): ConsentServer => {
  if (!secrets.length || secrets.some((secret) => !secret))
    throw new Error('consentry: createConsentServer needs secrets, none of them empty')
  if (!apiKey) throw new Error('consentry: createConsentServer needs an apiKey')
  if (!origins.length) throw new Error('consentry: createConsentServer needs the origins whose pages send receipts')
  // ajv-formats' full date-time checks the calendar too: 2026-02-31 is refused, not read as March 3.
  const ajv = addFormats(new Ajv({ allErrors: false }), { mode: 'full', formats: ['date-time'] })
  const validate = ajv.compile<ReceivedReceipt>(receiptSchema)
  const validateLookup = ajv.compile<{ subjects: string[] }>(lookupSchema)
  const isDateTime = ajv.compile<string>({ type: 'string', format: 'date-time' })
  for (const name of ['perAddressPerMinute', 'perConsentIdPerHour'] as const) {
    const limit = limits[name]
    if (limit != null && !(Number.isInteger(limit) && limit > 0))
      throw new Error(`consentry: limits.${name}: expected a whole number above 0 (got ${limit})`)
  }
  const app = new Hono().basePath(prefix)
  const fail = (c: Context, status: 400 | 401 | 403 | 404 | 413 | 429, error: string) => c.json({ error }, status)
  const tooMany = (c: Context, seconds: number, error: string) => {
    c.header('retry-after', String(seconds))
    return fail(c, 429, error)
  }
  const trusted = new Set((limits.trustedProxies ?? []).map(plainAddress))
  /** The client's address: the peer's, or behind a trusted proxy the last untrusted one it forwarded. */
  const clientOf = (c: Context) => {
    let peer: string | undefined
    try {
      peer = getConnInfo(c).remote.address
    } catch {
      // Not served by Node's http: no address known.
    }
    if (peer == null) return undefined
    let address = plainAddress(peer)
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map(plainAddress).filter(Boolean)
    while (trusted.has(address) && forwarded.length) address = forwarded.pop()!
    return address
  }
  const perAddress = limits.perAddressPerMinute ? windowCounter(limits.perAddressPerMinute, 60_000) : undefined
  /** The request's JSON body if `check` takes it, else the 400 to answer, naming the JSON path at fault (`whole`: the body itself). */
  const bodyOf = async <T>(c: Context, check: ValidateFunction<T>, whole: string): Promise<T | Response> => {
    let body: unknown
    try {
      body = JSON.parse(await c.req.text())
    } catch {
      return fail(c, 400, `${whole}: expected JSON`)
    }
    if (check(body)) return body
    const [error] = check.errors ?? []
    return fail(c, 400, `consentry: ${error ? pathOf(error, whole) : whole}: ${error?.message ?? 'invalid'}`)
  }

  const metrics = metricsKey ? createMetrics() : undefined
  // Receipts that arrive together are stored in one transaction.
  const writeReceipt = createReceiptWriter(db, limits.perConsentIdPerHour)
  if (onRequest || metrics) {
    app.use(async (c, next) => {
      const began = performance.now()
      const time = now().toISOString()
      // This middleware's own pattern; after next(), the pattern of what answered (a route, or the
      // key check of the CRM routes), unless nothing did.
      const own = c.req.routePath
      await next()
      // The pattern, not the path: a path names the subject, which is personal data.
      const route = c.req.routePath == own ? 'unmatched' : c.req.routePath
      const entry = {
        time,
        method: c.req.method,
        route,
        status: c.res.status,
        ms: Math.round((performance.now() - began) * 10) / 10,
      }
      metrics?.request(entry.method, route, entry.status, (performance.now() - began) / 1000)
      try {
        onRequest?.(entry)
      } catch {
        // A failing logger never fails the answer.
      }
    })
  }

  const renewCookie = (c: Context) => {
    if (!consentCookie) return
    const { name, days = 182, domain } = consentCookie
    const pair = (c.req.header('cookie') ?? '').split('; ').find((each) => each.startsWith(`${name}=`))
    // Only a value of the consent cookie's own characters is set again, never attributes smuggled in.
    if (!pair || !/^[\w|.-]{1,4000}$/.test(pair.slice(name.length + 1))) return
    const secure = new URL(c.req.url).protocol == 'https:' || c.req.header('x-forwarded-proto') == 'https'
    const attributes = [
      `Path=/`,
      `Max-Age=${Math.round(days * 86400)}`,
      'SameSite=Lax',
      domain && `Domain=${domain}`,
      secure && 'Secure',
    ]
    c.header('set-cookie', [pair, ...attributes.filter(Boolean)].join('; '))
  }

  const preflight = cors({
    origin: origins,
    allowMethods: ['POST'],
    allowHeaders: ['content-type'],
    credentials: !!consentCookie,
    // A page's sender waits as long as a 429 says.
    exposeHeaders: ['retry-after'],
    maxAge: 86400,
  })
  // The POST itself gets the headers Hono's cors would give it, set before the handler answers:
  // cors sets them on a response of its own and Hono then copies them into the handler's, which
  // on Node makes full web Responses of both.
  app.use('/receipts', (c, next) => {
    if (c.req.method == 'OPTIONS') return preflight(c, next)
    const origin = c.req.header('origin')
    if (origin != null && origins.includes(origin)) c.header('access-control-allow-origin', origin)
    if (consentCookie) c.header('access-control-allow-credentials', 'true')
    c.header('access-control-expose-headers', 'retry-after')
    c.header('vary', 'Origin')
    return next()
  })
  app.post(
    '/receipts',
    limitBody(MAX_BODY, (c) => fail(c, 413, `a receipt is at most ${MAX_BODY} bytes`)),
    async (c) => {
      const origin = c.req.header('origin')
      if (origin != null && !origins.includes(origin)) return fail(c, 403, 'origin not allowed')
      const address = perAddress && clientOf(c)
      if (perAddress && address != null) {
        const wait = perAddress(address, now().getTime())
        if (wait) {
          metrics?.limited('address')
          return tooMany(c, wait, `too many receipts from this address: at most ${limits.perAddressPerMinute} a minute`)
        }
      }
      const valid = await bodyOf(c, validate, 'receipt')
      if (valid instanceof Response) return valid
      let subject: string | null = null
      if (valid.subject != null) {
        const token = verifyRecipientToken(valid.subject, secrets, now())
        if (!token) return fail(c, 403, 'subject: invalid, foreign or expired recipient token')
        subject = token.subject
      }
      const outcome = await writeReceipt({ receipt: valid, subject, now: now() })
      if (typeof outcome == 'number') {
        metrics?.limited('consent_id')
        return tooMany(c, outcome, `consentId: at most ${limits.perConsentIdPerHour} receipts an hour`)
      }
      metrics?.receipt(outcome)
      const stored = outcome == 'stored'
      renewCookie(c)
      return c.json({ stored, duplicate: !stored }, stored ? 201 : 200)
    },
  )

  // For load balancers and orchestrators: alive (the process answers), and ready (its database
  // answers, with every migration applied). Neither needs a key; neither tells more than that.
  app.get('/health', (c) => c.json({ status: 'ok' }))
  app.get('/ready', async (c) => {
    let applied: number | undefined
    try {
      const [row] = await db.query<{ version: number }>('SELECT max(version) AS version FROM consentry_migrations')
      applied = row?.version
    } catch {
      return c.json({ status: 'unavailable', error: 'database: no answer, or never migrated' }, 503)
    }
    if (applied !== LATEST_MIGRATION)
      return c.json({ status: 'unavailable', error: `database: migration ${LATEST_MIGRATION} not applied` }, 503)
    return c.json({ status: 'ready', migration: applied })
  })

  // The CRM backend's routes.
  const requireKey = async (c: Context, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? ''
    const credentials = BEARER.exec(header)?.[1]
    if (!credentials || !sameKey(credentials, apiKey)) return fail(c, 401, 'expected Authorization: Bearer <apiKey>')
    return next()
  }
  app.use('/subjects/*', requireKey)
  // A subject with a NUL character was never stored (PostgreSQL's text cannot hold one).
  const subjectOf = (c: Context) => c.req.param('subject')?.replace(/\0/g, '') ?? ''
  // Many subjects at once (a CRM about to send a campaign): the newest decision of each, in the
  // order asked, null where none is stored; one query, whatever the count.
  app.post(
    '/subjects/lookup',
    limitBody(MAX_LOOKUP_BODY, (c) => fail(c, 413, `subjects: a lookup is at most ${MAX_LOOKUP_BODY} bytes`)),
    async (c) => {
      const body = await bodyOf(c, validateLookup, 'lookup')
      if (body instanceof Response) return body
      const { subjects } = body
      const found = await latestDecisions(db, [...new Set(subjects)])
      return c.json({ decisions: subjects.map((subject) => found.get(subject) ?? null) })
    },
  )
  app.get('/subjects/:subject', async (c) => {
    const decision = await latestDecision(db, subjectOf(c))
    return decision ? c.json(decision) : fail(c, 404, 'no decision recorded for this subject')
  })
  // The right to erasure: answers what it did, the same way however often it is asked.
  app.delete('/subjects/:subject', async (c) => {
    const subject = subjectOf(c)
    if (!subject) return fail(c, 400, 'subject: expected a subject id')
    return c.json({ subject, erased: true, ...(await eraseSubject(db, subject, now())) })
  })
  const csvLine = (receipt: StoredReceipt) => CSV_COLUMNS.map((column) => csvCell(receipt[column])).join(',')
  // Without `limit` or `after`, every receipt; with them, one page, and a Link to the next
  // (RFC 8288) while a page comes back full.
  app.get('/subjects/:subject/receipts', async (c) => {
    const limitText = c.req.query('limit')
    const cursor = c.req.query('after')
    let receipts: StoredReceipt[]
    if (limitText == null && cursor == null) receipts = await receiptsOf(db, subjectOf(c))
    else {
      const limit = Number(limitText ?? MAX_PAGE)
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
        return fail(c, 400, `limit: expected a whole number from 1 to ${MAX_PAGE}`)
      const after = cursor == null ? undefined : positionOf(cursor)
      if (cursor != null && !after) return fail(c, 400, 'after: not a cursor of this server')
      const page = await receiptsPage(db, { subject: subjectOf(c) }, after, limit)
      receipts = page.receipts
      if (page.last && receipts.length == limit) {
        const next = new URL(c.req.url)
        next.searchParams.set('limit', String(limit))
        next.searchParams.set('after', cursorOf(page.last))
        c.header('link', `<${next.pathname}${next.search}>; rel="next"`)
      }
    }
    if (c.req.query('format') != 'csv') return c.json(receipts)
    const lines = [CSV_COLUMNS.join(','), ...receipts.map(csvLine)]
    return c.body(`${lines.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8' })
  })

  // Every receipt decided within [from, to), streamed in batches: memory stays flat however many.
  app.use('/receipts/export', requireKey)
  app.get('/receipts/export', (c) => {
    const from = c.req.query('from')
    const to = c.req.query('to')
    const format = c.req.query('format') ?? 'csv'
    if (!isDateTime(from)) return fail(c, 400, 'from: expected an RFC 3339 date-time (2026-06-01T00:00:00Z)')
    if (!isDateTime(to)) return fail(c, 400, 'to: expected an RFC 3339 date-time (2026-07-01T00:00:00Z)')
    if (Date.parse(to) <= Date.parse(from)) return fail(c, 400, 'to: expected a time after from')
    if (format != 'csv' && format != 'jsonl') return fail(c, 400, 'format: expected csv or jsonl')
    let after: Position | undefined
    let done = false
    const encoder = new TextEncoder()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (format == 'csv') controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`))
      },
      // One batch each time the reader wants more: the response's consumer sets the pace.
      async pull(controller) {
        if (done) return
        const page = await receiptsPage(db, { from, to }, after, MAX_PAGE)
        after = page.last
        const lines = page.receipts.map((receipt) =>
          format == 'csv' ? `${csvLine(receipt)}\r\n` : `${JSON.stringify(receipt)}\n`,
        )
        if (lines.length) controller.enqueue(encoder.encode(lines.join('')))
        if (page.receipts.length < MAX_PAGE) {
          done = true
          controller.close()
        }
      },
    })
    const type = format == 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8'
    return c.body(body, 200, { 'content-type': type })
  })

  // Every decision stored, in a stable order: a CRM follows it with the cursor of its last page,
  // and resumes from it after a crash without a gap or a repeat.
  app.use('/decisions', requireKey)
  app.get('/decisions', async (c) => {
    const limit = Number(c.req.query('limit') ?? MAX_PAGE)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      return fail(c, 400, `limit: expected a whole number from 1 to ${MAX_PAGE}`)
    const cursor = c.req.query('after')
    const after = cursor == null ? FEED_START : feedPositionOf(cursor)
    if (!after) return fail(c, 400, 'after: not a cursor of this server')
    const page = await decisionsAfter(db, after, limit)
    return c.json({ decisions: page.decisions, next: feedCursorOf(page.next) })
  })

  if (metrics && metricsKey) {
    app.get('/metrics', async (c) => {
      const credentials = BEARER.exec(c.req.header('authorization') ?? '')?.[1]
      if (!credentials || !sameKey(credentials, metricsKey))
        return fail(c, 401, 'expected Authorization: Bearer <metricsKey>')
      return c.body(await metrics.text(), 200, { 'content-type': metrics.type })
    })
  }

  app.notFound((c) => c.json({ error: 'not found' }, 404))
  app.onError((error, c) => {
    // The message alone: a database error's details would carry the request's values into the log.
    console.error('consentry server:', error instanceof Error ? error.message : 'error')
    return c.json({ error: 'server error' }, 500)
  })
  return { fetch: async (request, env) => app.fetch(request, env) }
}
