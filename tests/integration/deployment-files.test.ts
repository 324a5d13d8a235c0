/**
 * The deployment files (Dockerfile, .dockerignore, docker-compose.yml, deploy/nginx.conf) cannot
 * be run here (no Docker engine), so this reads them and holds them to what issue 14 and the
 * README promise: a runtime image without dev dependencies, build cache or secrets that runs as
 * `node`, checks its health and never builds at start; web replicas that scale behind a proxy with
 * the jobs queue off and one worker running it; a MongoDB that is healthy only with a writable
 * primary; and no environment variable the app does not read.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'

import { MAX_UPLOAD_BODY_BYTES } from '../../scripts/server/requestLimits.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')

type Service = {
  image?: string
  build?: unknown
  command?: string[]
  ports?: unknown[]
  expose?: string[]
  profiles?: string[]
  restart?: string
  environment?: Record<string, string | number>
  healthcheck?: { test?: string[]; disable?: boolean }
  depends_on?: Record<string, { condition: string; required?: boolean }>
  volumes?: string[]
}
const compose = YAML.parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> }
const { services } = compose

/** The Dockerfile as stages: each FROM with the instructions under it (continuations joined). */
const stages = read('Dockerfile')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .reduce<{ from: string; name?: string; lines: string[] }[]>((all, line) => {
    const from = line.match(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i)
    if (from) all.push({ from: from[1], name: from[2], lines: [] })
    else all.at(-1)?.lines.push(line)
    return all
  }, [])
const runtime = stages.at(-1)!
const stageNamed = (name: string) => stages.find((s) => s.name === name)

/** Every `process.env.X` / `env.X` the app's own code (not its tests) reads. */
const variablesTheAppReads = (() => {
  const names = new Set<string>()
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') walk(path.join(p, entry))
    } else if (/\.(ts|tsx|mjs|js)$/.test(p)) {
      for (const m of readFileSync(p, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) names.add(m[1])
    }
  }
  for (const dir of ['src', 'collections', 'scripts', 'payload.config.ts', 'next.config.ts']) walk(path.join(ROOT, dir))
  return names
})()

describe('Dockerfile', () => {
  it('runs the supervisor from node:20-bookworm-slim as the non-root node user, with a health check', () => {
    expect(runtime.from).toBe('node:20-bookworm-slim')
    const user = runtime.lines.filter((l) => /^USER\s/i.test(l)).at(-1)
    expect(user).toBe('USER node')
    expect(runtime.lines.find((l) => /^HEALTHCHECK\s/i.test(l))).toMatch(/CMD \["node".*fetch\(.*\/api\/health/)
    expect(runtime.lines.find((l) => /^CMD\s/i.test(l))).toBe('CMD ["node", "scripts/start.mjs"]')
  })

  it('installs production dependencies only for the runtime, and carries no build cache or data', () => {
    const copies = runtime.lines.filter((l) => /^COPY\s/i.test(l))
    const modules = copies.find((l) => /node_modules/.test(l))!
    const depsStage = stageNamed(modules.match(/--from=(\S+)/)![1])!
    expect(depsStage.lines.find((l) => /npm ci/.test(l))).toMatch(/npm ci --omit=dev/)
    expect(runtime.lines.some((l) => /npm (ci|install)/.test(l))).toBe(false)
    // The build stage's own node_modules (with dev dependencies), its cache and anything it wrote
    // into data/ are gone in the same step as the build, before the runtime copies the stage.
    const appCopy = copies.find((l) => /--from=build/.test(l))!
    expect(appCopy).toBeDefined()
    const build = stageNamed('build')!.lines.find((l) => /npm run build/.test(l))!
    for (const gone of ['node_modules', '.next/cache', 'data']) expect(build.split(/\s+/)).toContain(gone)
    expect(build).toMatch(/rm -rf/)
  })

  it('records the source hash at build time and refuses to build at start', () => {
    expect(stageNamed('build')!.lines.join('\n')).toMatch(/source-hash.*sourceHash\(\)/)
    expect(runtime.lines.join('\n')).toMatch(/buildIsCurrent\(\)/)
    expect(runtime.lines.find((l) => /^ENV\s/i.test(l))).toMatch(/NEWSROOM_PREBUILT=true/)
  })

  it('has writable volumes for data/ and media/ owned by node', () => {
    expect(runtime.lines).toContain('VOLUME ["/app/data", "/app/media"]')
    const chown = runtime.lines.find((l) => /chown node:node/.test(l))!
    expect(chown).toMatch(/chown node:node data media/)
  })

  it('keeps secrets, databases and local builds out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
    for (const entry of ['node_modules', '.next', 'data', '**/.payload-secret', '.env', '.env.*', 'backups'])
      expect(ignored).toContain(entry)
  })

  it('can seed and run the worker without dev dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as {
      scripts: Record<string, string>
      dependencies: Record<string, string>
    }
    for (const script of ['start', 'seed', 'worker']) {
      const command = pkg.scripts[script].replace(/^exec\s+/, '').split(/\s+/)[0]
      expect(command === 'node' || command in pkg.dependencies, `${script}: ${command}`).toBe(true)
    }
  })
})

describe('npm start inside the image', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'newsroom-prebuilt-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('stops with an error naming NEWSROOM_PREBUILT instead of building when the build is stale', () => {
    // A copy of the build script in a tree with no build: with NEWSROOM_PREBUILT=true it must
    // not try `next build` (there is no next here either; the message tells the two apart).
    cpSync(path.join(ROOT, 'scripts/lib/build.mjs'), path.join(scratch, 'scripts/lib/build.mjs'))
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import('${path.join(scratch, 'scripts/lib/build.mjs')}').then((m) => m.buildIfStale())`,
      ],
      { env: { ...process.env, NEWSROOM_PREBUILT: 'true' }, encoding: 'utf8', timeout: 30_000 },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/NEWSROOM_PREBUILT=true, but the production build/)
    expect(existsSync(path.join(scratch, '.next'))).toBe(false)
  })
})

describe('docker-compose.yml', () => {
  it('scales the web service: no host port on it, one proxy in front with the committed nginx config', () => {
    expect(services.newsroom.ports).toBeUndefined()
    expect(services.proxy.ports).toHaveLength(1)
    const mount = services.proxy.volumes!.find((v) => v.includes('nginx'))!
    expect(mount.split(':')[0]).toBe('./deploy/nginx.conf')
    expect(existsSync(path.join(ROOT, 'deploy/nginx.conf'))).toBe(true)
    for (const [name, service] of Object.entries(services))
      if (name !== 'proxy') expect(service.ports, `${name} publishes a host port`).toBeUndefined()
  })

  it('runs the jobs queue in exactly one worker from the same image, never in the web replicas', () => {
    expect(services.newsroom.environment!.PAYLOAD_JOBS_AUTORUN).toBe('false')
    expect(services.newsroom.environment!.TRUST_PROXY_HOPS).toBe(1)
    const workers = Object.values(services).filter((s) => s.command?.join(' ') === 'npm run worker')
    expect(workers).toEqual([services.worker])
    expect(services.worker.image).toBe(services.newsroom.image)
    expect(services.worker.environment!.PAYLOAD_JOBS_AUTORUN).toBeUndefined()
    expect(services.worker.environment!.DATABASE_URI).toBe(services.newsroom.environment!.DATABASE_URI)
  })

  it('requires PAYLOAD_SECRET and defaults to MongoDB, PostgreSQL and MinIO being opt-in profiles', () => {
    expect(services.newsroom.environment!.PAYLOAD_SECRET).toMatch(/^\$\{PAYLOAD_SECRET:\?/)
    expect(services.newsroom.environment!.DATABASE_URI).toMatch(/mongodb:\/\/mongo:27017\/.*replicaSet=rs0/)
    expect(services.mongo.profiles).toBeUndefined()
    expect(services.postgres.profiles).toEqual(['postgres'])
    expect(services.minio.profiles).toEqual(['s3'])
    expect(services.newsroom.depends_on!.postgres).toEqual({ condition: 'service_healthy', required: false })
  })

  it('counts MongoDB healthy only once it has a writable primary', () => {
    const check = services.mongo.healthcheck!.test!.join(' ')
    expect(check).toMatch(/rs\.initiate\(/)
    expect(check).toMatch(/if \(!db\.hello\(\)\.isWritablePrimary\) quit\(1\)/)
  })

  it('gives every long-running service a restart policy and a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.restart, name).toBeDefined()
      if (service.healthcheck?.disable) {
        // A one-off (the bucket creator): retried on failure, waited for by its exit status.
        expect(service.restart, name).toBe('on-failure')
        expect(services.newsroom.depends_on![name]?.condition, name).toBe('service_completed_successfully')
      } else {
        expect(service.healthcheck?.test?.length, `${name} has no health check`).toBeGreaterThan(1)
      }
    }
    expect(services.newsroom.healthcheck!.test!.join(' ')).toMatch(/\/api\/health/)
  })

  it('sets only environment variables the app reads', () => {
    for (const name of ['newsroom', 'worker'])
      for (const variable of Object.keys(services[name].environment!))
        expect(variablesTheAppReads.has(variable), `${name}: ${variable} is read nowhere`).toBe(true)
    const image = runtime.lines.filter((l) => /^ENV\s/i.test(l)).join(' ')
    for (const [, variable] of image.matchAll(/([A-Z][A-Z0-9_]*)=/g))
      expect(variablesTheAppReads.has(variable), `Dockerfile: ${variable} is read nowhere`).toBe(true)
  })
})

describe('deploy/nginx.conf', () => {
  const nginx = read('deploy/nginx.conf').replace(/#.*$/gm, '')

  it('finds the replicas by service name through Docker’s resolver', () => {
    expect(nginx).toMatch(/resolver 127\.0\.0\.11\b/)
    const target = nginx.match(/set \$(\w+) http:\/\/([\w-]+):(\d+);/)!
    expect(target[2]).toBe('newsroom')
    expect(services.newsroom.expose).toContain(target[3])
    expect(nginx).toContain(`proxy_pass $${target[1]};`)
  })

  it('passes the client address on for TRUST_PROXY_HOPS=1, and lets the app judge upload sizes', () => {
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/)
    const limit = Number(nginx.match(/client_max_body_size (\d+)m;/)![1]) * 1024 * 1024
    expect(limit).toBeGreaterThan(MAX_UPLOAD_BODY_BYTES)
  })

  it('answers the path its own health check asks for', () => {
    const url = services.proxy.healthcheck!.test!.find((part) => part.startsWith('http://'))!
    expect(nginx).toContain(`location = ${new URL(url).pathname} {`)
  })
})
