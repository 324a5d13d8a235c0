import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import { migrations as sqliteMigrations } from '@/migrations'
import { migrations as mongoMigrations } from '@/migrations/mongodb'
import { migrations as postgresMigrations } from '@/migrations/postgres'

import { databaseKind, type DatabaseKind, databaseUri } from './env'
import { batchIn, beginInTurn, isRead, runRead, runWrite, type SqlTransaction } from './writeTurns'

/**
 * Each database has its own committed migrations, and only its own: the SQLite set in
 * src/migrations, PostgreSQL's in src/migrations/postgres, MongoDB's (none so far: it needs no
 * schema) in src/migrations/mongodb. Payload reads `migrationDir` for `payload migrate` and
 * `migrate:create` and does not descend into folders, so no adapter ever sees another's files.
 * MIGRATIONS_DIR overrides the folder (the generated-files check works on a copy).
 */
const MIGRATION_DIRS: Record<DatabaseKind, string> = {
  sqlite: 'src/migrations',
  postgres: 'src/migrations/postgres',
  mongodb: 'src/migrations/mongodb',
}

export const committedMigrations = (kind: DatabaseKind = databaseKind()) =>
  ({ sqlite: sqliteMigrations, postgres: postgresMigrations, mongodb: mongoMigrations })[kind]

const migrationDir = (kind: DatabaseKind) =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.MIGRATIONS_DIR || MIGRATION_DIRS[kind])

/**
 * `mongodb://` or `mongodb+srv://` selects MongoDB, `postgres://` or `postgresql://` PostgreSQL
 * (the tested production database, see the README), anything else the embedded SQLite file.
 * Schema changes go through committed migrations only, in every environment (`push: false`).
 */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const uri = databaseUri()
  const kind = databaseKind(uri)
  if (kind === 'mongodb') {
    return mongooseAdapter({
      url: uri,
      // Fail within seconds when the server is unreachable instead of hanging every request.
      connectOptions: { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000 },
      // Wait for the collections' indexes at connect instead of building them in the background:
      // exactly-once (src/jobs/once.ts) rests on the unique index of `once-keys`, which must exist
      // before the first job runs.
      ensureIndexes: true,
      prodMigrations: mongoMigrations,
      migrationDir: migrationDir(kind),
    })
  }
  if (kind === 'postgres') {
    return postgresAdapter({
      // Fail within seconds when the server is unreachable; idle connections are given back.
      pool: { connectionString: uri, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 },
      push: false,
      // No `prodMigrations`: the adapter would run them at connect in every instance at once, and
      // the loser of that race exits. onInit runs them under a lock instead (migrateUnderLock).
      migrationDir: migrationDir(kind),
    })
  }
  const file = sqliteFilePath(uri)
  if (file) mkdirSync(path.dirname(file), { recursive: true })
  return sqliteAdapter({
    client: { url: file ? `file:${file}` : uri },
    push: false,
    prodMigrations: sqliteMigrations,
    migrationDir: migrationDir(kind),
    wal: true,
    busyTimeout: 5000,
    // Off by default in db-sqlite: without it a document's row, its relationship rows and its
    // version are separate commits, and a crash between them leaves a half-written document
    // (tests/e2e/crash.test.ts). IMMEDIATE takes the write lock up front, so concurrent writers
    // wait for each other (busy timeout) instead of failing on a lock upgrade.
    transactionOptions: { behavior: 'immediate' },
  })
}

type PgPool = {
  connect: () => Promise<{ query: (sql: string) => Promise<unknown>; release: () => void }>
}

/** Any number; the same in every instance of the newsroom (PostgreSQL advisory locks are per database). */
const MIGRATION_LOCK = 20_261_203

/**
 * PostgreSQL: the committed migrations, run by one instance at a time. Instances that start
 * together wait on an advisory lock; each then finds what the first one ran and skips it.
 */
export const migrateUnderLock = async (payload: Payload): Promise<void> => {
  const pool = (payload.db as unknown as { pool: PgPool }).pool
  const client = await pool.connect()
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`)
    await payload.db.migrate({ migrations: postgresMigrations as unknown as Migration[] })
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {})
    client.release()
  }
}

/** The SQLite file behind a `file:` URI, resolved against the working directory. */
export const sqliteFilePath = (uri: string = databaseUri()): string | null => {
  if (!uri.startsWith('file:')) return null
  const p = uri.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p)
}

type LibsqlClient = {
  execute: (...args: unknown[]) => Promise<unknown>
  batch: (...args: unknown[]) => Promise<unknown>
  transaction: (...args: unknown[]) => Promise<unknown>
}

type NativeDatabase = { open: boolean; inTransaction: boolean; close: () => void; prepare: (sql: string) => unknown }

/** The native connection a statement last ran on (libsql runs them synchronously). */
let lastConnection: NativeDatabase | null = null

/**
 * libsql's `close()` only lets go of a connection: its file handles are released when the
 * garbage collector finalises it, and with plenty of memory that may not happen before the
 * process runs out of handles. So after every few closed connections, collect garbage.
 */
const COLLECT_EVERY = 50
let closedSinceCollect = 0
let collectGarbage: (() => void) | null | undefined
const afterClose = async () => {
  if (++closedSinceCollect < COLLECT_EVERY) return
  closedSinceCollect = 0
  if (collectGarbage === undefined) {
    try {
      const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')])
      setFlagsFromString('--expose-gc')
      collectGarbage = runInNewContext('gc') as () => void
    } catch {
      collectGarbage = null
    }
  }
  collectGarbage?.()
  // Finalisers (which release the handles) run on a later turn of the event loop: give them one,
  // or a tight loop of writes (a seed, an import) never lets them run.
  await new Promise((resolve) => setImmediate(resolve))
}
const watchConnections = async () => {
  const { default: Database } = (await import('libsql')) as unknown as { default: { prototype: NativeDatabase } }
  const prepare = Database.prototype.prepare
  if ((prepare as { watched?: boolean }).watched) return
  const watched = function (this: NativeDatabase, sql: string) {
    // The connection itself is what we want to remember, not a copy of `this`.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    lastConnection = this
    return prepare.call(this, sql)
  }
  Database.prototype.prepare = Object.assign(watched, { watched: true })
}

/**
 * libsql hands its open connection to each transaction and opens a new one for what follows.
 * Three consequences, all handled here:
 * - the new connection lacks the adapter's `PRAGMA busy_timeout`, so a write on it would fail at
 *   once with SQLITE_BUSY instead of waiting: the timeout is set before its first statement;
 * - the transaction's connection is never closed (its `close()` only rolls back): after a few
 *   thousand writes the process runs out of file handles (SQLITE_CANTOPEN). It is closed here
 *   once the transaction commits or rolls back;
 * - a write on one connection while a transaction of this process holds the lock on another
 *   would wait synchronously, freezing the process: writes take turns first (./writeTurns.ts).
 */
export const manageConnections = async (client: LibsqlClient, ms = 5000): Promise<void> => {
  await watchConnections()
  const { execute, batch, transaction } = client
  let fresh = false
  const ready = async () => {
    if (!fresh) return
    fresh = false
    await execute.call(client, `PRAGMA busy_timeout = ${ms}`)
  }
  client.execute = async (...args) => {
    const alone = async () => (await ready(), execute.apply(client, args))
    return (isRead(args[0]) ? runRead : runWrite)((tx) => tx.execute(...args), alone)
  }
  client.batch = async (stmts, ...rest) =>
    runWrite(
      (tx) => batchIn(tx, stmts as unknown[]),
      async () => (await ready(), batch.call(client, stmts, ...rest)),
    )
  client.transaction = async (...args) =>
    beginInTurn(async () => {
      await ready()
      lastConnection = null
      const pending = transaction.apply(client, args) as Promise<SqlTransaction>
      // BEGIN ran synchronously inside that call, on the connection the transaction keeps.
      const connection = lastConnection as NativeDatabase | null
      const tx = await pending
      fresh = true
      const release = async () => {
        if (!connection?.open || connection.inTransaction) return
        connection.close()
        await afterClose()
      }
      const { commit, rollback, close } = tx
      tx.commit = async () => {
        try {
          await commit.call(tx)
        } finally {
          await release()
        }
      }
      tx.rollback = async () => {
        try {
          await rollback.call(tx)
        } finally {
          await release()
        }
      }
      tx.close = () => {
        close.call(tx)
        void release()
      }
      return tx
    })
}
