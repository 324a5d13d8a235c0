import type { Migration, Payload } from 'payload'

import { migrations } from '@/migrations'
import { ensureSearchIndexes } from '@/search/setup'

import { manageConnections, migrateUnderLock } from './database'
import { databaseKind, shouldSeedDemo, usesEmbeddedDatabase } from './env'
import { ensureMongoSortIndexes } from './mongoIndexes'
import { inWriteFlow } from '../../scripts/server/writeFlows.mjs'

/**
 * At start: bring the database up to date (the embedded one: the adapter already does this in
 * production through `prodMigrations`; PostgreSQL: always here, one instance at a time), make
 * the search and sort indexes MongoDB needs, then fill an empty newsroom with the demo content.
 */
export const onInit = async (payload: Payload): Promise<void> => {
  const client = (payload.db as unknown as { client?: Parameters<typeof manageConnections>[0] }).client
  if (usesEmbeddedDatabase() && client) {
    await manageConnections(client)
    eachCallItsOwnFlow(payload)
  }
  if (usesEmbeddedDatabase() && process.env.NODE_ENV !== 'production') {
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  if (databaseKind() === 'postgres') await migrateUnderLock(payload)
  await ensureSearchIndexes(payload)
  await ensureMongoSortIndexes(payload)
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

/** Local API calls that may write, and the jobs runner's: each call is a flow of work (src/server/writeTurns.ts). */
const WRITING_CALLS = [
  'create',
  'update',
  'delete',
  'duplicate',
  'restoreVersion',
  'restoreGlobalVersion',
  'updateGlobal',
  'login',
  'forgotPassword',
  'resetPassword',
  'unlock',
  'verifyEmail',
  'auth',
] as const
const JOB_CALLS = ['queue', 'run', 'runByID', 'handleSchedules'] as const

const eachCallItsOwnFlow = (payload: Payload) => {
  const wrap = (target: Record<string, unknown>, name: string) => {
    const call = target[name]
    if (typeof call !== 'function' || (call as { inFlow?: boolean }).inFlow) return
    target[name] = Object.assign((...args: unknown[]) => inWriteFlow(() => call.apply(target, args)), { inFlow: true })
  }
  for (const name of WRITING_CALLS) wrap(payload as unknown as Record<string, unknown>, name)
  for (const name of JOB_CALLS) wrap(payload.jobs as unknown as Record<string, unknown>, name)
}
