/**
 * `npm run worker` (scripts/worker.ts) as a child process of a test: the deployment's job runner
 * on the database the environment names (DATABASE_URI, MEDIA_DIR, PAYLOAD_SECRET from this
 * process or `env`). `ready` resolves once it runs the queue; `stop` sends SIGTERM (SIGKILL
 * after 5 s), by PID.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

export type TestWorker = {
  child: ChildProcess
  log: () => string
  ready: () => Promise<void>
  stop: () => Promise<void>
}

export const startWorker = (env: Record<string, string> = {}): TestWorker => {
  let log = ''
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/worker.ts'], {
    cwd: ROOT,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
      NODE_OPTIONS: '--no-deprecation',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))

  const ready = async (ms = 150_000) => {
    const deadline = Date.now() + ms
    while (!log.includes('Worker running the jobs queue')) {
      if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}):\n${log}`)
      if (Date.now() > deadline) throw new Error(`the worker did not start in ${ms / 1000} s:\n${log}`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  return { child, log: () => log, ready, stop }
}
