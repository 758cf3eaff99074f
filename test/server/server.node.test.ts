// consentry/server against PGlite in `npm test`, and against a real PostgreSQL server when
// DATABASE_URL is set (.ci/run starts one). One database per file: PGlite takes seconds to start.
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createConsentServer,
  migrate,
  openDatabase,
  pruneReceipts,
  serve,
  signRecipientToken,
  verifyRecipientToken,
  type ConsentServer,
  type Database,
} from '../../src/server'

const ORIGIN = 'https://www.example.com'
const SECRET = 'current-secret'
const API_KEY = 'crm-key'
let db: Database
let clock = new Date('2026-06-01T12:00:00Z')
let app: ConsentServer

beforeAll(async () => {
  db = await openDatabase(process.env.DATABASE_URL ?? 'memory://')
  app = createConsentServer({
    db,
    secrets: [SECRET, 'old-secret'],
    origins: [ORIGIN],
    apiKey: API_KEY,
    now: () => clock,
  })
}, 60_000)
afterAll(() => db.close())
beforeEach(async () => {
  await db.query('TRUNCATE consentry_latest, consentry_receipts, consentry_erasures')
  clock = new Date('2026-06-01T12:00:00Z')
})

const server = () => app
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const receipt = (changes: Record<string, unknown> = {}) => ({
  receiptId: uuid(1),
  consentId: uuid(1000),
  revision: 1,
  categories: { essential: true, analytics: false, 'click-tracking': true },
  services: {},
  source: 'email-link',
  gpc: false,
  locale: 'en',
  url: 'https://www.example.com/',
  timestamp: '2026-06-01T11:59:00.000Z',
  ...changes,
})
/** POST a receipt (or a raw body) to `target` as a page of ORIGIN does; `env` as Node's server passes it. */
const send = (target: ConsentServer, body: unknown, env?: unknown, headers: Record<string, string> = {}) =>
  target.fetch(
    new Request('http://crm.test/consent/receipts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: typeof body == 'string' ? body : JSON.stringify(body),
    }),
    env,
  )
const post = (body: unknown, headers: Record<string, string> = {}) => send(server(), body, undefined, headers)
const get = (path: string, key: string | null = API_KEY) =>
  server().fetch(
    new Request(`http://crm.test${path}`, { headers: key == null ? {} : { authorization: `Bearer ${key}` } }),
  )
const token = (subject = 'contact-42', days = 30, secret = SECRET) =>
  signRecipientToken({ subject, expiresAt: new Date(clock.getTime() + days * 864e5) }, secret)
const count = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM consentry_receipts'))[0]!.n)

describe('recipient tokens', () => {
  it('carry a subject and an expiry that only the secrets can read', () => {
    const sealed = token('contact-42')
    expect(verifyRecipientToken(sealed, SECRET, clock)).toEqual({
      subject: 'contact-42',
      expiresAt: new Date(Math.floor((clock.getTime() + 30 * 864e5) / 1000) * 1000),
    })
    expect(sealed).not.toContain('contact')
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('contact-42')
  })

  it('are refused when expired, tampered with, foreign or not tokens at all', () => {
    const sealed = token('contact-42', 1)
    expect(verifyRecipientToken(sealed, SECRET, new Date(clock.getTime() + 2 * 864e5))).toBeNull()
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) == 'A' ? 'B' : 'A') + sealed.at(-1)
    expect(verifyRecipientToken(flipped, SECRET, clock)).toBeNull()
    expect(verifyRecipientToken(token('contact-42', 30, 'someone-else'), SECRET, clock)).toBeNull()
    for (const junk of ['', 'c1.', 'c1.AAAA', 'x'.repeat(5000), 42, null, {}, `c2.${sealed.slice(3)}`])
      expect(verifyRecipientToken(junk, SECRET, clock)).toBeNull()
  })

  it('keep working across a key rotation: every listed secret is tried', () => {
    expect(verifyRecipientToken(token('contact-7', 30, 'old-secret'), [SECRET, 'old-secret'], clock)?.subject).toBe(
      'contact-7',
    )
  })

  it('refuse an empty secret, and the server refuses to start without secrets or API key', () => {
    expect(() => signRecipientToken({ subject: 'a', expiresAt: new Date() }, '')).toThrow(/secret/)
    expect(() => createConsentServer({ db, secrets: [], origins: [ORIGIN], apiKey: API_KEY })).toThrow(/secrets/)
    expect(() => createConsentServer({ db, secrets: [''], origins: [ORIGIN], apiKey: API_KEY })).toThrow(/secrets/)
    expect(() => createConsentServer({ db, secrets: [SECRET], origins: [ORIGIN], apiKey: '' })).toThrow(/apiKey/)
    expect(() => createConsentServer({ db, secrets: [SECRET], origins: [], apiKey: API_KEY })).toThrow(/origins/)
  })
})

describe('openDatabase', () => {
  it('refuses what is neither a postgres URL, memory:// nor a folder, without echoing it', async () => {
    await expect(openDatabase('')).rejects.toThrow(/memory:\/\/ or a folder/)
    const attempt = openDatabase('postgresql+psycopg://postgres:hunter2@db/consent')
    await expect(attempt).rejects.toThrow(/takes postgres/)
    await expect(attempt).rejects.not.toThrow(/hunter2/)
  })

  it('creates the folder of an embedded database', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const parent = mkdtempSync(join(tmpdir(), 'consentry-db-'))
    try {
      const folder = join(parent, 'data', 'consent')
      const embedded = await openDatabase(folder)
      expect(existsSync(folder)).toBe(true)
      await Promise.all([migrate(embedded), migrate(embedded)])
      await embedded.close()
    } finally {
      rmSync(parent, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('migrations', () => {
  it('are applied once: a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([])
    const [row] = await db.query<{ version: number }>('SELECT max(version) AS version FROM consentry_migrations')
    expect(row!.version).toBe(4)
  })
})

describe('POST /consent/receipts', () => {
  it('stores a receipt under the subject its token names, and answers the CRM', async () => {
    const response = await post(receipt({ subject: token('contact-42') }))
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ stored: true, duplicate: false })
    const answer = await get('/consent/subjects/contact-42')
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({
      subject: 'contact-42',
      categories: { essential: true, analytics: false, 'click-tracking': true },
      services: {},
      revision: 1,
      receiptId: uuid(1),
      updatedAt: '2026-06-01T11:59:00.000Z',
    })
  })

  it('acknowledges a retry without storing it twice', async () => {
    expect((await post(receipt())).status).toBe(201)
    const again = await post(receipt())
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ stored: false, duplicate: true })
    expect(await count()).toBe(1)
  })

  it('keeps the newer decision when an older receipt arrives late', async () => {
    const subject = token()
    await post(
      receipt({
        receiptId: uuid(2),
        subject,
        timestamp: '2026-06-01T11:00:00Z',
        categories: { 'click-tracking': false },
      }),
    )
    await post(
      receipt({
        receiptId: uuid(1),
        subject,
        timestamp: '2026-06-01T10:00:00Z',
        categories: { 'click-tracking': true },
      }),
    )
    expect((await (await get('/consent/subjects/contact-42')).json()).categories).toEqual({ 'click-tracking': false })
  })

  it('counts a receipt dated in the future as received now, so that it cannot pin the answer', async () => {
    const subject = token()
    await post(
      receipt({
        receiptId: uuid(1),
        subject,
        timestamp: '2099-01-01T00:00:00Z',
        categories: { 'click-tracking': true },
      }),
    )
    clock = new Date('2026-06-01T12:05:00Z')
    // The recipient's own browser.
    await post(
      receipt({
        receiptId: uuid(2),
        consentId: uuid(1001),
        subject,
        timestamp: '2026-06-01T12:04:00Z',
        categories: { 'click-tracking': false },
      }),
    )
    const latest = await (await get('/consent/subjects/contact-42')).json()
    expect(latest).toMatchObject({ categories: { 'click-tracking': false }, receiptId: uuid(2) })
  })

  it('orders the receipts of one browser by its own clock, even when that clock runs fast', async () => {
    const subject = token()
    // The browser's clock is an hour ahead: both times are in the future, and clamped on arrival.
    clock = new Date('2026-06-01T12:01:00Z')
    await post(
      receipt({
        receiptId: uuid(2),
        subject,
        timestamp: '2026-06-01T13:01:00Z',
        categories: { 'click-tracking': true },
      }),
    )
    // The older receipt was refused once and arrives later, as a retry.
    clock = new Date('2026-06-01T12:05:00Z')
    await post(
      receipt({
        receiptId: uuid(1),
        subject,
        timestamp: '2026-06-01T13:00:00Z',
        categories: { 'click-tracking': false },
      }),
    )
    expect((await (await get('/consent/subjects/contact-42')).json()).categories).toEqual({ 'click-tracking': true })
  })

  it('can be erased for a subject with the SQL the docs give', async () => {
    await post(receipt({ subject: token() }))
    const erase = (await import('node:fs'))
      .readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8')
      .match(/```sql\n([\s\S]*?)```/)![1]!
    for (const statement of erase
      .split(';')
      .map((each) => each.trim())
      .filter(Boolean))
      await db.query(statement, ['contact-42'])
    expect(await count()).toBe(0)
    expect((await get('/consent/subjects/contact-42')).status).toBe(404)
  })

  it('sets no cookie again whose value carries attributes', async () => {
    const withCookie = createConsentServer({
      db,
      secrets: [SECRET],
      origins: [ORIGIN],
      apiKey: API_KEY,
      consentCookie: { name: 'consentry' },
      now: () => clock,
    })
    const response = await withCookie.fetch(
      new Request('https://crm.test/consent/receipts', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: ORIGIN,
          cookie: 'consentry=abc;Domain=example.org;Path=/evil',
        },
        body: JSON.stringify(receipt()),
      }),
    )
    expect(response.status).toBe(201)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('stores a receipt without a token under its consent id alone', async () => {
    expect((await post(receipt())).status).toBe(201)
    const [row] = await db.query<{ subject: string | null }>('SELECT subject FROM consentry_receipts')
    expect(row!.subject).toBeNull()
    const [latest] = await db.query<{ id: string }>(`SELECT id FROM consentry_latest WHERE kind = 'consent'`)
    expect(latest!.id).toBe(uuid(1000))
  })

  it('answers a CORS preflight from an allowed origin, and refuses other origins', async () => {
    const preflight = await server().fetch(
      new Request('http://crm.test/consent/receipts', {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
    )
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const foreign = await server().fetch(
      new Request('http://crm.test/consent/receipts', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
    )
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('gives a POST from an allowed origin its CORS headers whatever it answers, and a foreign one none', async () => {
    for (const [body, status] of [
      [receipt(), 201],
      [receipt(), 200],
      ['{', 400],
      [receipt({ url: 'x'.repeat(9000) }), 413],
    ] as const) {
      const response = await post(body)
      expect(response.status).toBe(status)
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN)
      expect(response.headers.get('access-control-expose-headers')).toBe('retry-after')
      expect(response.headers.get('vary')).toBe('Origin')
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    }
    const foreign = await post(receipt({ receiptId: uuid(2) }), { origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('sets the consent cookie again as an HTTP cookie when asked to', async () => {
    const withCookie = createConsentServer({
      db,
      secrets: [SECRET],
      origins: [ORIGIN],
      apiKey: API_KEY,
      consentCookie: { name: 'consentry', days: 182 },
      now: () => clock,
    })
    const response = await withCookie.fetch(
      new Request('https://crm.test/consent/receipts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: 'other=1; consentry=2|1|abc' },
        body: JSON.stringify(receipt()),
      }),
    )
    expect(response.headers.get('set-cookie')).toBe('consentry=2|1|abc; Path=/; Max-Age=15724800; SameSite=Lax; Secure')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })
})

describe('the CRM routes', () => {
  it('list a subject’s receipts oldest first, as JSON and as CSV', async () => {
    const subject = token()
    await post(receipt({ receiptId: uuid(2), subject, timestamp: '2026-06-01T11:00:00Z', url: '=HYPERLINK("x")' }))
    await post(receipt({ receiptId: uuid(1), subject, timestamp: '2026-06-01T10:00:00Z' }))
    const json = await (await get('/consent/subjects/contact-42/receipts')).json()
    expect(json.map((each: { receiptId: string }) => each.receiptId)).toEqual([uuid(1), uuid(2)])
    const csv = await get('/consent/subjects/contact-42/receipts?format=csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines[0]).toBe(
      'receiptId,consentId,subject,decidedAt,receivedAt,revision,source,gpc,locale,url,categories,services',
    )
    expect(lines).toHaveLength(3)
    // A cell a spreadsheet would run as a formula is kept as text.
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`)
  })

  it.each([
    ' =HYPERLINK("x")',
    '   +1+1',
    '\t=1+1',
    ' \t-1',
    ' @SUM(A1)',
    '＝HYPERLINK("x")',
    '＋1',
    '－1',
    '＠SUM(A1)',
    ' ＝1',
  ])('keep a CSV cell that a spreadsheet would read as a formula as text: %j', async (url) => {
    await post(receipt({ subject: token(), url }))
    const csv = await (await get('/consent/subjects/contact-42/receipts?format=csv')).text()
    const cells = csv.trim().split('\r\n')[1]!.split('","')
    expect(cells[9]).toBe(`'${url.replace(/"/g, '""')}`)
  })

  it('leave a cell that only looks like a formula further in as it is', async () => {
    await post(receipt({ subject: token(), url: 'https://example.com/?a=1+1' }))
    const csv = await (await get('/consent/subjects/contact-42/receipts?format=csv')).text()
    expect(csv.trim().split('\r\n')[1]).toContain('"https://example.com/?a=1+1"')
  })

  it('answer 404 for a subject with no decision, and 401 without the key', async () => {
    expect((await get('/consent/subjects/nobody')).status).toBe(404)
    expect((await get('/consent/subjects/nobody', null)).status).toBe(401)
    expect((await get('/consent/subjects/nobody', 'wrong')).status).toBe(401)
  })

  it('takes the Bearer scheme in any case, and refuses a key that only starts like the right one', async () => {
    const asked = (authorization: string) =>
      server().fetch(new Request('http://crm.test/consent/subjects/nobody', { headers: { authorization } }))
    expect((await asked(`bearer ${API_KEY}`)).status).toBe(404)
    expect((await asked(`BEARER ${API_KEY}`)).status).toBe(404)
    expect((await asked(`Bearer ${API_KEY}x`)).status).toBe(401)
    expect((await asked(`Bearer ${API_KEY.slice(0, -1)}`)).status).toBe(401)
    expect((await asked(`Basic ${API_KEY}`)).status).toBe(401)
  })
})

describe('POST /consent/subjects/lookup', () => {
  const lookup = (body: unknown, key: string | null = API_KEY) =>
    server().fetch(
      new Request('http://crm.test/consent/subjects/lookup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key == null ? {} : { authorization: `Bearer ${key}` }) },
        body: typeof body == 'string' ? body : JSON.stringify(body),
      }),
    )

  it('answers the newest decision of each subject asked, in order, null where there is none', async () => {
    await post(receipt({ receiptId: uuid(1), subject: token('contact-1') }))
    await post(
      receipt({
        receiptId: uuid(2),
        consentId: uuid(2000),
        subject: token('contact-2'),
        categories: { essential: true, analytics: true, 'click-tracking': false },
      }),
    )
    const answer = await lookup({ subjects: ['contact-2', 'nobody', 'contact-1', 'contact-2'] })
    expect(answer.status).toBe(200)
    const { decisions } = await answer.json()
    const one = await (await get('/consent/subjects/contact-1')).json()
    const two = await (await get('/consent/subjects/contact-2')).json()
    expect(decisions).toEqual([two, null, one, two])
    expect(two.categories['click-tracking']).toBe(false)
  })

  it('takes 10,000 subjects in one request', async () => {
    await post(receipt({ receiptId: uuid(1), subject: token('contact-9999') }))
    const subjects = Array.from({ length: 10_000 }, (_, i) => `contact-${i}`)
    const { decisions } = await (await lookup({ subjects })).json()
    expect(decisions).toHaveLength(10_000)
    expect(decisions.filter(Boolean).map((decision: { subject: string }) => decision.subject)).toEqual(['contact-9999'])
  })

  it.each([
    ['not JSON', '{ subjects', 400, 'lookup: expected JSON'],
    ['no subjects', {}, 400, 'consentry: subjects: must have required property'],
    ['subjects not a list', { subjects: 'contact-1' }, 400, 'consentry: subjects: must be array'],
    [
      'more than 10,000',
      { subjects: Array.from({ length: 10_001 }, (_, i) => `c${i}`) },
      400,
      'consentry: subjects: must NOT have more than 10000 items',
    ],
    ['a number', { subjects: ['contact-1', 7] }, 400, 'consentry: subjects.1: must be string'],
    ['an empty subject', { subjects: [''] }, 400, 'consentry: subjects.0: must NOT have fewer than 1 characters'],
    ['a NUL character', { subjects: ['a\u0000b'] }, 400, 'consentry: subjects.0: must match pattern'],
    ['an unknown field', { subjects: [], limit: 3 }, 400, 'consentry: limit: must NOT have additional properties'],
  ])('refuses %s with a 4xx naming the field, and stores nothing', async (_, body, status, error) => {
    const answer = await lookup(body)
    expect(answer.status).toBe(status)
    expect((await answer.json()).error).toContain(error)
    expect(await count()).toBe(0)
  })

  it('refuses a body over its limit with 413, and a request without the key with 401', async () => {
    const big = JSON.stringify({ subjects: ['x'.repeat(13 * 1024 * 1024)] })
    expect((await lookup(big)).status).toBe(413)
    expect((await lookup({ subjects: ['contact-1'] }, null)).status).toBe(401)
    expect((await lookup({ subjects: ['contact-1'] }, 'wrong')).status).toBe(401)
  })
})

describe('DELETE /consent/subjects/:subject', () => {
  const erase = (subject: string, key: string | null = API_KEY) =>
    server().fetch(
      new Request(`http://crm.test/consent/subjects/${encodeURIComponent(subject)}`, {
        method: 'DELETE',
        headers: key == null ? {} : { authorization: `Bearer ${key}` },
      }),
    )
  const rows = () =>
    db.query<{ subject: string | null; url: string }>('SELECT subject, url FROM consentry_receipts ORDER BY receipt_id')
  const erasures = () => db.query<{ erased_at: unknown; receipts: number }>('SELECT * FROM consentry_erasures')

  it('unlinks the subject from its receipts and removes its decision, answers what it did, and records that it happened', async () => {
    await post(
      receipt({
        receiptId: uuid(1),
        subject: token('contact-42'),
        url: 'https://www.example.com/prefs?ctk=x&id=42#top',
      }),
    )
    await post(receipt({ receiptId: uuid(2), subject: token('contact-42'), timestamp: '2026-06-01T11:59:30.000Z' }))
    await post(receipt({ receiptId: uuid(3), consentId: uuid(3000), subject: token('contact-7') }))
    const answer = await erase('contact-42')
    expect([answer.status, await answer.json()]).toEqual([
      200,
      { subject: 'contact-42', erased: true, receipts: 2, decision: true },
    ])
    expect(await rows()).toEqual([
      { subject: null, url: 'https://www.example.com/prefs' },
      { subject: null, url: 'https://www.example.com/' },
      { subject: 'contact-7', url: 'https://www.example.com/' },
    ])
    expect((await get('/consent/subjects/contact-42')).status).toBe(404)
    expect(await (await get('/consent/subjects/contact-42/receipts')).json()).toEqual([])
    // The other contact, and the browser's own decision, stand.
    expect((await get('/consent/subjects/contact-7')).status).toBe(200)
    expect(await count()).toBe(3)
    const recorded = await erasures()
    expect(recorded).toEqual([{ erased_at: expect.anything(), receipts: 2 }])
    expect(JSON.stringify(recorded)).not.toContain('contact-42')
  })

  it('is idempotent: asked again, it unlinks nothing and says so', async () => {
    await post(receipt({ subject: token('contact-42') }))
    await erase('contact-42')
    const again = await erase('contact-42')
    expect([again.status, await again.json()]).toEqual([
      200,
      { subject: 'contact-42', erased: true, receipts: 0, decision: false },
    ])
    expect((await erasures()).map((each) => each.receipts)).toEqual([1, 0])
  })

  it('refuses a request without the key, and erases nothing then', async () => {
    await post(receipt({ subject: token('contact-42') }))
    expect((await erase('contact-42', null)).status).toBe(401)
    expect((await erase('contact-42', 'wrong')).status).toBe(401)
    expect((await get('/consent/subjects/contact-42')).status).toBe(200)
    expect(await erasures()).toEqual([])
  })
})

describe('retention', () => {
  const ids = async () =>
    (await db.query<{ receipt_id: string }>('SELECT receipt_id FROM consentry_receipts ORDER BY receipt_id')).map(
      (row) => row.receipt_id,
    )
  // Receipts posted at their own time, as browsers sent them then.
  const at = async (when: string, changes: Record<string, unknown>) => {
    clock = new Date(when)
    expect((await post(receipt({ timestamp: when, ...changes }))).status).toBe(201)
  }

  it('deletes a receipt once a newer decision has replaced it for longer than the period; the decision relied on stays, however old', async () => {
    // One browser: replaced four years ago (pruned), replaced last year (kept), the current one.
    await at('2021-01-01T00:00:00Z', { receiptId: uuid(1) })
    await at('2022-01-01T00:00:00Z', { receiptId: uuid(2) })
    await at('2025-06-01T00:00:00Z', { receiptId: uuid(3) })
    // Another browser that decided once, five years ago: still what it relies on.
    await at('2021-06-01T00:00:00Z', { receiptId: uuid(4), consentId: uuid(4000) })
    expect(await pruneReceipts(db, 3 * 365, new Date('2026-06-01T00:00:00Z'))).toBe(1)
    expect(await ids()).toEqual([uuid(2), uuid(3), uuid(4)])
    // Idempotent.
    expect(await pruneReceipts(db, 3 * 365, new Date('2026-06-01T00:00:00Z'))).toBe(0)
  })

  it("keeps a contact's receipt while it is the contact's newest decision, even when its browser decided again without the link", async () => {
    await at('2020-01-01T00:00:00Z', { receiptId: uuid(1), subject: token('contact-42') })
    await at('2020-02-01T00:00:00Z', { receiptId: uuid(2) })
    expect(await pruneReceipts(db, 365, new Date('2026-01-01T00:00:00Z'))).toBe(0)
    expect((await (await get('/consent/subjects/contact-42')).json()).receiptId).toBe(uuid(1))
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses a retention period of %s days, and deletes nothing', async (days) => {
    await at('2020-01-01T00:00:00Z', { receiptId: uuid(1) })
    await at('2020-02-01T00:00:00Z', { receiptId: uuid(2) })
    await expect(pruneReceipts(db, days, new Date('2026-01-01T00:00:00Z'))).rejects.toThrow('consentry: retentionDays:')
    expect(await count()).toBe(2)
  })
})

describe("pages of a subject's receipts, and the export", () => {
  const follow = async (first: string) => {
    const seen: string[] = []
    let next: string | null = first
    let pages = 0
    while (next) {
      const answer = await get(next)
      expect(answer.status).toBe(200)
      seen.push(...(await answer.json()).map((each: { receiptId: string }) => each.receiptId))
      next = /^<([^>]+)>; rel="next"$/.exec(answer.headers.get('link') ?? '')?.[1] ?? null
      pages++
    }
    return { seen, pages }
  }

  it("pages a subject's receipts in order with an opaque cursor, never repeating or skipping one", async () => {
    const subject = token()
    for (let i = 1; i <= 5; i++)
      await post(receipt({ receiptId: uuid(i), subject, timestamp: `2026-06-01T10:0${i % 3}:00.000Z` }))
    const all = (await (await get('/consent/subjects/contact-42/receipts')).json()).map(
      (each: { receiptId: string }) => each.receiptId,
    )
    expect(all).toHaveLength(5)
    expect(await follow('/consent/subjects/contact-42/receipts?limit=2')).toEqual({ seen: all, pages: 3 })
  })

  it.each([
    ['limit=0', 'limit: expected a whole number from 1 to 1000'],
    ['limit=1001', 'limit: expected a whole number from 1 to 1000'],
    ['limit=two', 'limit: expected a whole number from 1 to 1000'],
    ['after=not-a-cursor', 'after: not a cursor of this server'],
    [
      `after=${Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')}`,
      'after: not a cursor of this server',
    ],
    [`after=${Buffer.from('[1,2,3]').toString('base64url')}`, 'after: not a cursor of this server'],
  ])('refuses a page query of %s with a 400 naming the field', async (query, error) => {
    const answer = await get(`/consent/subjects/contact-42/receipts?${query}`)
    expect([answer.status, (await answer.json()).error]).toEqual([400, error])
  })

  const seed = (count: number, at: string) =>
    db.query(
      `INSERT INTO consentry_receipts (receipt_id, consent_id, subject, revision, categories, services, source, gpc, locale, url, stated_at, decided_at)
       SELECT gen_random_uuid(), gen_random_uuid(), NULL, 1, '{"essential": true}', '{}', 'banner', false, 'en', 'https://www.example.com/', $2::timestamptz, $2::timestamptz
       FROM generate_series(1, $1::int)`,
      [count, at],
    )
  const exported = (query: string, key: string | null = API_KEY) => get(`/consent/receipts/export?${query}`, key)

  it('streams every receipt of a time range, as CSV or JSON lines, past many batches without a repeat or a gap', async () => {
    // 2,500 receipts of one microsecond (only their ids order them), and some outside the range.
    await seed(2500, '2026-06-10T12:00:00.123456Z')
    await seed(3, '2026-05-31T23:59:59.999Z')
    await seed(4, '2026-07-01T00:00:00Z')
    const range = 'from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z'
    const lines = (await (await exported(`${range}&format=jsonl`)).text()).trim().split('\n')
    const ids = lines.map((line) => JSON.parse(line).receiptId)
    expect(ids).toHaveLength(2500)
    expect(new Set(ids).size).toBe(2500)
    expect(ids).toEqual([...ids].sort())
    const csv = await exported(range)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const rows = (await csv.text()).trim().split('\r\n')
    expect(rows[0]).toBe(
      'receiptId,consentId,subject,decidedAt,receivedAt,revision,source,gpc,locale,url,categories,services',
    )
    expect(rows).toHaveLength(2501)
  })

  it.each([
    ['to=2026-07-01T00:00:00Z', 400, 'from: expected an RFC 3339 date-time (2026-06-01T00:00:00Z)'],
    [
      'from=2026-02-31T00:00:00Z&to=2026-07-01T00:00:00Z',
      400,
      'from: expected an RFC 3339 date-time (2026-06-01T00:00:00Z)',
    ],
    ['from=2026-06-01T00:00:00Z&to=June', 400, 'to: expected an RFC 3339 date-time (2026-07-01T00:00:00Z)'],
    ['from=2026-06-01T00:00:00Z&to=2026-06-01T00:00:00Z', 400, 'to: expected a time after from'],
    ['from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z&format=xml', 400, 'format: expected csv or jsonl'],
  ])('refuses an export of %s with a 4xx naming the field', async (query, status, error) => {
    const answer = await exported(query)
    expect([answer.status, (await answer.json()).error]).toEqual([status, error])
  })

  it('refuses an export without the key', async () => {
    expect((await exported('from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z', null)).status).toBe(401)
    expect((await exported('from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z', 'wrong')).status).toBe(401)
  })
})

describe('receipts that arrive together', () => {
  it('are stored in one batch as they would be one by one: each once, and the newest decision wins', async () => {
    const subject = token('contact-7')
    // Three browsers of one contact, each deciding four times, every receipt also sent twice.
    const sent = Array.from({ length: 12 }, (_, i) =>
      receipt({
        receiptId: uuid(i + 1),
        consentId: uuid(1000 + (i % 3)),
        subject,
        categories: { essential: true, analytics: i == 11, 'click-tracking': i % 2 == 0 },
        timestamp: `2026-06-01T11:${String(10 + i).padStart(2, '0')}:00.000Z`,
      }),
    )
    const answers = await Promise.all([...sent, ...sent].map((each) => post(each)))
    const bodies = await Promise.all(answers.map((answer) => answer.json()))
    expect(bodies.filter((body) => body.stored)).toHaveLength(12)
    expect(bodies.filter((body) => body.duplicate)).toHaveLength(12)
    expect(await count()).toBe(12)
    const latest = await (await get('/consent/subjects/contact-7')).json()
    expect([latest.receiptId, latest.categories.analytics]).toEqual([uuid(12), true])
    const browsers = await db.query<{ id: string; receipt_id: string }>(
      "SELECT id, receipt_id::text FROM consentry_latest WHERE kind = 'consent' ORDER BY id",
    )
    expect(browsers.map(({ receipt_id }) => receipt_id)).toEqual([uuid(10), uuid(11), uuid(12)])
  })

  it('keep to the limit of one consent id an hour within a batch', async () => {
    const server = createConsentServer({
      db,
      secrets: [SECRET],
      origins: [ORIGIN],
      apiKey: API_KEY,
      limits: { perConsentIdPerHour: 2 },
      now: () => clock,
    })
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => send(server, receipt({ receiptId: uuid(i + 1) }))),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 429, 429, 429])
    expect(await count()).toBe(2)
  })

  it('that are read in one turn of the event loop share one transaction', async () => {
    let transactions = 0
    const counted: Database = {
      ...db,
      transaction: (work) => {
        transactions++
        return db.transaction(work)
      },
    }
    const server = createConsentServer({ db: counted, secrets: [SECRET], origins: [ORIGIN], apiKey: API_KEY })
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(server, receipt({ receiptId: uuid(i + 1), consentId: uuid(3000 + i) })),
      ),
    )
    expect(answers.every((answer) => answer.status == 201)).toBe(true)
    expect(transactions).toBe(1)
  })

  it('are stored one by one when their batch fails, so that no receipt fails for another', async () => {
    let calls = 0
    const flaky: Database = {
      ...db,
      transaction: (work) => {
        calls++
        return calls == 1 ? Promise.reject(new Error('deadlock detected')) : db.transaction(work)
      },
    }
    const server = createConsentServer({ db: flaky, secrets: [SECRET], origins: [ORIGIN], apiKey: API_KEY })
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(server, receipt({ receiptId: uuid(i + 1), consentId: uuid(2000 + i) }))),
    )
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 201])
    expect(await count()).toBe(6)
  })
})

describe('abuse limits on POST /consent/receipts', () => {
  const limited = (limits: NonNullable<Parameters<typeof createConsentServer>[0]['limits']>) =>
    createConsentServer({ db, secrets: [SECRET], origins: [ORIGIN], apiKey: API_KEY, limits, now: () => clock })
  // The bindings @hono/node-server passes: the client's socket.
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })

  it('answers 429 with Retry-After past the limit of one address a minute, and stores nothing then', async () => {
    const server = limited({ perAddressPerMinute: 3 })
    clock = new Date('2026-06-01T12:00:45Z')
    for (let i = 1; i <= 3; i++)
      expect((await send(server, receipt({ receiptId: uuid(i) }), from('::ffff:203.0.113.7'))).status).toBe(201)
    const refused = await send(server, receipt({ receiptId: uuid(4) }), from('203.0.113.7'))
    expect([refused.status, refused.headers.get('retry-after'), (await refused.json()).error]).toEqual([
      429,
      '15',
      'too many receipts from this address: at most 3 a minute',
    ])
    expect(refused.headers.get('access-control-expose-headers')).toBe('retry-after')
    expect(await count()).toBe(3)
    // Another address is counted on its own; the next minute starts again.
    expect((await send(server, receipt({ receiptId: uuid(5) }), from('198.51.100.2'))).status).toBe(201)
    clock = new Date('2026-06-01T12:01:00Z')
    expect((await send(server, receipt({ receiptId: uuid(4) }), from('203.0.113.7'))).status).toBe(201)
  })

  it('counts the forwarded client behind a trusted proxy, and ignores X-Forwarded-For from anyone else', async () => {
    const server = limited({ perAddressPerMinute: 1, trustedProxies: ['10.0.0.5', '10.0.0.6'] })
    const via = (forwarded: string, n: number, peer = '10.0.0.5') =>
      send(server, receipt({ receiptId: uuid(n) }), from(peer), { 'x-forwarded-for': forwarded })
    expect((await via('203.0.113.7', 1)).status).toBe(201)
    // Written by the client: only the entry the trusted proxies appended counts.
    expect((await via('198.51.100.99, 203.0.113.7', 2)).status).toBe(429)
    expect((await via('203.0.113.7, 10.0.0.6', 3)).status).toBe(429)
    expect((await via('203.0.113.8', 4)).status).toBe(201)
    // From an untrusted peer a changing X-Forwarded-For buys nothing.
    expect((await via('192.0.2.1', 5, '198.51.100.50')).status).toBe(201)
    expect((await via('192.0.2.2', 6, '198.51.100.50')).status).toBe(429)
  })

  it('answers 429 past the receipts of one consent id an hour, counted in the database, and a retry stays a duplicate', async () => {
    const server = limited({ perConsentIdPerHour: 2 })
    expect((await send(server, receipt({ receiptId: uuid(1) }))).status).toBe(201)
    clock = new Date('2026-06-01T12:10:00Z')
    expect((await send(server, receipt({ receiptId: uuid(2) }))).status).toBe(201)
    clock = new Date('2026-06-01T12:30:00Z')
    const refused = await send(server, receipt({ receiptId: uuid(3) }))
    expect([refused.status, refused.headers.get('retry-after'), (await refused.json()).error]).toEqual([
      429,
      String(30 * 60),
      'consentId: at most 2 receipts an hour',
    ])
    expect((await (await send(server, receipt({ receiptId: uuid(2) }))).json()).duplicate).toBe(true)
    // Another process on the same database counts the same receipts.
    expect((await send(limited({ perConsentIdPerHour: 2 }), receipt({ receiptId: uuid(3) }))).status).toBe(429)
    expect((await send(server, receipt({ receiptId: uuid(4), consentId: uuid(1001) }))).status).toBe(201)
    clock = new Date('2026-06-01T13:00:01Z')
    expect((await send(server, receipt({ receiptId: uuid(3) }))).status).toBe(201)
    expect(await count()).toBe(4)
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s when the server is made', (limit) => {
    expect(() => limited({ perConsentIdPerHour: limit })).toThrow(
      `consentry: limits.perConsentIdPerHour: expected a whole number above 0 (got ${limit})`,
    )
  })
})

describe('GET /consent/metrics', () => {
  const METRICS_KEY = 'scraper-key'
  const measured = () =>
    createConsentServer({
      db,
      secrets: [SECRET],
      origins: [ORIGIN],
      apiKey: API_KEY,
      metricsKey: METRICS_KEY,
      limits: { perConsentIdPerHour: 2 },
      now: () => clock,
    })
  const scrape = (server: ConsentServer, key: string | null = METRICS_KEY) =>
    server.fetch(
      new Request('http://crm.test/consent/metrics', {
        headers: key == null ? {} : { authorization: `Bearer ${key}` },
      }),
    )

  it('counts requests by route and status, their latency, receipts stored, duplicates and refusals, in Prometheus text', async () => {
    const server = measured()
    const subject = token('contact-42')
    expect((await send(server, receipt({ receiptId: uuid(1), subject }))).status).toBe(201)
    expect((await send(server, receipt({ receiptId: uuid(1), subject }))).status).toBe(200)
    expect((await send(server, receipt({ receiptId: uuid(2) }))).status).toBe(201)
    expect((await send(server, receipt({ receiptId: uuid(3) }))).status).toBe(429)
    await server.fetch(new Request('http://crm.test/consent/subjects/contact-42'))
    const answer = await scrape(server)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toContain('text/plain')
    const text = await answer.text()
    for (const line of [
      'consentry_receipts_stored_total 2',
      'consentry_receipts_duplicate_total 1',
      'consentry_receipts_rate_limited_total{limit="consent_id"} 1',
      'consentry_http_requests_total{method="POST",route="/consent/receipts",status="201"} 2',
      'consentry_http_requests_total{method="POST",route="/consent/receipts",status="429"} 1',
      'consentry_http_requests_total{method="GET",route="/consent/subjects/*",status="401"} 1',
      'consentry_http_request_duration_seconds_count{method="POST",route="/consent/receipts"} 4',
    ])
      expect(text.split('\n')).toContain(line)
    expect(text).toMatch(
      /^consentry_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/consent\/receipts"\} \d+$/m,
    )
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m)
    expect(text).not.toContain('contact-42')
  })

  it('answers only its own key, and is not there without one', async () => {
    const server = measured()
    expect((await scrape(server, null)).status).toBe(401)
    expect((await scrape(server, API_KEY)).status).toBe(401)
    expect((await scrape(app)).status).toBe(404)
  })
})

describe('GET /consent/decisions, the change feed', () => {
  interface FeedPage {
    decisions: { receiptId: string; subject: string | null }[]
    next: string
  }
  const feed = async (query = '', key: string | null = API_KEY) => {
    const answer = await get(`/consent/decisions${query}`, key)
    expect(answer.status).toBe(200)
    return (await answer.json()) as FeedPage
  }
  /** Read the feed from `cursor` until a page comes back empty: the ids read, and where it ended. */
  const drain = async (cursor?: string, limit = 7) => {
    const ids: string[] = []
    let next = cursor
    for (;;) {
      const page = await feed(`?limit=${limit}${next ? `&after=${next}` : ''}`)
      ids.push(...page.decisions.map((each) => each.receiptId))
      if (!page.decisions.length) return { ids, next: page.next }
      next = page.next
    }
  }
  const insert = (query: (text: string, params?: unknown[]) => Promise<unknown>, id: string) =>
    query(
      `INSERT INTO consentry_receipts (receipt_id, consent_id, subject, revision, categories, services, source, gpc, locale, url, stated_at, decided_at)
       VALUES ($1, gen_random_uuid(), NULL, 1, '{"essential": true}', '{}', 'banner', false, 'en', 'https://www.example.com/', now(), now())`,
      [id],
    )

  it('reads every decision once, in the order stored, and goes on from its cursor as more arrive', async () => {
    const subject = token()
    for (let i = 1; i <= 20; i++) await post(receipt({ receiptId: uuid(i), consentId: uuid(1000 + (i % 4)), subject }))
    const first = await drain()
    expect(first.ids).toEqual(Array.from({ length: 20 }, (_, i) => uuid(i + 1)))
    // Resumed from the last cursor (after a crash, say): only what came since.
    for (let i = 21; i <= 23; i++) await post(receipt({ receiptId: uuid(i) }))
    const second = await drain(first.next)
    expect(second.ids).toEqual([uuid(21), uuid(22), uuid(23)])
    // An empty page keeps the cursor where it was.
    expect((await feed(`?after=${second.next}`)).next).toBe(second.next)
    const [one] = (await feed('?limit=1')).decisions
    expect(one).toMatchObject({ receiptId: uuid(1), subject: 'contact-42', categories: { 'click-tracking': true } })
  })

  it.each([
    ['?limit=0', 'limit: expected a whole number from 1 to 1000'],
    ['?limit=1001', 'limit: expected a whole number from 1 to 1000'],
    ['?limit=1.5', 'limit: expected a whole number from 1 to 1000'],
    ['?after=%%%', 'after: not a cursor of this server'],
    [`?after=${Buffer.from('1.2.3').toString('base64url')}`, 'after: not a cursor of this server'],
    [`?after=${Buffer.from('-1.2').toString('base64url')}`, 'after: not a cursor of this server'],
    [`?after=${Buffer.from('9999999999999999999.1').toString('base64url')}`, 'after: not a cursor of this server'],
    [`?after=${Buffer.from(JSON.stringify(['1', '2'])).toString('base64url')}`, 'after: not a cursor of this server'],
  ])('refuses %s with a 400 naming the field', async (query, error) => {
    const answer = await get(`/consent/decisions${query}`)
    expect([answer.status, (await answer.json()).error]).toEqual([400, error])
  })

  it('answers 401 without the key', async () => {
    expect((await get('/consent/decisions', null)).status).toBe(401)
    expect((await get('/consent/decisions', 'wrong')).status).toBe(401)
  })

  // PGlite has one connection: transactions cannot overlap there.
  it.runIf(process.env.DATABASE_URL)(
    'never passes a slower transaction that is still open: what it stores is read once it commits',
    async () => {
      let commit = () => {}
      const held = new Promise<void>((release) => {
        commit = release
      })
      let began = () => {}
      const inserted = new Promise<void>((done) => {
        began = done
      })
      // The slow transaction takes its id first, then waits; a faster one stores and commits.
      const slow = db.transaction(async (query) => {
        await insert(query, uuid(1))
        began()
        await held
      })
      await inserted
      let before: Awaited<ReturnType<typeof drain>>
      try {
        await post(receipt({ receiptId: uuid(2) }))
        before = await drain()
      } finally {
        // Even when the read fails: an open transaction would hold the next test's TRUNCATE.
        commit()
        await slow
      }
      expect(before.ids).toEqual([])
      const after = await drain(before.next)
      expect(after.ids).toEqual([uuid(1), uuid(2)])
    },
  )

  it.runIf(process.env.DATABASE_URL)(
    'loses and repeats nothing while concurrent writers hold their transactions open for different times',
    async () => {
      const writers = 8
      const each = 40
      let writing = true
      const write = async (writer: number) => {
        for (let i = 0; i < each; i++) {
          await db.transaction(async (query) => {
            await insert(query, uuid(writer * 1000 + i))
            // Held open for 0–15 ms, so that transactions commit out of the order they began.
            await new Promise((wait) => setTimeout(wait, ((writer * 7 + i * 3) % 4) * 5))
          })
        }
      }
      const read: string[] = []
      const reader = (async () => {
        let next: string | undefined
        while (writing) {
          const page = await feed(`?limit=13${next ? `&after=${next}` : ''}`)
          read.push(...page.decisions.map((decision) => decision.receiptId))
          next = page.next
        }
        read.push(...(await drain(next)).ids)
      })()
      await Promise.all(Array.from({ length: writers }, (_, writer) => write(writer + 1)))
      writing = false
      await reader
      expect(read).toHaveLength(writers * each)
      expect(new Set(read).size).toBe(writers * each)
    },
  )
})

describe('request logs', () => {
  it('give one entry an answer: the route pattern, the status, the duration; never a subject, token, key or receipt value', async () => {
    const entries: unknown[] = []
    const logged = createConsentServer({
      db,
      secrets: [SECRET],
      origins: [ORIGIN],
      apiKey: API_KEY,
      now: () => clock,
      onRequest: (entry) => entries.push(entry),
    })
    const sealed = token('contact-42')
    const ask = (path: string, init: RequestInit = {}) => logged.fetch(new Request(`http://crm.test${path}`, init))
    await ask('/consent/receipts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(receipt({ subject: sealed, url: 'https://www.example.com/secret-page' })),
    })
    await ask('/consent/subjects/contact-42', { headers: { authorization: `Bearer ${API_KEY}` } })
    await ask('/consent/subjects/contact-42/receipts')
    await ask('/consent/nowhere')
    expect(entries).toEqual([
      { time: expect.any(String), method: 'POST', route: '/consent/receipts', status: 201, ms: expect.any(Number) },
      {
        time: expect.any(String),
        method: 'GET',
        route: '/consent/subjects/:subject',
        status: 200,
        ms: expect.any(Number),
      },
      // Refused by the key check before any route: its pattern, not the path.
      { time: expect.any(String), method: 'GET', route: '/consent/subjects/*', status: 401, ms: expect.any(Number) },
      { time: expect.any(String), method: 'GET', route: 'unmatched', status: 404, ms: expect.any(Number) },
    ])
    const text = JSON.stringify(entries)
    for (const secret of ['contact-42', sealed, API_KEY, 'secret-page', uuid(1)]) expect(text).not.toContain(secret)
  })

  it('never let a failing logger fail the answer', async () => {
    const logged = createConsentServer({
      db,
      secrets: [SECRET],
      origins: [ORIGIN],
      apiKey: API_KEY,
      onRequest: () => {
        throw new Error('disk full')
      },
    })
    expect((await logged.fetch(new Request('http://crm.test/consent/health'))).status).toBe(200)
  })
})

describe('health and readiness', () => {
  it('answers /health while the process runs, and /ready once the database has every migration', async () => {
    const health = await get('/consent/health', null)
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }])
    const ready = await get('/consent/ready', null)
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', migration: 4 }])
  })

  it('answers /ready with 503 when the database does not answer, or lacks a migration', async () => {
    const broken: Database = {
      query: () => Promise.reject(new Error('connection refused')),
      transaction: () => Promise.reject(new Error('connection refused')),
      close: async () => {},
    }
    const behind: Database = { ...broken, query: async () => [{ version: 3 }] as never }
    for (const [database, error] of [
      [broken, 'database: no answer, or never migrated'],
      [behind, 'database: migration 4 not applied'],
    ] as const) {
      const answer = await createConsentServer({
        db: database,
        secrets: [SECRET],
        origins: [ORIGIN],
        apiKey: API_KEY,
      }).fetch(new Request('http://crm.test/consent/ready'))
      expect([answer.status, await answer.json()]).toEqual([503, { status: 'unavailable', error }])
      const health = await createConsentServer({
        db: database,
        secrets: [SECRET],
        origins: [ORIGIN],
        apiKey: API_KEY,
      }).fetch(new Request('http://crm.test/consent/health'))
      expect(health.status).toBe(200)
    }
  })
})

describe('hostile and malformed requests', () => {
  const big = 'x'.repeat(9000)
  const cases: [string, () => Promise<Response>, number][] = [
    ['no body', () => post(''), 400],
    ['bad JSON', () => post('{"receiptId":'), 400],
    ['JSON that is an array', () => post('[]'), 400],
    ['JSON that is a string', () => post('"receipt"'), 400],
    ['JSON null', () => post('null'), 400],
    ['a body over 8 kB', () => post(receipt({ url: big })), 413],
    ['a body over 8 kB without a length', () => post(big), 413],
    ['a missing receiptId', () => post({ ...receipt(), receiptId: undefined }), 400],
    ['a receiptId that is no UUID', () => post(receipt({ receiptId: 'abc' })), 400],
    ['a receiptId with SQL in it', () => post(receipt({ receiptId: "1'; DROP TABLE consentry_receipts; --" })), 400],
    ['a consentId of 36 dashes', () => post(receipt({ consentId: '-'.repeat(36) })), 400],
    ['a revision as a string', () => post(receipt({ revision: '1' })), 400],
    ['a revision of 0', () => post(receipt({ revision: 0 })), 400],
    ['a revision past int4', () => post(receipt({ revision: 2 ** 40 })), 400],
    ['a fractional revision', () => post(receipt({ revision: 1.5 })), 400],
    ['categories as an array', () => post(receipt({ categories: [] })), 400],
    ['a category that is no boolean', () => post(receipt({ categories: { analytics: 'yes' } })), 400],
    ['a category named with SQL', () => post(receipt({ categories: { "a'); DELETE FROM x; --": true } })), 400],
    ['a category named __proto__', () => post(`{"receiptId":"${uuid(1)}","categories":{"__proto__":true}}`), 400],
    ['services keyed without a dot', () => post(receipt({ services: { ga: true } })), 400],
    ['an unknown source', () => post(receipt({ source: 'hacker' })), 400],
    ['gpc as a string', () => post(receipt({ gpc: 'false' })), 400],
    ['a locale of 100 characters', () => post(receipt({ locale: 'x'.repeat(100) })), 400],
    ['a timestamp that is no date', () => post(receipt({ timestamp: 'yesterday' })), 400],
    ['a timestamp with SQL', () => post(receipt({ timestamp: "2026-01-01T00:00:00Z'; --" })), 400],
    ['an impossible date', () => post(receipt({ timestamp: '2026-13-45T99:99:99Z' })), 400],
    ['an unknown field', () => post(receipt({ contact: 'contact-42' })), 400],
    ['a subject that is no token', () => post(receipt({ subject: 'contact-42' })), 403],
    ['a tampered token', () => post(receipt({ subject: `${token().slice(0, -3)}AAA` })), 403],
    ['a token of another secret', () => post(receipt({ subject: token('contact-42', 30, 'someone-else') })), 403],
    ['an expired token', () => post(receipt({ subject: token('contact-42', -1) })), 403],
    ['a subject that is a number', () => post(receipt({ subject: 42 })), 400],
    ['a subject of 2,000 characters', () => post(receipt({ subject: `c1.${'A'.repeat(2000)}` })), 400],
    ['a wrong origin', () => post(receipt(), { origin: 'https://evil.example' }), 403],
    [
      'an origin that only starts like an allowed one',
      () => post(receipt(), { origin: `${ORIGIN}.evil.example` }),
      403,
    ],
    ['GET on the receipts route', () => server().fetch(new Request('http://crm.test/consent/receipts')), 404],
    ['a subject query without a key', () => get('/consent/subjects/contact-42', null), 401],
    ['a subject query with a wrong key', () => get('/consent/subjects/contact-42', 'crm-key-2'), 401],
    ['a subject query with a key of another length', () => get('/consent/subjects/contact-42', 'k'), 401],
    ['a receipts query without a key', () => get('/consent/subjects/contact-42/receipts?format=csv', null), 401],
    ['a malformed percent escape in the path', () => get('/consent/subjects/%E0%A4%A'), 404],
    ['a malformed escape without a key', () => get('/consent/subjects/%E0%A4%A/receipts', null), 401],
    ['a path outside the prefix', () => get('/api/contacts/%E0%A4%A/click-tracking'), 404],
    ['a NUL in the url', () => post(receipt({ url: 'a\u0000b' })), 400],
    ['a NUL in the locale', () => post(receipt({ locale: '\u0000' })), 400],
    ['a token whose subject holds a NUL', () => post(receipt({ subject: token('a\u0000b') })), 403],
    ['the year 0000', () => post(receipt({ timestamp: '0000-01-01T00:00:00Z' })), 400],
    ['the year 1 with a far offset', () => post(receipt({ timestamp: '0001-01-01T00:00:00+14:00' })), 400],
    ['a NUL in a subject query', () => get('/consent/subjects/a%00b'), 404],
    ['a subject with SQL in it', () => get(`/consent/subjects/${encodeURIComponent("x' OR '1'='1")}`), 404],
  ]

  it.each([
    '2026-02-31T00:00:00Z',
    '2026-02-29T12:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-06-00T00:00:00Z',
    '2026-06-01T24:00:00Z',
    '2026-06-01T12:60:00Z',
    '2026-06-30T23:59:60Z',
    '2026-06-01T12:00:00+24:00',
  ])('refuses the calendar-invalid timestamp %s with a 400 naming the field, and stores nothing', async (timestamp) => {
    const response = await post(receipt({ timestamp }))
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(/^consentry: timestamp: /)
    expect(await count()).toBe(0)
  })

  it('takes a leap day of a leap year', async () => {
    expect((await post(receipt({ timestamp: '2028-02-29T12:00:00Z' }))).status).toBe(201)
  })

  it(`has at least 40 of them`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases)('%s: the right 4xx, and nothing stored', async (_, send, status) => {
    const response = await send()
    expect(response.status).toBe(status)
    expect(await count()).toBe(0)
  })

  it('served by Node, judges a body by its Content-Length or, without one, by what arrives', async () => {
    const listening = serve(server(), { port: 0 })
    await new Promise((ready) => listening.once('listening', ready))
    const { port } = listening.address() as AddressInfo
    const send = (body: string, chunked: boolean) =>
      new Promise<number>((done, failed) => {
        const headers: Record<string, string | number> = { 'content-type': 'application/json', origin: ORIGIN }
        if (!chunked) headers['content-length'] = Buffer.byteLength(body)
        const sending = httpRequest({ host: '127.0.0.1', port, path: '/consent/receipts', method: 'POST', headers })
        sending.on('response', (response) => {
          response.resume()
          done(response.statusCode!)
        })
        sending.on('error', failed)
        // Written in two parts: without a length, Node sends them chunked.
        sending.write(body.slice(0, 10))
        sending.end(body.slice(10))
      })
    try {
      const big = JSON.stringify(receipt({ url: 'x'.repeat(9000) }))
      expect(await send(big, false)).toBe(413)
      expect(await send(big, true)).toBe(413)
      expect(await count()).toBe(0)
      expect(await send(JSON.stringify(receipt()), false)).toBe(201)
      expect(await send(JSON.stringify(receipt({ receiptId: uuid(2) })), true)).toBe(201)
      expect(await count()).toBe(2)
    } finally {
      await new Promise((closed) => listening.close(closed))
    }
  })

  it('never answers a generated path or body with a server error', async () => {
    const bytes = '%E0%A4%A/\\..?#&=;\'"<>{}[]\u0000\u202e'
    for (let i = 0; i < 300; i++) {
      let path = '/consent/'
      for (let j = 0; j < 12; j++) path += bytes[(i * 7 + j * 13) % bytes.length]
      const answers = await Promise.all([get(path), post(path), post({ receiptId: path, categories: path })])
      for (const answer of answers) expect(answer.status, path).toBeLessThan(500)
    }
  }, 30_000)
})
