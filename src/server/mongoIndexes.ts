/**
 * MongoDB indexes for the sorts the public reads actually send. Payload's MongoDB adapter appends
 * `-createdAt` to every sort that is not on a unique field (@payloadcms/db-mongodb's
 * buildSortParam, so results are stable), and `id` becomes `_id`: the archive's
 * `['-publishedAt', '-id']` reaches MongoDB as `{ publishedAt: -1, _id: -1, createdAt: -1 }`.
 * An index serves a sort only when the sort's keys follow its equality keys in order, so the
 * collection's `(_status, publishedAt)` index (which serves the SQL databases) does not; these do.
 * Made at start-up (idempotent, every instance may run it); tests/integration/mongo-design.test.ts
 * checks them against the adapter's own sort building.
 */
import type { Payload } from 'payload'

export type MongoIndex = { collection: string; keys: Record<string, 1 | -1>; name: string }

export const MONGO_SORT_INDEXES: MongoIndex[] = [
  {
    // Archive, home, feeds, topic and partner pages: published releases, newest first, id as tie-break.
    collection: 'press-releases',
    keys: { _status: 1, publishedAt: -1, _id: -1, createdAt: -1 },
    name: 'newsroom_public_newest',
  },
  {
    // A partner's releases (`-publishedAt` alone, so Payload adds only `-createdAt`).
    collection: 'press-releases',
    keys: { _status: 1, publishedAt: -1, createdAt: -1 },
    name: 'newsroom_public_newest_plain',
  },
]

type Model = {
  collection: { createIndex: (keys: Record<string, number>, options: { name: string }) => Promise<unknown> }
}

export const ensureMongoSortIndexes = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as { name?: string; collections?: Record<string, Model> }
  if (db.name !== 'mongoose' || !db.collections) return
  for (const index of MONGO_SORT_INDEXES) {
    try {
      await db.collections[index.collection].collection.createIndex(index.keys, { name: index.name })
    } catch (error) {
      // Reads still answer without it, only slower: no reason to refuse to start.
      payload.logger.warn({ err: error }, `MongoDB index ${index.name} not created`)
    }
  }
}
