// `npm start`: build for production if the build is missing or stale, check the database is
// reachable, then serve on PORT (default 3000), and keep serving: this process supervises the
// server (scripts/serve.mjs) and starts it again, with back-off, should it die (a crash, the
// kernel's out-of-memory killer, a stray `kill -9`), saying why in the log.
//
// Stopping: SIGTERM or SIGINT to this process (or to npm, which passes it on: package.json runs
// this with `exec`, so no shell stands between them) lets the server finish the requests in flight
// and exit, then exits 0. Under npm, should npm itself go away (SIGKILL), the server is stopped the
// same way rather than left running without it; should this process die, the server notices its
// IPC channel close and stops itself.
import { spawn } from 'node:child_process'
import path from 'node:path'

import { buildIfStale } from './lib/build.mjs'
import { checkDatabaseReachable } from './lib/preflight.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const port = process.env.PORT || '3000'

/** The first wait before a restart; each further restart in a row waits twice as long, up to MAX. */
const FIRST_DELAY_MS = 1000
const MAX_DELAY_MS = 30_000
/** A server that stayed up this long starts the back-off again from the first wait. */
const STABLE_AFTER_MS = 60_000
/** serve.mjs stops within 10 s of a signal; past this it is killed. */
const STOP_DEADLINE_MS = 15_000

await checkDatabaseReachable(process.env.DATABASE_URI || '')
buildIfStale()

const log = (message) => console.error(`[npm start] ${message}`)
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`

let server = null
let stopping = null
let everReady = false
let delay = FIRST_DELAY_MS
let restarts = 0
let restartTimer

const startServer = () => {
  const startedAt = Date.now()
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
    cwd: ROOT,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      PORT: port,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // The operator's own options (a heap limit, say) are kept.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-deprecation'].filter(Boolean).join(' '),
      // glibc gives each thread that allocates its own malloc arena (64 MB reserved each); the
      // server's native threads (SQLite, sharp, the thread pool) left 100-200 MB of RSS in them
      // for nothing. Two arenas cost no measurable throughput (README "Benchmark").
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    },
  })
  server = child
  child.on('message', (message) => {
    if (message?.newsroom === 'ready') everReady = true
  })
  child.on('exit', (code, signal) => {
    server = null
    if (stopping) {
      // The server finishes the requests in flight, then exits 0; should it end by the signal
      // instead (128 + its number), a shutdown that was asked for is still a success.
      process.exit(code === 0 || code === 130 || code === 143 || signal === stopping ? 0 : (code ?? 1))
    }
    const why = signal ? `was killed by ${signal}` : `exited with code ${code}`
    if (!everReady) {
      // It never served (a configuration it cannot start with): restarting would fail the same way.
      log(`The server ${why} before it was ready; not restarting it.`)
      process.exit(code ?? 1)
    }
    const upFor = Date.now() - startedAt
    if (upFor >= STABLE_AFTER_MS) delay = FIRST_DELAY_MS
    restarts += 1
    log(
      `The server (pid ${child.pid}) ${why} after ${seconds(upFor)} up; restarting it in ${seconds(delay)} (restart ${restarts}).`,
    )
    restartTimer = setTimeout(startServer, delay)
    delay = Math.min(delay * 2, MAX_DELAY_MS)
  })
}

const stop = (signal, reason) => {
  if (stopping) return
  stopping = signal
  clearTimeout(restartTimer)
  if (reason) log(`${reason}: stopping the server.`)
  if (!server) process.exit(0)
  server.kill(signal)
  setTimeout(() => {
    log(`The server did not stop within ${seconds(STOP_DEADLINE_MS)}: killing it.`)
    server?.kill('SIGKILL')
  }, STOP_DEADLINE_MS).unref()
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal))

// Under npm: npm passes SIGTERM on to us, but if it is killed outright we are handed to another
// parent; a server nobody can stop through npm any more is stopped.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM', `npm (pid ${parent}), which started this, is gone`)
  }, 500).unref()
}

startServer()
