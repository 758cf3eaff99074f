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

const iso = (value: unknown) => new Date(value as string).toISOString()

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

/** A receipt to store: as received, with its verified subject (or none) and its time of arrival. */
export interface Arrival {
  receipt: ReceivedReceipt
  subject: string | null
  now: Date
}

/** What storing a receipt came to: stored, already stored, or the seconds its consent id must wait. */
export type Outcome = 'stored' | 'duplicate' | number

const RECENT = `SELECT consent_id::text AS consent_id, count(*)::int AS n, min(received_at) AS oldest,
    array_agg(receipt_id::text) FILTER (WHERE receipt_id = ANY($2::uuid[])) AS known
  FROM consentry_receipts WHERE consent_id = ANY($1::uuid[]) AND received_at > $3 GROUP BY consent_id`
const INSERT_RECEIPTS = `INSERT INTO consentry_receipts
    (receipt_id, consent_id, subject, revision, categories, services, source, gpc, locale, url, stated_at, decided_at, received_at)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $7::text[],
    $8::boolean[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[])
  ON CONFLICT (receipt_id) DO NOTHING
  RETURNING receipt_id::text`
const UPSERT_LATEST_ROWS = UPSERT_LATEST.replace(
  /VALUES \(\$1, \$2, \$3, \$4, \$5, \$6, \$7, \$8, \$9\)/,
  `SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[],
    $7::int[], $8::jsonb[], $9::jsonb[])`,
)

/** Columns of rows, for unnest(): one array per column. */
const columns = (rows: unknown[][]) => (rows[0] ?? []).map((_, i) => rows.map((row) => row[i]))

/**
 * Store receipts in one transaction, each under its subject (or none), with its time clamped to its
 * arrival: a receipt dated in the future counts as received then. One statement stores them all,
 * and one each round of newest decisions, however many: the cost of a commit is shared. Answers,
 * in order, `duplicate` for a receipt already stored (or twice in the batch); with `perHour`, the
 * seconds to wait for a receipt whose consent id has had that many in the hour before.
 */
const storeReceipts = (db: Database, arrivals: Arrival[], perHour?: number): Promise<Outcome[]> =>
  db.transaction(async (query) => {
    const outcomes: Outcome[] = arrivals.map(() => 'stored')
    const seen = new Set<string>()
    arrivals.forEach(({ receipt }, i) => {
      if (seen.has(receipt.receiptId)) outcomes[i] = 'duplicate'
      seen.add(receipt.receiptId)
    })
    if (perHour) {
      // Counted in the database, so across every server process; read committed, so receipts of
      // one consent id in flight at once in other transactions may pass the limit by their number.
      const hourAgo = new Date(Math.min(...arrivals.map(({ now }) => now.getTime())) - 3600e3).toISOString()
      const recent = await query<{ consent_id: string; n: number; oldest: unknown; known: string[] | null }>(RECENT, [
        [...new Set(arrivals.map(({ receipt }) => receipt.consentId))],
        [...seen],
        hourAgo,
      ])
      const counts = new Map(recent.map((row) => [row.consent_id, row]))
      arrivals.forEach(({ receipt, now }, i) => {
        if (outcomes[i] != 'stored') return
        const row = counts.get(receipt.consentId.toLowerCase())
        if (!row) {
          counts.set(receipt.consentId.toLowerCase(), { consent_id: receipt.consentId, n: 1, oldest: now, known: [] })
          return
        }
        if (row.known?.includes(receipt.receiptId.toLowerCase())) outcomes[i] = 'duplicate'
        else if (row.n >= perHour)
          outcomes[i] = Math.max(1, Math.ceil((Date.parse(iso(row.oldest)) + 3600e3 - now.getTime()) / 1000))
        else row.n++
      })
    }
    const taken = arrivals.filter((_, i) => outcomes[i] == 'stored')
    if (!taken.length) return outcomes
    const rows = taken.map(({ receipt, subject, now }) => {
      // The browser's own time orders its receipts, but no further than a day ahead of the server's.
      const stated = new Date(Math.min(Date.parse(receipt.timestamp), now.getTime() + 864e5))
      const decidedAt = (stated.getTime() > now.getTime() ? now : stated).toISOString()
      return {
        subject,
        row: [
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
      }
    })
    const rowOf = new Map(rows.map((each) => [each.row[0] as string, each]))
    const inserted = new Set(
      (await query<{ receipt_id: string }>(INSERT_RECEIPTS, columns(rows.map(({ row }) => row)))).map(
        (row) => row.receipt_id,
      ),
    )
    // The newest decisions, in rounds: a key's first receipt of the batch in the first, its second
    // in the next, so that one statement never updates a row twice and the batch ends as the
    // receipts one by one would. Sorted by key, so that concurrent transactions lock in one order.
    const rounds: unknown[][][] = []
    const occurrences = new Map<string, number>()
    const decide = (kind: string, id: string, decision: unknown[]) => {
      const key = `${kind}:${id}`
      const round = occurrences.get(key) ?? 0
      occurrences.set(key, round + 1)
      rounds[round] ??= []
      rounds[round]!.push([kind, id, ...decision])
    }
    arrivals.forEach(({ receipt }, i) => {
      if (outcomes[i] != 'stored') return
      if (!inserted.has(receipt.receiptId.toLowerCase())) {
        outcomes[i] = 'duplicate'
        return
      }
      const { subject, row } = rowOf.get(receipt.receiptId)!
      const decision = [row[0], row[1], row[10], row[11], row[3], row[4], row[5]]
      decide('consent', receipt.consentId, decision)
      if (subject != null) decide('subject', subject, decision)
    })
    for (const round of rounds) {
      round.sort((a, b) => (`${a[0]}:${a[1]}` < `${b[0]}:${b[1]}` ? -1 : 1))
      await query(UPSERT_LATEST_ROWS, columns(round))
    }
    return outcomes
  })

/**
 * Batch the receipts that arrive while a batch is being stored: one transaction at a time, each
 * taking every receipt that waited (up to `maxBatch`). A batch that fails is stored again receipt
 * by receipt, so that one receipt's failure is its own.
 */
export const createReceiptWriter = (db: Database, perHour?: number, maxBatch = 500) => {
  let waiting: { arrival: Arrival; done: (outcome: Outcome) => void; failed: (error: unknown) => void }[] = []
  let writing = false
  const write = async () => {
    while (waiting.length) {
      const batch = waiting.slice(0, maxBatch)
      waiting = waiting.slice(maxBatch)
      try {
        const outcomes = await storeReceipts(
          db,
          batch.map(({ arrival }) => arrival),
          perHour,
        )
        for (const [i, { done }] of batch.entries()) done(outcomes[i]!)
      } catch {
        for (const { arrival, done, failed } of batch)
          await storeReceipts(db, [arrival], perHour).then(([outcome]) => done(outcome!), failed)
      }
    }
    writing = false
  }
  return (arrival: Arrival) =>
    new Promise<Outcome>((done, failed) => {
      waiting.push({ arrival, done, failed })
      if (writing) return
      writing = true
      // Not at once: the requests read in this turn of the event loop join the batch. PGlite
      // answers without yielding to I/O, so at once would store every receipt on its own.
      setImmediate(write)
    })
}

interface LatestRow {
  id: string
  receipt_id: string
  decided_at: unknown
  revision: number
  categories: unknown
  services: unknown
}
const LATEST_OF_SUBJECTS = `SELECT id, receipt_id, decided_at, revision, categories, services FROM consentry_latest
  WHERE kind = 'subject' AND id = ANY($1::text[])`
const decisionOf = (row: LatestRow): LatestDecision => ({
  subject: row.id,
  categories: row.categories as Record<string, boolean>,
  services: row.services as Record<string, boolean>,
  revision: row.revision,
  receiptId: row.receipt_id,
  updatedAt: iso(row.decided_at),
})

/** The newest decision of each subject that has one, in one indexed query. */
export const latestDecisions = async (db: Database, subjects: string[]): Promise<Map<string, LatestDecision>> => {
  const rows = await db.query<LatestRow>(LATEST_OF_SUBJECTS, [subjects])
  return new Map(rows.map((row) => [row.id, decisionOf(row)]))
}

/** The newest decision of a subject, in one indexed query; undefined when none is stored. */
export const latestDecision = async (db: Database, subject: string): Promise<LatestDecision | undefined> =>
  (await latestDecisions(db, [subject])).get(subject)

const toStored = (row: Record<string, unknown>): StoredReceipt => ({
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
})

/** Every receipt of a subject, oldest first. */
export const receiptsOf = async (db: Database, subject: string): Promise<StoredReceipt[]> => {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM consentry_receipts WHERE subject = $1 ORDER BY decided_at, receipt_id`,
    [subject],
  )
  return rows.map(toStored)
}

/**
 * Where a page of receipts ends: the last one's time, as PostgreSQL writes it (to the
 * microsecond), and its id. Receipts are ordered by both, so a page never repeats or skips one.
 */
export type Position = [decidedAt: string, receiptId: string]

/** Receipts in order after `after`: of one subject, or decided within [from, to). At most `limit`. */
export const receiptsPage = async (
  db: Database,
  where: { subject: string } | { from: string; to: string },
  after: Position | undefined,
  limit: number,
): Promise<{ receipts: StoredReceipt[]; last: Position | undefined }> => {
  const params: unknown[] = []
  const conditions: string[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  if ('subject' in where) conditions.push(`subject = ${param(where.subject)}`)
  else
    conditions.push(`decided_at >= ${param(where.from)}::timestamptz AND decided_at < ${param(where.to)}::timestamptz`)
  if (after) conditions.push(`(decided_at, receipt_id) > (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`)
  const rows = await db.query<Record<string, unknown>>(
    `SELECT *, decided_at::text AS position FROM consentry_receipts WHERE ${conditions.join(' AND ')}
     ORDER BY decided_at, receipt_id LIMIT ${param(limit)}`,
    params,
  )
  const end = rows[rows.length - 1]
  return { receipts: rows.map(toStored), last: end && [end.position as string, end.receipt_id as string] }
}

/**
 * Where the change feed stands: the transaction that stored the last receipt read, and the
 * receipt's place in it (both PostgreSQL bigints, as text).
 */
export type FeedPosition = [tx: string, seq: string]

/** The feed's start: before every receipt. */
export const FEED_START: FeedPosition = ['0', '0']

// Every receipt in the order of the transactions that stored them, up to the oldest transaction
// still open (the snapshot's xmin): a transaction that began earlier but commits later would
// otherwise be passed by a reader and never read. Transactions below the xmin have all ended, and
// every one to come has a larger id, so a cursor below it never misses a receipt. One statement,
// so that the xmin and the rows come from the same snapshot.
const FEED = `SELECT *, tx::text AS feed_tx, seq::text AS feed_seq FROM consentry_receipts
  WHERE (tx, seq) > ($1::bigint, $2::bigint) AND tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
  ORDER BY tx, seq LIMIT $3`

/** The receipts stored after `after`, in the feed's order, at most `limit`, and where they end. */
export const decisionsAfter = async (
  db: Database,
  after: FeedPosition,
  limit: number,
): Promise<{ decisions: StoredReceipt[]; next: FeedPosition }> => {
  const rows = await db.query<Record<string, unknown>>(FEED, [after[0], after[1], limit])
  const end = rows[rows.length - 1]
  return {
    decisions: rows.map(toStored),
    next: end ? [end.feed_tx as string, end.feed_seq as string] : after,
  }
}

/** What an erasure did: the receipts it unlinked from the subject, and whether a newest decision was removed. */
export interface Erasure {
  receipts: number
  decision: boolean
}

/**
 * Erase a subject (GDPR Art. 17): its receipts lose the subject and their page's query and
 * fragment (where a link's parameters would name the contact), and stay as an anonymous
 * visitor's receipts; its newest decision is removed. Recorded as an erasure, with its time and
 * count and without the subject. Idempotent: a second call unlinks nothing.
 */
export const eraseSubject = (db: Database, subject: string, now: Date): Promise<Erasure> =>
  db.transaction(async (query) => {
    const [changed] = await query<{ n: number }>(
      `WITH unlinked AS (
         UPDATE consentry_receipts SET subject = NULL, url = regexp_replace(url, '[?#].*$', '')
         WHERE subject = $1 RETURNING 1)
       SELECT count(*)::int AS n FROM unlinked`,
      [subject],
    )
    const removed = await query(`DELETE FROM consentry_latest WHERE kind = 'subject' AND id = $1 RETURNING id`, [
      subject,
    ])
    const erasure = { receipts: changed?.n ?? 0, decision: removed.length > 0 }
    await query('INSERT INTO consentry_erasures (erased_at, receipts) VALUES ($1, $2)', [
      now.toISOString(),
      erasure.receipts,
    ])
    return erasure
  })

/**
 * Delete the receipts that the retention period no longer covers: a receipt is kept while it is
 * relied on (the newest decision of its browser or of its contact) and for `retentionDays` after a
 * newer decision replaced it, for its browser and, where it has one, for its contact. Returns how
 * many were deleted.
 */
export const pruneReceipts = async (db: Database, retentionDays: number, now: Date): Promise<number> => {
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new Error(`consentry: retentionDays: expected a whole number of days, at least 1 (got ${retentionDays})`)
  const cutoff = new Date(now.getTime() - retentionDays * 864e5).toISOString()
  const [deleted] = await db.query<{ n: number }>(
    `WITH pruned AS (
       DELETE FROM consentry_receipts r
       WHERE NOT EXISTS (SELECT 1 FROM consentry_latest l WHERE l.receipt_id = r.receipt_id)
         AND EXISTS (SELECT 1 FROM consentry_receipts n
           WHERE n.consent_id = r.consent_id AND n.decided_at > r.decided_at AND n.decided_at < $1)
         AND (r.subject IS NULL OR EXISTS (SELECT 1 FROM consentry_receipts n
           WHERE n.subject = r.subject AND n.decided_at > r.decided_at AND n.decided_at < $1))
       RETURNING 1)
     SELECT count(*)::int AS n FROM pruned`,
    [cutoff],
  )
  return deleted?.n ?? 0
}
