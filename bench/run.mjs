// `npm run bench`: build the production server, seed fresh embedded databases with generated
// archives, and measure the newsroom and its feeds from this (second) process on 127.0.0.1
// with autocannon, against a static file of the feed's size served by the same server; and the
// propagation time from a publish through one instance until a second instance on the same
// database shows it. Prints a table and writes bench/results.json.
//
//   node bench/run.mjs [--sizes 100,10000] [--duration 10] [--connections 32] [--publishes 20] [--out FILE] [--no-baseline]
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { buildIfStale } from '../scripts/lib/build.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const BASELINE = path.join(ROOT, 'public', 'bench-baseline.xml')
const BENCH_USER = { email: 'bench@example.org', password: 'benchmark password 1' }

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const options = {
  sizes: arg('sizes', '100,10000').split(',').map(Number),
  duration: Number(arg('duration', '10')),
  connections: Number(arg('connections', '32')),
  publishes: Number(arg('publishes', '20')),
  out: path.resolve(arg('out', path.join(ROOT, 'bench', 'results.json'))),
  baseline: !process.argv.includes('--no-baseline'),
}

const log = (...a) => console.log('[bench]', ...a)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const seedArchive = (dir, count) => {
  const started = Date.now()
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'bench/seed-archive.ts'), String(count)],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URI: `file:${path.join(dir, 'newsroom.db')}`,
        MEDIA_DIR: path.join(dir, 'media'),
        PAYLOAD_SECRET: 'bench',
      },
    },
  )
  if (run.status !== 0) throw new Error(`seeding ${count} releases failed`)
  return (Date.now() - started) / 1000
}

const startServer = async (dir) => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // The same server `npm start` runs (scripts/serve.mjs).
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      PAYLOAD_SECRET: 'bench',
      SITE_URL: url,
      NODE_OPTIONS: '--no-deprecation',
      PORT: String(port),
      LISTEN_HOST: '127.0.0.1',
      DATABASE_URI: `file:${path.join(dir, 'newsroom.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
    },
  })
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {}
    await sleep(200)
  }
  const peakRssMb = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      return Math.round(Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024)
    } catch {
      return null
    }
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', resolve)
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    })
  return { url, stop, peakRssMb }
}

const load = (url, headers = {}) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections: options.connections, duration: options.duration, headers }, (error, result) => {
      if (error) return reject(error)
      resolve({
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        statusCodes: result.statusCodeStats,
      })
    })
  })

// Publishes through `url` and waits until `readUrl` (the same server, or a second instance on the
// same database) shows the release in its feed and on its home page.
const measureFreshness = async (url, readUrl = url) => {
  const login = await (
    await fetch(`${url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(BENCH_USER),
    })
  ).json()
  const auth = { Authorization: `JWT ${login.token}`, 'Content-Type': 'application/json' }
  const times = { feed: [], home: [] }
  for (let i = 0; i < options.publishes; i++) {
    const title = `Freshness probe ${Date.now()}-${i}`
    const started = performance.now()
    const res = await fetch(`${url}/api/press-releases`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        title,
        summary: 'Probe.',
        _status: 'published',
        body: {
          root: {
            type: 'root',
            format: '',
            indent: 0,
            version: 1,
            direction: 'ltr',
            children: [
              {
                type: 'paragraph',
                format: '',
                indent: 0,
                version: 1,
                direction: 'ltr',
                textFormat: 0,
                children: [
                  { type: 'text', text: 'Probe.', format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
                ],
              },
            ],
          },
        },
      }),
    })
    if (res.status !== 201) throw new Error(`publish failed: ${res.status}`)
    for (const [key, pathname] of [
      ['feed', '/feed.xml'],
      ['home', '/'],
    ]) {
      for (;;) {
        const body = await (await fetch(`${readUrl}${pathname}`)).text()
        if (body.includes(title)) break
        if (performance.now() - started > 30_000) throw new Error(`${title} never appeared in ${pathname}`)
        await sleep(5)
      }
      times[key].push(performance.now() - started)
    }
  }
  const summary = (v) => ({ p50: Math.round(percentile(v, 50)), p95: Math.round(percentile(v, 95)) })
  return { feed: summary(times.feed), home: summary(times.home) }
}

const ensureBaseline = async () => {
  if (!options.baseline) return null
  if (!existsSync(BASELINE)) {
    mkdirSync(path.dirname(BASELINE), { recursive: true })
    writeFileSync(BASELINE, 'x'.repeat(60_000))
  }
  return statSync(BASELINE).size
}

/** The static file must match the feed's size; when it does not, it is rewritten and the app rebuilt. */
const matchBaseline = (feedBytes) => {
  if (!options.baseline) return false
  const size = statSync(BASELINE).size
  if (Math.abs(size - feedBytes) / feedBytes < 0.02) return false
  writeFileSync(BASELINE, 'x'.repeat(feedBytes))
  return true
}

const main = async () => {
  const started = Date.now()
  await ensureBaseline()
  buildIfStale()
  const results = {
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    options: { ...options, out: undefined },
    sizes: {},
  }
  for (const size of options.sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `newsroom-bench-${size}-`))
    try {
      log(`seeding ${size} releases…`)
      const seedSeconds = seedArchive(dir, size)
      let server = await startServer(dir)
      const feedBytes = Buffer.byteLength(await (await fetch(`${server.url}/feed.xml`)).text())
      if (matchBaseline(feedBytes)) {
        log(`static baseline resized to ${feedBytes} bytes; rebuilding`)
        await server.stop()
        buildIfStale()
        server = await startServer(dir)
      }
      const release = (await (await fetch(`${server.url}/api/press-releases?limit=1`)).json()).docs[0].slug
      const feedEtag = (await fetch(`${server.url}/feed.xml`)).headers.get('etag')
      const targets = [
        ...(options.baseline ? [['static file (baseline)', '/bench-baseline.xml', {}]] : []),
        ['/feed.xml', '/feed.xml', {}],
        ['/feed.xml 304', '/feed.xml', { 'If-None-Match': feedEtag }],
        ['/feed.json', '/feed.json', {}],
        ['partner feed', '/partners/partner-1/feed.xml', {}],
        ['/', '/', {}],
        ['release page', `/news/${release}`, {}],
        ['/news?page=2', '/news?page=2', {}],
        ['/api/press-releases?limit=10', '/api/press-releases?limit=10', {}],
      ]
      const figures = {}
      for (const [name, pathname, headers] of targets) {
        for (let i = 0; i < 20; i++) await fetch(`${server.url}${pathname}`, { headers })
        figures[name] = await load(`${server.url}${pathname}`, headers)
        log(`${size} · ${name}: ${figures[name].rps} req/s, p99 ${figures[name].p99} ms`)
      }
      const freshness = options.publishes > 0 ? await measureFreshness(server.url) : null
      const peakRssMb = server.peakRssMb()
      // A second instance on the same database: how long until a publish through the first shows
      // there (src/cache/changes.ts: each instance polls the change log).
      let propagation = null
      if (options.publishes > 0) {
        const second = await startServer(dir)
        try {
          await fetch(`${second.url}/feed.xml`)
          await fetch(`${second.url}/`)
          propagation = await measureFreshness(server.url, second.url)
          log(
            `${size} · propagation to a second instance: feed p50 ${propagation.feed.p50} ms p95 ${propagation.feed.p95} ms`,
          )
        } finally {
          await second.stop()
        }
      }
      await server.stop()
      results.sizes[size] = { seedSeconds, feedBytes, figures, freshness, propagation, peakRssMb }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  results.totalSeconds = Math.round((Date.now() - started) / 1000)
  mkdirSync(path.dirname(options.out), { recursive: true })
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`)
  printTable(results)
  log(`wrote ${path.relative(process.cwd(), options.out)} in ${results.totalSeconds} s`)
}

const printTable = (results) => {
  const sizes = Object.keys(results.sizes).map(Number)
  const small = results.sizes[sizes[0]]
  const large = results.sizes[sizes[sizes.length - 1]]
  const baseline = (r) => r.figures['static file (baseline)']?.rps
  const rows = Object.keys(small.figures).map((name) => {
    const row = { endpoint: name }
    for (const size of sizes) {
      const f = results.sizes[size].figures[name]
      const base = baseline(results.sizes[size])
      row[`${size} req/s`] = f.rps
      row[`${size} ×static`] = base ? Number((f.rps / base).toFixed(2)) : '–'
      row[`${size} p50/p99 ms`] = `${f.p50}/${f.p99}`
      row[`${size} errors`] = f.errors + f.non2xx - (name.endsWith('304') ? f.non2xx : 0)
    }
    if (sizes.length > 1)
      row[`${sizes.at(-1)}/${sizes[0]}`] = Number((large.figures[name].rps / small.figures[name].rps).toFixed(2))
    return row
  })
  console.table(rows)
  for (const size of sizes) {
    const r = results.sizes[size]
    console.log(
      `${size} releases: seeded in ${Math.round(r.seedSeconds)} s; feed ${r.feedBytes} bytes; freshness (publish → visible) feed p50 ${r.freshness?.feed.p50 ?? '–'} ms p95 ${r.freshness?.feed.p95 ?? '–'} ms, home p50 ${r.freshness?.home.p50 ?? '–'} ms p95 ${r.freshness?.home.p95 ?? '–'} ms; propagation (publish on one instance → visible on another) feed p50 ${r.propagation?.feed.p50 ?? '–'} ms p95 ${r.propagation?.feed.p95 ?? '–'} ms, home p50 ${r.propagation?.home.p50 ?? '–'} ms p95 ${r.propagation?.home.p95 ?? '–'} ms; server peak RSS ${r.peakRssMb} MB`,
    )
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
