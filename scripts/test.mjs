// `npm test`: make sure the production build is current (browser and server tests run against
// it), then run every test: integration tests on the local API and end-to-end tests against
// `next start` in the system Chromium.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { buildIfStale } from './lib/build.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')

buildIfStale()
const result = spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  },
)
process.exit(result.status ?? 1)
