import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freshDatabase } from './payload'

const ROOT = path.resolve(import.meta.dirname, '../..')

export type TestServer = {
  url: string
  dir: string
  /** The server process, for tests that signal it. */
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

export type ServerOptions = {
  /** Serve this folder's database and media (kept on stop) instead of a fresh temporary one. */
  dir?: string
  /** The command to run; `next start` by default, `scripts/start.mjs` as `npm start` does. */
  command?: 'next' | 'npm-start'
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })

/**
 * The production server `npm start` runs (scripts/serve.mjs, the build) on a fresh database (the
 * embedded one in a temporary folder; with TEST_DATABASE=postgres a PostgreSQL database of its
 * own, demo content loaded as the embedded default does), listening on 127.0.0.1. Resolves once
 * /api/health answers 200; stops by PID.
 */
export const startServer = async (
  env: Record<string, string> = {},
  options: ServerOptions = {},
): Promise<TestServer> => {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'newsroom-server-'))
  // A folder given to serve again (a restored backup) holds an embedded database.
  const database =
    options.dir || env.DATABASE_URI
      ? { uri: `file:${path.join(dir, 'newsroom.db')}`, drop: async () => {} }
      : await freshDatabase(dir)
  const onServer = database.uri.startsWith('file:') ? {} : { SEED_DEMO: 'true', PAYLOAD_SECRET: 'test-server-secret' }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let log = ''
  const args =
    options.command === 'npm-start' ? [path.join(ROOT, 'scripts/start.mjs')] : [path.join(ROOT, 'scripts/serve.mjs')]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      // As on a fresh clone: none of the test runner's own settings leak into the server.
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          ([k]) => !k.startsWith('VITEST') && !['SEED_DEMO', 'PAYLOAD_JOBS_AUTORUN', 'TEST'].includes(k),
        ),
      ),
      NODE_ENV: 'production',
      DATABASE_URI: database.uri,
      ...onServer,
      MEDIA_DIR: path.join(dir, 'media'),
      SITE_URL: url,
      PORT: String(port),
      LISTEN_HOST: '127.0.0.1',
      NODE_OPTIONS: '--no-deprecation',
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    await database.drop()
    if (!options.dir) rmSync(dir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`)
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200) return { url, dir, child, output: () => log, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`server did not become healthy in 90 s:\n${log}`)
}
