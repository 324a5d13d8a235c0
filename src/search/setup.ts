/**
 * The search index each database needs, made at start-up where no migration makes it: on
 * PostgreSQL the GIN expression indexes (`CREATE INDEX IF NOT EXISTS`), on MongoDB the text
 * indexes. Both are idempotent, so every instance may run this. The embedded database's FTS5
 * tables come from a migration (src/migrations/20261202_190000_search_index.ts).
 */
import type { Payload } from 'payload'

import { SEARCH_SPECS } from './fields'
import { ensureMongoSearchIndex, type MongoModel } from './mongodb'
import { type PgPool, pgSearchIndexStatements } from './postgres'

export const ensureSearchIndexes = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as { name?: string; pool?: PgPool; collections?: Record<string, MongoModel> }
  const specs = Object.values(SEARCH_SPECS)
  try {
    if (db.name === 'postgres' && db.pool) {
      for (const statement of pgSearchIndexStatements(specs)) await db.pool.query(statement)
    } else if (db.name === 'mongoose' && db.collections) {
      for (const spec of specs) await ensureMongoSearchIndex(db.collections[spec.collection], spec)
    }
  } catch (error) {
    // Search still answers without the index, only slower: no reason to refuse to start.
    payload.logger.warn({ err: error }, 'Search index not created; search scans instead')
  }
}
