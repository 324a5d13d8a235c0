import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const scratch = mkdtempSync(path.join(tmpdir(), 'newsroom-generated-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// The CLI must not think it runs inside Vitest (Payload then changes how it imports the config).
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))

const payloadCli = (args: string[], env: Record<string, string> = {}) => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/payload/bin.js'), ...args], {
    cwd: ROOT,
    env: {
      ...cleanEnv,
      NODE_OPTIONS: '--no-deprecation',
      DATABASE_URI: `file:${path.join(scratch, 'cli.db')}`,
      PAYLOAD_SECRET: 'generated-files-check',
      TSX_DISABLE_CACHE: '1',
      ...env,
    } as NodeJS.ProcessEnv,
    timeout: 90_000,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`payload ${args.join(' ')} failed:\n${run.stderr}${run.stdout}`)
  return run.stdout
}

/** Runs a generator and reports whether it changed the committed file (restoring it either way). */
const regenerate = (file: string, args: string[]) => {
  const full = path.join(ROOT, file)
  const committed = readFileSync(full, 'utf8')
  try {
    payloadCli(args)
    return readFileSync(full, 'utf8')
  } finally {
    writeFileSync(full, committed)
  }
}

describe('generated files are committed and current', () => {
  it('payload-types.ts matches `payload generate:types`', () => {
    const file = 'src/payload-types.ts'
    expect(regenerate(file, ['generate:types']), `run: npm run generate:types`).toBe(
      readFileSync(path.join(ROOT, file), 'utf8'),
    )
  })

  it('the admin import map matches `payload generate:importmap`', () => {
    const file = 'src/app/(payload)/admin/importMap.js'
    expect(regenerate(file, ['generate:importmap']), `run: npm run generate:importmap`).toBe(
      readFileSync(path.join(ROOT, file), 'utf8'),
    )
  })

  it('the committed migrations describe the current schema', () => {
    const dir = path.join(scratch, 'migrations')
    cpSync(path.join(ROOT, 'src/migrations'), dir, { recursive: true })
    const before = readdirSync(dir).sort()
    payloadCli(['migrate:create', 'drift-check', '--skip-empty'], { MIGRATIONS_DIR: dir })
    expect(readdirSync(dir).sort(), 'the schema changed: run `npm run migrate:create -- NAME`').toEqual(before)
  })
})
