/**
 * `npm run seed`: load (or refresh) the demo content in the database DATABASE_URI names.
 * Safe to run repeatedly; prints one line per collection and exits 0, or 1 on error.
 */

import { describeError, guardAgainstStall } from './lib/cli'

// Before the config loads: the seeding happens here, not again in onInit, and this one-off
// process should not start the job queue's cron.
process.env.SEED_DEMO = 'false'
process.env.PAYLOAD_JOBS_AUTORUN ??= 'false'

// Seeding is idempotent, so a stalled start is simply retried.
const guard = guardAgainstStall({ task: 'Seeding', attemptVariable: 'SEED_ATTEMPT' })

type Counts = { created: number; updated: number; unchanged: number }

const main = async (): Promise<void> => {
  await import('./lib/preload-lexical.mjs')
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { seedDemoContent } = await import('../src/seed')

  const payload = await getPayload({ config })
  try {
    const report = await seedDemoContent(payload)
    const width = Math.max(...Object.keys(report).map((c) => c.length))
    console.log('Demo content:')
    for (const [collection, counts] of Object.entries(report) as [string, Counts][]) {
      console.log(
        `  ${collection.padEnd(width)}  ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
      )
    }
  } finally {
    await payload.destroy().catch(() => undefined)
  }
}

main().then(
  () => {
    guard.finished()
    process.exit(0)
  },
  (error: unknown) => {
    guard.finished()
    console.error(`Seeding failed: ${describeError(error)}`)
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack)
    process.exit(1)
  },
)
