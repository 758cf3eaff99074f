import { mkdir } from 'node:fs/promises'
import type { PGlite } from '@electric-sql/pglite'
import type { Pool } from 'pg'
import receipts from './migrations/0001-receipts.sql?raw'
import erasures from './migrations/0002-erasures.sql?raw'
import byTime from './migrations/0003-receipts-by-time.sql?raw'
import feed from './migrations/0004-decisions-feed.sql?raw'

/** One query: rows of objects. */
export type Query = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>

/** PostgreSQL or PGlite behind one small interface. */
export interface Database {
  /** Run one parameterised statement (`$1`, `$2`, …) and return its rows. */
  query: Query
  /** Run `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>
  /** End the pool or the embedded database. */
  close(): Promise<void>
}

/** The versioned migrations, in order; each runs once, in a transaction. */
const MIGRATIONS: [number, string][] = [
  [1, receipts],
  [2, erasures],
  [3, byTime],
  [4, feed],
]

/** The version of the newest migration: a database is ready once it is applied. */
export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1]![0]

const fromPglite = (db: PGlite): Database => ({
  query: async (text, params) => (await db.query(text, params)).rows as never,
  transaction: (work) =>
    db.transaction((tx) => work(async (text, params) => (await tx.query(text, params)).rows as never)),
  close: () => db.close(),
})

const fromPool = (pool: Pool): Database => {
  // An idle connection the server closes (restart, failover, timeout) must not end the process.
  pool.on('error', (error) => console.error('consentry server: a database connection was lost:', error.message))
  return {
    query: async (text, params) => (await pool.query(text, params)).rows,
    async transaction(work) {
      const client = await pool.connect()
      let broken = false
      try {
        await client.query('BEGIN')
        const result = await work(async (text, params) => (await client.query(text, params)).rows)
        await client.query('COMMIT')
        return result
      } catch (error) {
        // A ROLLBACK that fails too must not hide the first error; that connection is dropped.
        await client.query('ROLLBACK').catch(() => {
          broken = true
        })
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}

// The drivers are optional peer dependencies: a browser-only install needs neither.
const load = async <T>(importer: () => Promise<T>, name: string): Promise<T> => {
  try {
    return await importer()
  } catch (error) {
    throw new Error(`consentry: openDatabase needs the ${name} package: npm install ${name}`, { cause: error })
  }
}

/** Apply the migrations this database has not seen. Returns the versions applied. */
export const migrate = async (db: Database): Promise<number[]> => {
  const applied: number[] = []
  for (const [version, sql] of MIGRATIONS) {
    const done = await db.transaction(async (query) => {
      // A lock taken before anything else, so that two servers starting at once neither both
      // create the table nor both apply a migration.
      await query('SELECT pg_advisory_xact_lock(727376)')
      await query(
        'CREATE TABLE IF NOT EXISTS consentry_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      )
      if ((await query('SELECT 1 FROM consentry_migrations WHERE version = $1', [version])).length) return false
      for (const statement of sql.split(/;\s*$/m).filter((part) => part.trim())) await query(statement)
      await query('INSERT INTO consentry_migrations (version) VALUES ($1)', [version])
      return true
    })
    if (done) applied.push(version)
  }
  return applied
}

/**
 * Open the consent database and apply its migrations: `postgres://…` (or `postgresql://…`) is a
 * PostgreSQL server, through `pg`; a folder, or `memory://`, is an embedded PGlite database.
 *
 * @example
 * ```ts
 * const db = await openDatabase(process.env.DATABASE_URL ?? './data/consent')
 * ```
 */
export const openDatabase = async (
  location: string,
  { migrations = true }: { migrations?: boolean } = {},
): Promise<Database> => {
  const where = location.trim()
  if (!where) throw new Error('consentry: openDatabase needs a postgres:// URL, memory:// or a folder')
  let db: Database
  if (/^postgres(ql)?:\/\//i.test(where)) {
    const { default: pg } = await load(() => import('pg'), 'pg')
    db = fromPool(new pg.Pool({ connectionString: where }))
  } else if (/^[a-z][a-z\d+.-]*:/i.test(where) && !where.startsWith('memory://')) {
    // Not shown: a mistyped URL may carry a password.
    throw new Error('consentry: openDatabase takes postgres:// (or postgresql://), memory:// or a folder')
  } else {
    const { PGlite } = await load(() => import('@electric-sql/pglite'), '@electric-sql/pglite')
    // A folder is created as needed; it belongs to one process at a time.
    if (!where.startsWith('memory://')) await mkdir(where, { recursive: true })
    db = fromPglite(await PGlite.create(where))
  }
  if (migrations) await migrate(db)
  return db
}
