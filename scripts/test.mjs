// `npm test`: make sure the production build is current (browser and server tests run against
// it), then run every test: integration tests on the local API and end-to-end tests against
// `next start` in the system Chromium, on the embedded database; then the PostgreSQL pass, the
// part of the suite listed in tests/postgres-subset.mjs once more with each test file on a
// PostgreSQL database of its own. The PostgreSQL server is TEST_POSTGRES_URL (a superuser's URL;
// `.ci/run` starts one), or else a throw-away cluster started here when PostgreSQL is installed.
// Without either the PostgreSQL pass fails, unless TEST_POSTGRES=skip says to leave it out.
// Arguments (`npm test -- FILE…`) run only those files, on the embedded database.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { POSTGRES_TESTS } from '../tests/postgres-subset.mjs'
import { buildIfStale } from './lib/build.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)

const vitest = (files, env = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  }).status ?? 1

const cluster = path.join(ROOT, 'scripts/ci/postgres.sh')

/** TEST_POSTGRES_URL, or a cluster of our own (with the function that stops it), or null when PostgreSQL is missing. */
const postgresServer = () => {
  if (process.env.TEST_POSTGRES_URL) return { url: process.env.TEST_POSTGRES_URL, stop: () => {} }
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-pg-'))
  const port = String(55_000 + Math.floor(Math.random() * 5000))
  const started = spawnSync('bash', [cluster, 'start', dir, port], { encoding: 'utf8' })
  if (started.status !== 0) {
    console.error(`\n> PostgreSQL pass NOT run: ${started.stderr.trim() || 'the cluster did not start'}`)
    console.error('> Install PostgreSQL (apt-get install postgresql) or set TEST_POSTGRES_URL (.ci/run does both),')
    console.error('> or set TEST_POSTGRES=skip to leave it out knowingly.')
    spawnSync('bash', [cluster, 'stop', dir])
    return null
  }
  return { url: started.stdout.trim(), stop: () => spawnSync('bash', [cluster, 'stop', dir], { stdio: 'inherit' }) }
}

buildIfStale()
const embedded = vitest(args)
if (args.length) process.exit(embedded)

if (process.env.TEST_POSTGRES === 'skip') {
  console.log('\n> The PostgreSQL pass is skipped (TEST_POSTGRES=skip)')
  process.exit(embedded)
}
let onPostgres = 1
const server = postgresServer()
if (server) {
  try {
    console.log(`\n> The PostgreSQL pass: ${POSTGRES_TESTS.length} test files on PostgreSQL`)
    onPostgres = vitest(POSTGRES_TESTS, { TEST_DATABASE: 'postgres', TEST_POSTGRES_URL: server.url })
  } finally {
    server.stop()
  }
}
process.exit(embedded || onPostgres)
