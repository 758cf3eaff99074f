import type { DecisionSource, Receipt } from '../core/types'
import type { Database } from './database'
import type { ReceivedReceipt } from './receipt-schema'

/** The newest decision of a subject, as the CRM reads it. */
export interface LatestDecision {
  /** The CRM's contact, from the recipient token. */
  subject: string
  /** Every category of the config: granted or not. */
  categories: Record<string, boolean>
  /** Every service, keyed `category.service`: granted or not. */
  services: Record<string, boolean>
  /** The config revision the decision was made under. */
  revision: number
  /** The receipt that recorded it: its proof in the history. */
  receiptId: string
  /** When the visitor decided, ISO 8601 (clamped to the time of arrival). */
  updatedAt: string
}

/**
 * One stored receipt, for the proof of consent: the receipt as the browser sent it, with its
 * subject taken from the recipient token and the times it was made and stored.
 */
export interface StoredReceipt extends Omit<Receipt, 'subject' | 'timestamp'> {
  /** The CRM's contact from the recipient token, or null for an anonymous visitor. */
  subject: string | null
  /** When the visitor decided, by the browser's clock (clamped to a day ahead of arrival), ISO 8601. */
  decidedAt: string
  /** When the server stored it, ISO 8601. */
  receivedAt: string
}

// Only when newer: a late retry of an older receipt never replaces a newer decision. Receipts of one
// browser are ordered by its own clock (a fast clock, clamped on arrival, would otherwise put a
// retried older receipt after a newer one); receipts of different browsers by the clamped time.
// The receipt id breaks ties, so that two receipts of the same millisecond end the same way everywhere.
const UPSERT_LATEST = `
  INSERT INTO consentry_latest (kind, id, receipt_id, consent_id, stated_at, decided_at, revision, categories, services)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (kind, id) DO UPDATE SET
    receipt_id = excluded.receipt_id, consent_id = excluded.consent_id, stated_at = excluded.stated_at,
    decided_at = excluded.decided_at, revision = excluded.revision, categories = excluded.categories,
    services = excluded.services
  WHERE CASE WHEN consentry_latest.consent_id = excluded.consent_id
    THEN (consentry_latest.stated_at, consentry_latest.receipt_id) < (excluded.stated_at, excluded.receipt_id)
    ELSE (consentry_latest.decided_at, consentry_latest.receipt_id) < (excluded.decided_at, excluded.receipt_id)
  END`

/**
 * Store a receipt under its subject (or none), with its time clamped to `now`: a receipt dated in
 * the future counts as received now. Returns false for a receipt already stored.
 */
export const storeReceipt = (db: Database, receipt: ReceivedReceipt, subject: string | null, now: Date) =>
  db.transaction(async (query) => {
    // The browser's own time orders its receipts, but no further than a day ahead of the server's.
    const stated = new Date(Math.min(Date.parse(receipt.timestamp), now.getTime() + 864e5))
    const decidedAt = (stated.getTime() > now.getTime() ? now : stated).toISOString()
    const inserted = await query(
      `INSERT INTO consentry_receipts
         (receipt_id, consent_id, subject, revision, categories, services, source, gpc, locale, url, stated_at, decided_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (receipt_id) DO NOTHING
       RETURNING receipt_id`,
      [
        receipt.receiptId,
        receipt.consentId,
        subject,
        receipt.revision,
        JSON.stringify(receipt.categories),
        JSON.stringify(receipt.services),
        receipt.source,
        receipt.gpc,
        receipt.locale,
        receipt.url,
        stated.toISOString(),
        decidedAt,
        now.toISOString(),
      ],
    )
    if (!inserted.length) return false
    const decision = [
      receipt.receiptId,
      receipt.consentId,
      stated.toISOString(),
      decidedAt,
      receipt.revision,
      JSON.stringify(receipt.categories),
      JSON.stringify(receipt.services),
    ]
    await query(UPSERT_LATEST, ['consent', receipt.consentId, ...decision])
    if (subject != null) await query(UPSERT_LATEST, ['subject', subject, ...decision])
    return true
  })

const iso = (value: unknown) => new Date(value as string).toISOString()

/** The newest decision of a subject, in one indexed query; undefined when none is stored. */
export const latestDecision = async (db: Database, subject: string): Promise<LatestDecision | undefined> => {
  const [row] = await db.query<{
    receipt_id: string
    decided_at: unknown
    revision: number
    categories: unknown
    services: unknown
  }>(
    `SELECT receipt_id, decided_at, revision, categories, services FROM consentry_latest WHERE kind = 'subject' AND id = $1`,
    [subject],
  )
  if (!row) return undefined
  return {
    subject,
    categories: row.categories as Record<string, boolean>,
    services: row.services as Record<string, boolean>,
    revision: row.revision,
    receiptId: row.receipt_id,
    updatedAt: iso(row.decided_at),
  }
}

/** Every receipt of a subject, oldest first. */
export const receiptsOf = async (db: Database, subject: string): Promise<StoredReceipt[]> => {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM consentry_receipts WHERE subject = $1 ORDER BY decided_at, receipt_id`,
    [subject],
  )
  return rows.map((row) => ({
    receiptId: row.receipt_id as string,
    consentId: row.consent_id as string,
    subject: row.subject as string | null,
    revision: row.revision as number,
    categories: row.categories as Record<string, boolean>,
    services: row.services as Record<string, boolean>,
    source: row.source as DecisionSource,
    gpc: row.gpc as boolean,
    locale: row.locale as string,
    url: row.url as string,
    decidedAt: iso(row.decided_at),
    receivedAt: iso(row.received_at),
  }))
}
