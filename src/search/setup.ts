/**
 * The search index MongoDB needs, made at start-up (idempotent, so every instance may run this):
 * MongoDB has no migrations. The embedded database's FTS5 tables and PostgreSQL's GIN indexes
 * come from migrations (src/migrations/20261202_190000_search_index.ts,
 * src/migrations/postgres/20261203_073100_search_index.ts).
 */
import type { Payload } from 'payload'

import { SEARCH_SPECS } from './fields'
import { ensureMongoSearchIndex, type MongoModel } from './mongodb'

export const ensureSearchIndexes = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as { name?: string; collections?: Record<string, MongoModel> }
  const specs = Object.values(SEARCH_SPECS)
  try {
    if (db.name === 'mongoose' && db.collections) {
      for (const spec of specs) await ensureMongoSearchIndex(db.collections[spec.collection], spec)
    }
  } catch (error) {
    // Search still answers without the index, only slower: no reason to refuse to start.
    payload.logger.warn({ err: error }, 'Search index not created; search scans instead')
  }
}
