/**
 * `npm start` keeps the newsroom up and stops it cleanly, tested on the real process tree
 * (npm → node scripts/start.mjs → node scripts/serve.mjs): a server killed outright is started
 * again, with a log line saying why; SIGTERM to npm, to the supervisor, or npm killed outright,
 * leaves no process behind.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { freePort } from '../helpers/server'

const ROOT = path.resolve(import.meta.dirname, '../..')
const dirs: string[] = []
const started: number[] = []

type NpmStart = { npm: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }

/** `npm start` on a fresh embedded database; resolves once /api/health answers. */
const npmStart = async (): Promise<NpmStart> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-supervisor-'))
  dirs.push(dir)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let log = ''
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('npm_')),
      ),
      DATABASE_URI: `file:${path.join(dir, 'newsroom.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      SITE_URL: url,
      PORT: String(port),
      LISTEN_HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      PAYLOAD_JOBS_AUTORUN: 'false',
      NODE_ENV: 'production',
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(npm.pid!)
  npm.stdout?.on('data', (d) => (log += d))
  npm.stderr?.on('data', (d) => (log += d))
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)))
  await healthy(
    url,
    () => npm.exitCode !== null,
    () => log,
  )
  return { npm, url, output: () => log, exited }
}

const healthy = async (url: string, gone: () => boolean, output: () => string) => {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`npm start exited:\n${output()}`)
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).status === 200) return
    } catch {
      // not listening (yet, or again)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no healthy server within 120 s:\n${output()}`)
}

/** Every process below `pid`, with its command line. */
const descendants = (pid: number): { pid: number; args: string }[] => {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => Boolean(m))
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }))
  const below = (p: number): { pid: number; args: string }[] =>
    rows.filter((r) => r.ppid === p).flatMap((r) => [{ pid: r.pid, args: r.args }, ...below(r.pid)])
  return below(pid)
}

const tree = (npm: ChildProcess) => {
  const all = descendants(npm.pid!)
  const supervisor = all.find((p) => p.args.includes('scripts/start.mjs'))
  const server = all.find((p) => p.args.includes('scripts/serve.mjs'))
  if (!supervisor || !server) throw new Error(`unexpected process tree: ${JSON.stringify(all)}`)
  return { supervisor: supervisor.pid, server: server.pid, all: all.map((p) => p.pid) }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const allGone = async (pids: number[], withinMs: number) => {
  const deadline = Date.now() + withinMs
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  return pids.filter(alive)
}

afterAll(() => {
  // Whatever a failed test left running, by PID.
  for (const pid of started)
    for (const p of [...descendants(pid).map((d) => d.pid), pid]) if (alive(p)) process.kill(p, 'SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('restarts a server killed with SIGKILL, saying why, then stops everything on SIGTERM to npm', async () => {
    const run = await npmStart()
    const first = tree(run.npm)
    process.kill(first.server, 'SIGKILL')
    await healthy(run.url, () => run.npm.exitCode !== null, run.output)
    const second = tree(run.npm)
    expect(second.server).not.toBe(first.server)
    expect(second.supervisor).toBe(first.supervisor)
    expect(run.output()).toContain(`The server (pid ${first.server}) was killed by SIGKILL`)
    expect(run.output()).toMatch(/restarting it in 1 s \(restart 1\)/)

    run.npm.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    expect(await allGone([run.npm.pid!, ...second.all], 15_000)).toEqual([])
  })

  it('stops everything on SIGTERM to the supervisor (scripts/start.mjs)', async () => {
    const run = await npmStart()
    const { supervisor, all } = tree(run.npm)
    process.kill(supervisor, 'SIGTERM')
    expect(await run.exited).toBe(0)
    expect(await allGone([run.npm.pid!, ...all], 15_000)).toEqual([])
  })

  it('stops the server when npm itself is killed with SIGKILL', async () => {
    const run = await npmStart()
    const { all } = tree(run.npm)
    run.npm.kill('SIGKILL')
    expect(await allGone(all, 15_000)).toEqual([])
    expect(run.output()).not.toMatch(/restarting/)
  })
})
