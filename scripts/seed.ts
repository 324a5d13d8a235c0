/**
 * `npm run seed`: load (or refresh) the demo content in the database DATABASE_URI names.
 * Safe to run repeatedly; prints one line per collection and exits 0, or 1 on error.
 */

import { spawnSync } from 'node:child_process'

// Before the config loads: the seeding happens here, not again in onInit, and this one-off
// process should not start the job queue's cron.
process.env.SEED_DEMO = 'false'
process.env.PAYLOAD_JOBS_AUTORUN ??= 'false'

const MAX_ATTEMPTS = 3
let finished = false

/**
 * Safety net. Under tsx on Node 20, loading the Payload config can stall for good (see
 * scripts/lib/preload-lexical.mjs, which avoids the known cause; the same symptom is reported for
 * `payload run` in payloadcms/payload#17757): the event loop empties and Node would exit 0
 * having done nothing. Rather than report a silent success, run the script again in a fresh
 * process, and fail loudly after a few tries. Seeding is idempotent, so a retry is safe.
 */
process.on('beforeExit', () => {
  if (finished) return
  const attempt = Number(process.env.SEED_ATTEMPT) || 1
  if (attempt >= MAX_ATTEMPTS) {
    console.error(`Seeding failed: loading the Payload config stalled ${attempt} times (tsx module loader). Run it again.`)
    process.exit(1)
  }
  console.error(`Loading the Payload config stalled; retrying in a new process (attempt ${attempt + 1} of ${MAX_ATTEMPTS}).`)
  const retry = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SEED_ATTEMPT: String(attempt + 1) },
  })
  process.exit(retry.status ?? 1)
})

type Counts = { created: number; updated: number; unchanged: number }

const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  // Payload's ValidationError lists the offending fields in `data.errors`.
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  const detail = fields?.length ? `\n${fields.map((f) => `  - ${f.path}: ${f.message}`).join('\n')}` : ''
  return `${error.message}${detail}`
}

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
    finished = true
    process.exit(0)
  },
  (error: unknown) => {
    finished = true
    console.error(`Seeding failed: ${describeError(error)}`)
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack)
    process.exit(1)
  },
)
