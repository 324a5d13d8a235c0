/**
 * `npm run worker`: the deployment's one job runner. Runs the jobs queue (scheduled publishes,
 * embargo lifts, webhook deliveries) on the same schedule the web server would, against the
 * database DATABASE_URI names, until SIGTERM/SIGINT. Web instances then run with
 * PAYLOAD_JOBS_AUTORUN=false. A second worker (or a web instance left autorunning) never sends
 * anything twice (src/jobs/once.ts), it only wastes work.
 */

import { describeError, guardAgainstStall } from './lib/cli'

// Before the config loads: this process exists to run the queue, and never seeds.
process.env.PAYLOAD_JOBS_AUTORUN = 'true'
process.env.SEED_DEMO = 'false'

const guard = guardAgainstStall({ task: 'The worker', attemptVariable: 'WORKER_ATTEMPT' })

const main = async (): Promise<void> => {
  await import('./lib/preload-lexical.mjs')
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config, cron: true })
  guard.finished()
  console.log('Worker running the jobs queue')
  // Croner's timers keep the process alive; stop them and disconnect on a signal.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`Worker stopping (${signal})`)
      void payload.destroy().finally(() => process.exit(0))
    })
  }
}

main().catch((error: unknown) => {
  guard.finished()
  console.error(`Worker failed to start: ${describeError(error)}`)
  process.exit(1)
})
