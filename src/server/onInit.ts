import type { Migration, Payload } from 'payload'

import { migrations } from '@/migrations'
import { ensureSearchIndexes } from '@/search/setup'

import { keepBusyTimeout } from './database'
import { shouldSeedDemo, usesEmbeddedDatabase } from './env'

/**
 * At start: bring the embedded database up to date (the adapter already does this in
 * production through `prodMigrations`), make the search indexes other databases need, then fill an empty newsroom with the demo content.
 */
export const onInit = async (payload: Payload): Promise<void> => {
  const client = (payload.db as unknown as { client?: Parameters<typeof keepBusyTimeout>[0] }).client
  if (usesEmbeddedDatabase() && client) await keepBusyTimeout(client)
  if (usesEmbeddedDatabase() && process.env.NODE_ENV !== 'production') {
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  await ensureSearchIndexes(payload)
  if (shouldSeedDemo() && (await isEmptyNewsroom(payload))) {
    payload.logger.info('Empty newsroom: loading the demo content')
    // Loaded only when needed: the demo content is not part of every start (or of the CLI).
    const { seedDemoContent } = await import('@/seed')
    await seedDemoContent(payload)
  }
}

/** Nobody has registered and nothing has been written yet. */
const isEmptyNewsroom = async (payload: Payload): Promise<boolean> => {
  for (const collection of ['users', 'press-releases', 'partners'] as const) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) return false
  }
  return true
}
