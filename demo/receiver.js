// Reference receiver of consent receipts, for the CRM to copy: validates each receipt against
// receipt.schema.json, verifies the HMAC-signed recipient token in `subject`, stores receipts
// durably as append-only JSON lines (fsync'd before answering), ignores a receiptId it has
// already stored, and answers "what did contact X choose for click tracking, and when?".
import { createHmac, timingSafeEqual } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { Ajv } from 'ajv'

const schema = JSON.parse(readFileSync(new URL('./receipt.schema.json', import.meta.url), 'utf8'))
const validate = new Ajv({ allErrors: true }).compile(schema)
const MAX_BODY = 16 * 1024

/**
 * A recipient token for the "Manage preferences" link of an email: `<contact>.<expires>.<hmac>`,
 * the contact id in base64url, the expiry in seconds since the epoch, and the HMAC-SHA256
 * (base64url) of the first two parts under the CRM's secret.
 */
export const signToken = (contact, secret, expires = Date.now() + 90 * 864e5) => {
  const payload = `${Buffer.from(contact).toString('base64url')}.${Math.floor(expires / 1000)}`
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`
}

/** The contact of a token that is intact and not expired, else null. */
export const verifyToken = (token, secret, now = Date.now()) => {
  const match = /^([^.]+)\.(\d+)\.([\w-]+)$/.exec(token)
  if (!match) return null
  const expected = createHmac('sha256', secret).update(`${match[1]}.${match[2]}`).digest()
  const given = Buffer.from(match[3], 'base64url')
  if (given.length != expected.length || !timingSafeEqual(given, expected)) return null
  if (Number(match[2]) * 1000 < now) return null
  return Buffer.from(match[1], 'base64url').toString()
}

/**
 * A receiver storing into `file`; `handle(request, response)` answers its two routes. With
 * `consentCookie` (`{ name, days, domain? }`), each accepted receipt's answer sets the consent
 * cookie the request carried again, as an HTTP cookie: Safari caps cookies written by scripts at
 * 7 days, not those a server sets.
 */
export const createReceiver = ({ file, secret, consentCookie }) => {
  const stored = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
    : []
  const seen = new Set(stored.map((record) => record.receipt.receiptId))
  const append = (record) => {
    const fd = openSync(file, 'a')
    try {
      writeSync(fd, JSON.stringify(record) + '\n')
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    stored.push(record)
    seen.add(record.receipt.receiptId)
  }
  const reply = (response, status, body, headers = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers })
    response.end(JSON.stringify(body))
  }
  // The consent cookie of the request, set again for its full lifetime.
  const renewCookie = (request) => {
    if (!consentCookie) return {}
    const { name, days = 182, domain } = consentCookie
    const value = (request.headers.cookie ?? '').split('; ').find((pair) => pair.startsWith(name + '='))?.slice(name.length + 1)
    if (!value) return {}
    const secure = request.headers['x-forwarded-proto'] == 'https' || request.socket.encrypted ? '; Secure' : ''
    return { 'set-cookie': `${name}=${value}; Path=/; Max-Age=${days * 86400}; SameSite=Lax${domain ? '; Domain=' + domain : ''}${secure}` }
  }
  const read = (request) =>
    new Promise((resolve, reject) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
        if (body.length > MAX_BODY) reject(new Error('too large'))
      })
      request.on('end', () => resolve(body))
      request.on('error', reject)
    })

  const receive = async (request, response) => {
    let receipt
    try {
      receipt = JSON.parse(await read(request))
    } catch {
      return reply(response, 400, { error: 'expected a JSON receipt of at most 16 kB' })
    }
    if (!validate(receipt))
      return reply(response, 400, { error: 'invalid receipt', details: validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`) })
    const contact = receipt.subject == null ? null : verifyToken(receipt.subject, secret)
    if (receipt.subject != null && !contact) return reply(response, 403, { error: 'invalid or expired recipient token' })
    if (seen.has(receipt.receiptId)) return reply(response, 200, { stored: false, duplicate: true }, renewCookie(request))
    // The token itself is not kept: the contact it names is.
    append({ contact, receivedAt: new Date().toISOString(), receipt: { ...receipt, subject: contact == null ? undefined : 'verified' } })
    return reply(response, 201, { stored: true }, renewCookie(request))
  }

  const clickTracking = (response, contact) => {
    const latest = stored
      .filter((record) => record.contact == contact && 'click-tracking' in record.receipt.categories)
      .sort((a, b) => a.receipt.timestamp.localeCompare(b.receipt.timestamp))
      .at(-1)
    if (!latest) return reply(response, 404, { contact, error: 'no decision recorded' })
    return reply(response, 200, {
      contact,
      clickTracking: latest.receipt.categories['click-tracking'],
      decidedAt: latest.receipt.timestamp,
      receiptId: latest.receipt.receiptId,
      source: latest.receipt.source,
    })
  }

  return {
    /** Handles the receiver's routes; returns false for any other request. */
    handle(request, response) {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost')
      if (pathname == '/api/consent-receipts' && request.method == 'POST') return receive(request, response), true
      const contact = /^\/api\/contacts\/([^/]+)\/click-tracking$/.exec(pathname)
      if (contact && request.method == 'GET') return clickTracking(response, decodeURIComponent(contact[1])), true
      return false
    },
    /** How many receipts are stored. */
    count: () => stored.length,
  }
}
