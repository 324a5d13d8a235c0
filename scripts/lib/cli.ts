import { spawnSync } from 'node:child_process'

const MAX_ATTEMPTS = 3

/**
 * Safety net for the tsx scripts. Under tsx on Node 20, loading the Payload config can stall for
 * good (scripts/lib/preload-lexical.mjs avoids the known cause; the same symptom is reported for
 * `payload run` in payloadcms/payload#17757): the event loop empties and Node would exit 0
 * having done nothing. Rather than report a silent success, run the script again in a fresh
 * process, and fail loudly after a few tries. Call `finished()` once the work is done; a script
 * whose work must not run twice says so with `started()`, and a stall after it is only reported.
 */
export const guardAgainstStall = ({
  task,
  attemptVariable,
  stoppedMessage,
}: {
  task: string
  attemptVariable: string
  stoppedMessage?: string
}) => {
  let started = false
  let finished = false
  process.on('beforeExit', () => {
    if (finished) return
    if (started) {
      console.error(stoppedMessage ?? `The ${task.toLowerCase()} stopped before finishing.`)
      process.exit(1)
    }
    const attempt = Number(process.env[attemptVariable]) || 1
    if (attempt >= MAX_ATTEMPTS) {
      console.error(
        `${task} failed: loading the Payload config stalled ${attempt} times (tsx module loader). Run it again.`,
      )
      process.exit(1)
    }
    console.error(
      `Loading the Payload config stalled; retrying in a new process (attempt ${attempt + 1} of ${MAX_ATTEMPTS}).`,
    )
    const retry = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [attemptVariable]: String(attempt + 1) },
    })
    process.exit(retry.status ?? 1)
  })
  return {
    started: () => void (started = true),
    finished: () => void (finished = true),
  }
}

/** An error for the terminal; Payload's ValidationError lists the offending fields in `data.errors`. */
export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  const detail = fields?.length ? `\n${fields.map((f) => `  - ${f.path}: ${f.message}`).join('\n')}` : ''
  return `${error.message}${detail}`
}
