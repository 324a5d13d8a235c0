import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '@/migrations'

import { databaseUri, isMongoUri, sqliteFilePath } from './env'

/**
 * `mongodb://` or `mongodb+srv://` selects MongoDB (production, see docker-compose.yml);
 * anything else is the embedded SQLite database, migrated from the committed migrations.
 */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const uri = databaseUri()
  if (isMongoUri(uri)) {
    return mongooseAdapter({
      url: uri,
      // Fail within seconds when the server is unreachable instead of hanging every request.
      connectOptions: { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000 },
    })
  }
  const file = sqliteFilePath(uri)
  if (file) mkdirSync(path.dirname(file), { recursive: true })
  return sqliteAdapter({
    client: { url: file ? `file:${file}` : uri },
    // Schema changes go through committed migrations only, in every environment.
    push: false,
    prodMigrations: migrations,
    migrationDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.MIGRATIONS_DIR || 'src/migrations'),
    wal: true,
    busyTimeout: 5000,
    // Off by default in db-sqlite: without it a document's row, its relationship rows and its
    // version are separate commits, and a crash between them leaves a half-written document
    // (tests/e2e/crash.test.ts). IMMEDIATE takes the write lock up front, so concurrent writers
    // wait for each other (busy timeout) instead of failing on a lock upgrade.
    transactionOptions: { behavior: 'immediate' },
  })
}

type LibsqlClient = {
  execute: (...args: unknown[]) => Promise<unknown>
  batch: (...args: unknown[]) => Promise<unknown>
  transaction: (...args: unknown[]) => Promise<unknown>
}

/**
 * libsql hands its open connection to each transaction and opens a new one for what follows,
 * without the adapter's `PRAGMA busy_timeout`: a write on it would fail at once with
 * SQLITE_BUSY instead of waiting for a concurrent one. This sets the timeout on every new
 * connection before its first statement.
 */
export const keepBusyTimeout = (client: LibsqlClient, ms = 5000): void => {
  const { execute, batch, transaction } = client
  let fresh = false
  const ready = async () => {
    if (!fresh) return
    fresh = false
    await execute.call(client, `PRAGMA busy_timeout = ${ms}`)
  }
  client.execute = async (...args) => (await ready(), execute.apply(client, args))
  client.batch = async (...args) => (await ready(), batch.apply(client, args))
  client.transaction = async (...args) => {
    await ready()
    const tx = await transaction.apply(client, args)
    fresh = true
    return tx
  }
}
