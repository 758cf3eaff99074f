import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

/** What a recipient token carries: the CRM's contact, and until when it is valid. */
export interface RecipientToken {
  /** The CRM's contact id. */
  subject: string
  /** After this, the token no longer ties a decision to the contact. */
  expiresAt: Date
}

const VERSION = 'c1'

// The sealing key of a secret: HMAC-SHA256, so that the secret itself never keys the cipher.
const keyOf = (secret: string) => {
  if (!secret) throw new Error('consentry: a recipient token secret must not be empty')
  return createHmac('sha256', secret).update('consentry recipient token').digest()
}

/**
 * A recipient token for an email's "Manage preferences" link (`?ctk=`): the subject and expiry,
 * sealed with AES-256-GCM under a key derived from `secret`. It is opaque (the contact id cannot
 * be read from it) and tamper-evident.
 *
 * @example
 * ```ts
 * const token = signRecipientToken({ subject: 'contact-42', expiresAt: new Date(Date.now() + 30 * 864e5) }, secret)
 * ```
 */
export const signRecipientToken = ({ subject, expiresAt }: RecipientToken, secret: string): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv)
  const payload = JSON.stringify([subject, Math.floor(expiresAt.getTime() / 1000)])
  const sealed = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()])
  const token = Buffer.concat([iv, cipher.getAuthTag(), sealed])
  return `${VERSION}.${token.toString('base64url')}`
}

/**
 * The subject and expiry of a token sealed under any of `secrets` (the current one first, then
 * those being rotated out), if it is intact and not expired; otherwise null, never an exception.
 */
export const verifyRecipientToken = (
  token: unknown,
  secrets: string | string[],
  now = new Date(),
): RecipientToken | null => {
  if (typeof token != 'string' || token.length > 1024 || !token.startsWith(`${VERSION}.`)) return null
  const bytes = Buffer.from(token.slice(VERSION.length + 1), 'base64url')
  if (bytes.length < 29) return null
  for (const secret of [secrets].flat()) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12))
      decipher.setAuthTag(bytes.subarray(12, 28))
      const payload = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
      const [subject, expires] = JSON.parse(payload) as [unknown, unknown]
      if (typeof subject != 'string' || subject.includes('\0') || typeof expires != 'number') return null
      if (expires * 1000 <= now.getTime()) return null
      return { subject, expiresAt: new Date(expires * 1000) }
    } catch {
      // Not sealed under this secret: try the next.
    }
  }
  return null
}
