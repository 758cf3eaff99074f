// The reference receiver (demo/receiver.js) on loopback, over real HTTP.
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error plain JavaScript module of the demo, without types
import { createReceiver, signToken, verifyToken } from '../demo/receiver.js'

const SECRET = 'test-secret'
const servers: Server[] = []
afterEach(() => servers.splice(0).forEach((server) => server.close()))

const start = async (file = join(mkdtempSync(join(tmpdir(), 'receipts-')), 'receipts.jsonl'), extra = {}) => {
  const receiver = createReceiver({ file, secret: SECRET, ...extra })
  const server = createServer((request, response) => {
    if (!receiver.handle(request, response)) response.writeHead(404).end()
  })
  servers.push(server)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/consent-receipts`, { method: 'POST', headers, body: typeof body == 'string' ? body : JSON.stringify(body) })
  const choice = async (contact: string) => {
    const response = await fetch(`${origin}/api/contacts/${encodeURIComponent(contact)}/click-tracking`)
    return { status: response.status, body: await response.json() }
  }
  return { file, receiver, post, choice }
}

const receipt = (changes: Record<string, unknown> = {}) => ({
  receiptId: randomUUID(),
  consentId: randomUUID(),
  revision: 1,
  categories: { essential: true, analytics: false, marketing: false, 'click-tracking': true },
  services: {},
  source: 'email-link',
  gpc: false,
  locale: 'en',
  url: 'https://example.com/preferences?consent=preferences',
  timestamp: new Date().toISOString(),
  ...changes,
})

describe('the reference receiver', () => {
  it("stores a receipt and answers the contact's click-tracking choice", async () => {
    const { post, choice } = await start()
    const sent = receipt({ subject: signToken('contact-42', SECRET) })
    expect((await post(sent)).status).toBe(201)
    expect(await choice('contact-42')).toEqual({
      status: 200,
      body: { contact: 'contact-42', clickTracking: true, decidedAt: sent.timestamp, receiptId: sent.receiptId, source: 'email-link' },
    })
    expect((await choice('contact-7')).status).toBe(404)
  })

  it('answers with the latest decision', async () => {
    const { post, choice } = await start()
    const subject = signToken('contact-1', SECRET)
    await post(receipt({ subject, timestamp: '2026-11-01T10:00:00.000Z' }))
    await post(receipt({ subject, timestamp: '2026-11-02T10:00:00.000Z', categories: { essential: true, 'click-tracking': false } }))
    expect((await choice('contact-1')).body).toMatchObject({ clickTracking: false, decidedAt: '2026-11-02T10:00:00.000Z' })
  })

  it('stores each receiptId once, however often it is sent: 1,000 receipts sent twice, concurrently', async () => {
    const { post, file, receiver } = await start()
    const receipts = Array.from({ length: 1000 }, () => receipt())
    const statuses = await Promise.all([...receipts, ...receipts].map(async (each) => (await post(each)).status))
    expect(statuses.filter((status) => status == 201)).toHaveLength(1000)
    expect(statuses.filter((status) => status == 200)).toHaveLength(1000)
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(1000)
    expect(new Set(lines.map((line) => JSON.parse(line).receipt.receiptId)).size).toBe(1000)
    expect(receiver.count()).toBe(1000)
  }, 60_000) // a thousand fsyncs take seconds on a shared disk

  it('keeps what it stored across a restart, and still de-duplicates', async () => {
    const first = await start()
    const sent = receipt({ subject: signToken('contact-9', SECRET) })
    await first.post(sent)
    const second = await start(first.file)
    expect((await second.post(sent)).status).toBe(200)
    expect((await second.choice('contact-9')).body.clickTracking).toBe(true)
    expect(readFileSync(first.file, 'utf8').trim().split('\n')).toHaveLength(1)
  })

  it.each([
    ['not JSON', '{ "receiptId": ', 'expected a JSON receipt'],
    ['a receipt without consentId', { ...receipt(), consentId: undefined }, "/ must have required property 'consentId'"],
    ['an unknown source', receipt({ source: 'cookie-wall' }), '/source must be equal to one of the allowed values'],
    ['a category that is not a boolean', receipt({ categories: { analytics: 'yes' } }), '/categories/analytics must be boolean'],
    ['an extra field', receipt({ email: 'a@example.com' }), '/ must NOT have additional properties'],
    ['a timestamp that is no ISO date', receipt({ timestamp: 'yesterday' }), '/timestamp must match pattern'],
  ])('rejects %s', async (_, body, message) => {
    const { post, receiver } = await start()
    const response = await post(body)
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain(message)
    expect(receiver.count()).toBe(0)
  })

  it('rejects a tampered or expired token and never stores a token', async () => {
    const { post, file } = await start()
    const token = signToken('contact-5', SECRET)
    const tampered = token.replace(Buffer.from('contact-5').toString('base64url'), Buffer.from('contact-6').toString('base64url'))
    expect((await post(receipt({ subject: tampered }))).status).toBe(403)
    expect((await post(receipt({ subject: signToken('contact-5', 'other-secret') }))).status).toBe(403)
    expect((await post(receipt({ subject: signToken('contact-5', SECRET, Date.now() - 1000) }))).status).toBe(403)
    expect((await post(receipt({ subject: token }))).status).toBe(201)
    expect(readFileSync(file, 'utf8')).not.toContain(token.split('.')[2])
    expect(readFileSync(file, 'utf8')).not.toContain(token)
  })
})

describe('the consent cookie, set again by the server', () => {
  it('answers an accepted receipt with the consent cookie the request carried, for its lifetime', async () => {
    const { post } = await start(undefined, { consentCookie: { name: 'consentry', days: 182 } })
    const value = '1|1|5f0c6d2e-8a41-4b7e-9c3d-2e1f0a9b8c7d|mwsh51kr|essential+analytics||bm5une'
    const response = await post(receipt(), { cookie: `other=1; consentry=${value}` })
    expect(response.status).toBe(201)
    expect(response.headers.get('set-cookie')).toBe(`consentry=${value}; Path=/; Max-Age=15724800; SameSite=Lax`)
  })

  it('sets nothing without the option or without the cookie', async () => {
    expect((await (await start()).post(receipt(), { cookie: 'consentry=x' })).headers.get('set-cookie')).toBeNull()
    const withOption = await start(undefined, { consentCookie: { name: 'consentry' } })
    expect((await withOption.post(receipt())).headers.get('set-cookie')).toBeNull()
  })
})

describe('recipient tokens', () => {
  it('round-trip, and name their contact only when intact', () => {
    const token = signToken('ana@example.com', SECRET)
    expect(verifyToken(token, SECRET)).toBe('ana@example.com')
    expect(verifyToken(token + 'x', SECRET)).toBeNull()
    expect(verifyToken('garbage', SECRET)).toBeNull()
  })
})
