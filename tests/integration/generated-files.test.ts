import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const scratch = mkdtempSync(path.join(tmpdir(), 'newsroom-generated-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// The CLI must not think it runs inside Vitest (Payload then changes how it imports the config).
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')),
) as NodeJS.ProcessEnv

/**
 * Runs the Payload CLI and insists on seeing `expected` in its output: under tsx on Node 20 the
 * config sometimes never finishes loading and the CLI exits 0 having done nothing (see
 * scripts/lib/preload-lexical.mjs), which would make these checks pass without checking. Such a run
 * is retried; a run that prints the line but fails is an error.
 */
const payloadCli = (args: string[], expected: RegExp, env: Record<string, string> = {}) => {
  let output = ''
  for (let attempt = 1; attempt <= 4; attempt++) {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/payload/bin.js'), ...args], {
      cwd: ROOT,
      env: {
        ...cleanEnv,
        NODE_OPTIONS: `--no-deprecation --import=${path.join(ROOT, 'scripts/lib/preload-lexical.mjs')}`,
        DATABASE_URI: `file:${path.join(scratch, 'cli.db')}`,
        PAYLOAD_SECRET: 'generated-files-check',
        TSX_DISABLE_CACHE: '1',
        ...env,
      } as NodeJS.ProcessEnv,
      timeout: 90_000,
      encoding: 'utf8',
    })
    output = `${run.stdout}${run.stderr}`
    if (run.status !== 0) throw new Error(`payload ${args.join(' ')} failed:\n${output}`)
    if (expected.test(output)) return output
  }
  throw new Error(`payload ${args.join(' ')} never got as far as its work:\n${output}`)
}

/** Runs a generator and reports whether it changed the committed file (restoring it either way). */
const regenerate = (file: string, args: string[], expected: RegExp) => {
  const full = path.join(ROOT, file)
  const committed = readFileSync(full, 'utf8')
  try {
    payloadCli(args, expected)
    return readFileSync(full, 'utf8')
  } finally {
    writeFileSync(full, committed)
  }
}

describe('generated files are committed and current', () => {
  it('payload-types.ts matches `payload generate:types`', () => {
    const file = 'src/payload-types.ts'
    expect(regenerate(file, ['generate:types'], /Compiling TS types/), `run: npm run generate:types`).toBe(
      readFileSync(path.join(ROOT, file), 'utf8'),
    )
  })

  it('the admin import map matches `payload generate:importmap`', () => {
    const file = 'src/app/(payload)/admin/importMap.js'
    expect(regenerate(file, ['generate:importmap'], /import map/i), `run: npm run generate:importmap`).toBe(
      readFileSync(path.join(ROOT, file), 'utf8'),
    )
  })

  // migrate:create compares the schema with the folder's latest snapshot: no database is needed,
  // so PostgreSQL's migrations are checked here even where no PostgreSQL server runs.
  it.each([
    {
      database: 'SQLite',
      folder: 'src/migrations',
      uri: `file:${path.join(scratch, 'cli.db')}`,
      command: 'migrate:create',
    },
    {
      database: 'PostgreSQL',
      folder: 'src/migrations/postgres',
      uri: 'postgres://drift-check@127.0.0.1:1/newsroom',
      command: 'migrate:create:postgres',
    },
  ])('the committed $database migrations describe the current schema', ({ database, folder, uri, command }) => {
    const dir = path.join(scratch, `migrations-${database}`)
    cpSync(path.join(ROOT, folder), dir, { recursive: true })
    const before = readdirSync(dir).sort()
    payloadCli(['migrate:create', 'drift-check', '--skip-empty'], /generating UP statements/, {
      MIGRATIONS_DIR: dir,
      DATABASE_URI: uri,
    })
    expect(readdirSync(dir).sort(), `the schema changed: run \`npm run ${command} -- NAME\``).toEqual(before)
  })
})
