// Production build when none is current: a hash of everything the build reads is stored beside
// the build, and `next build` runs again only when that hash changes.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const INPUTS = [
  'src',
  'collections',
  'public',
  'payload.config.ts',
  'next.config.ts',
  'tsconfig.json',
  // Route handlers import from here (request limits, write flows), so it is part of the build.
  'scripts/server',
  'package-lock.json',
]
const SKIP = new Set(['node_modules', '.next', '.DS_Store'])
const STAMP = path.join(ROOT, '.next', 'source-hash')

const walk = (p, hash) => {
  if (!existsSync(p)) return
  const stat = statSync(p)
  if (stat.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), hash)
  } else {
    hash.update(path.relative(ROOT, p))
    hash.update(readFileSync(p))
  }
}

export const sourceHash = () => {
  const hash = createHash('sha256')
  for (const input of INPUTS) walk(path.join(ROOT, input), hash)
  return hash.digest('hex')
}

export const buildIsCurrent = () =>
  existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash()

export const buildIfStale = () => {
  if (buildIsCurrent()) return
  // The container image is built once (Dockerfile) and carries no compiler: a build that no
  // longer matches its sources there is a broken image, and building at start would hide it.
  if (process.env.NEWSROOM_PREBUILT === 'true') {
    console.error(
      'NEWSROOM_PREBUILT=true, but the production build in .next does not match the sources ' +
        '(.next/source-hash): rebuild the image instead of building at start.',
    )
    process.exit(1)
  }
  console.log('> Building the newsroom for production (next build)…')
  const hash = sourceHash()
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--no-deprecation' },
  })
  if (result.status !== 0) {
    console.error('next build failed')
    process.exit(result.status ?? 1)
  }
  writeFileSync(STAMP, hash)
}
