// `npm start`: build for production if the build is missing or stale, check the database is
// reachable, then serve on PORT (default 3000).
import { spawn } from 'node:child_process'
import path from 'node:path'

import { buildIfStale } from './lib/build.mjs'
import { checkDatabaseReachable } from './lib/preflight.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const port = process.env.PORT || '3000'

await checkDatabaseReachable(process.env.DATABASE_URI || '')
buildIfStale()

const server = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: '--no-deprecation',
  },
})
// The server finishes the requests in flight, then exits 0 (scripts/serve.mjs); should it end by
// the signal instead (128 + its number), a shutdown that was asked for is still reported as success.
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true
    server.kill(signal)
  })
}
server.on('exit', (code, signal) => {
  if (stopping && (code === 130 || code === 143)) process.exit(0)
  process.exit(code ?? (signal ? 1 : 0))
})
