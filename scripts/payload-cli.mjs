// `npm run payload -- …` (and generate:types, generate:importmap, migrate:create): the Payload
// CLI with lexical preloaded (see lib/preload-lexical.mjs). Under tsx on Node 20 the CLI can
// still stop before loading the config and exit 0 having printed nothing; such a run is
// retried, so a command never reports a silent success.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const ATTEMPTS = 5

for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/payload/bin.js'), ...args], {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: `--no-deprecation --import=${path.join(ROOT, 'scripts/lib/preload-lexical.mjs')}`,
    },
  })
  process.stdout.write(run.stdout ?? '')
  process.stderr.write(run.stderr ?? '')
  const silent = !`${run.stdout}${run.stderr}`.trim()
  if (run.status !== 0 || !silent) process.exit(run.status ?? 1)
  if (attempt < ATTEMPTS)
    console.error(`payload ${args.join(' ')} stopped before loading the config; retrying (${attempt + 1}/${ATTEMPTS})`)
}
console.error(`payload ${args.join(' ')} stopped before loading the config ${ATTEMPTS} times`)
process.exit(1)
