// `npm run bench`: build the production server, seed fresh embedded databases with generated
// archives, and measure the newsroom, its feeds, search and the API from this (second) process on
// 127.0.0.1 with autocannon, against the same bytes served three ways in the same run: a static
// file served by the newsroom's own server, a bare Node server holding them in memory, and nginx
// (where it is installed). Also: the first (cold) request of deep archive pages, and the server's
// memory after the load; and the propagation time from a publish through one instance until a
// second instance on the same database shows it. Then the same feed and page rows with two
// instances on one PostgreSQL database (bench/postgres.mjs: a throw-away cluster of its own, when
// PostgreSQL is installed; the run says so when it is skipped). Prints tables and writes
// bench/results.json.
//
//   node bench/run.mjs [--sizes 100,10000] [--duration 10] [--connections 32] [--publishes 20] [--out FILE] [--no-baseline]
//                      [--postgres-sizes 100,10000 (default: --sizes)] [--no-postgres]
//
// 100,000 releases (`--sizes 100000`) take about 25 minutes to seed here: run it by hand, not in CI.
import { spawn, spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { benchTwoInstancesOnPostgres, printPostgresTable, startPostgres } from './postgres.mjs'
import { buildIfStale } from '../scripts/lib/build.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const BASELINE = path.join(ROOT, 'public', 'bench-baseline.xml')
// The archive's page size, read from the module that defines it (this script is not compiled).
const ARCHIVE_PAGE_SIZE = Number(
  readFileSync(path.join(ROOT, 'src/data/newsroom.ts'), 'utf8').match(/ARCHIVE_PAGE_SIZE = (\d+)/)[1],
)
const BENCH_USER = { email: 'bench@example.org', password: 'benchmark password 1' }

/**
 * `BENCH_100K=1` adds a 100,000-release archive to the run (never in CI). It is seeded once and
 * kept in BENCH_ARCHIVE_DIR (default: the system's temporary folder), and each run starts from a
 * copy of it, so only the first such run pays the seeding.
 */
function withLargeArchive(sizes) {
  return process.env.BENCH_100K === '1' && !sizes.includes(100_000) ? [...sizes, 100_000] : sizes
}
const KEEP_SEEDED_FROM = 100_000

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const options = {
  sizes: withLargeArchive(arg('sizes', '100,10000').split(',').map(Number)),
  duration: Number(arg('duration', '10')),
  connections: Number(arg('connections', '32')),
  publishes: Number(arg('publishes', '20')),
  out: path.resolve(arg('out', path.join(ROOT, 'bench', 'results.json'))),
  baseline: !process.argv.includes('--no-baseline'),
  postgres: !process.argv.includes('--no-postgres'),
  postgresSizes: arg('postgres-sizes', null)?.split(',').map(Number) ?? null,
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

const seedArchive = (dir, count, databaseUri = `file:${path.join(dir, 'newsroom.db')}`) => {
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
        DATABASE_URI: databaseUri,
        MEDIA_DIR: path.join(dir, 'media'),
        PAYLOAD_SECRET: 'bench',
      },
    },
  )
  if (run.status !== 0) throw new Error(`seeding ${count} releases failed`)
  return (Date.now() - started) / 1000
}

/** Seeds `dir`; archives of KEEP_SEEDED_FROM releases and more are seeded once and copied after that. */
const seedArchiveOnce = (dir, count) => {
  if (count < KEEP_SEEDED_FROM) return seedArchive(dir, count)
  const keep = path.join(process.env.BENCH_ARCHIVE_DIR || os.tmpdir(), `newsroom-bench-archive-${count}`)
  if (!existsSync(path.join(keep, 'done'))) {
    rmSync(keep, { recursive: true, force: true })
    mkdirSync(keep, { recursive: true })
    const seconds = seedArchive(keep, count)
    writeFileSync(path.join(keep, 'done'), `${seconds}\n`)
  } else log(`using the ${count}-release archive seeded before in ${keep}`)
  cpSync(keep, dir, { recursive: true })
  return Number(readFileSync(path.join(keep, 'done'), 'utf8'))
}

const startServer = async (dir, env = {}) => {
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
      // As `npm start` runs it (scripts/start.mjs).
      MALLOC_ARENA_MAX: '2',
      PORT: String(port),
      LISTEN_HOST: '127.0.0.1',
      DATABASE_URI: `file:${path.join(dir, 'newsroom.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      ...env,
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
  return { url, stop, peakRssMb, pid: child.pid }
}

/** Loads one URL with autocannon for the run's duration. */
const load = (url, headers = {}, { connections = options.connections } = {}) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: options.duration, headers }, (error, result) => {
      if (error) return reject(error)
      resolve({
        rps: Math.round(result.requests.average),
        connections,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        statusCodes: result.statusCodeStats,
      })
    })
  })

/**
 * A different path for every request (distinct search queries, distinct API pages), so that no
 * cache can answer it, from `connections` concurrent clients for the run's duration; every
 * latency is kept, so p50/p95/p99 are exact.
 */
const loadDistinct = async (base, paths, connections) => {
  const latencies = []
  const statusCodes = {}
  let errors = 0
  let next = 0
  const until = performance.now() + options.duration * 1000
  const client = async () => {
    while (performance.now() < until) {
      const pathname = paths[next++ % paths.length]
      const started = performance.now()
      try {
        const res = await fetch(`${base}${pathname}`)
        await res.arrayBuffer()
        statusCodes[res.status] = { count: (statusCodes[res.status]?.count ?? 0) + 1 }
      } catch {
        errors++
      }
      latencies.push(performance.now() - started)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: connections }, client))
  const seconds = (performance.now() - started) / 1000
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, { count }]) => sum + count, 0)
  return {
    rps: Math.round(latencies.length / seconds),
    connections,
    distinct: Math.min(paths.length, latencies.length),
    // More requests than distinct paths: the repeats may have been answered from a cache.
    wrapped: latencies.length > paths.length,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    errors,
    non2xx,
    statusCodes,
  }
}

/**
 * Search queries over the generated archive (bench/seed-archive.ts). Typical: a word of a
 * release's subject and a town, each pair in about one release in 221 (as a real query matches a
 * share of the archive); the issue's search target is read from these. Worst case: two words
 * of the paragraphs every release shares, so every query matches every release and all of them
 * are ranked.
 */
const SUBJECT_WORDS = [
  'screening',
  'genomic',
  'survivorship',
  'pediatric',
  'radiation',
  'nutrition',
  'telehealth',
  'navigators',
  'hospice',
  'immunotherapy',
  'prevention',
  'fellowship',
  'philanthropy',
  'biobank',
  'pharmacy',
  'transport',
  'interpreters',
]
const TOWN_WORDS = [
  'hartford',
  'waterbury',
  'stamford',
  'norwalk',
  'danbury',
  'bristol',
  'torrington',
  'meriden',
  'middletown',
  'greenwich',
  'milford',
  'enfield',
  'windham',
]
/** Three words: a subject's, a town's and one every release has (5,525 queries; search results are cached by their words). */
const typicalSearchPaths = () =>
  SEARCH_WORDS.flatMap((c) => SUBJECT_WORDS.flatMap((a) => TOWN_WORDS.map((b) => `/search?q=${a}+${b}+${c}`)))
const SEARCH_WORDS = [
  'trials',
  'care',
  'partners',
  'survival',
  'tumor',
  'boards',
  'treatments',
  'cancer',
  'communities',
  'patients',
  'collaboration',
  'sites',
  'timeline',
  'quality',
  'results',
  'reporter',
  'publication',
  'context',
  'state',
  'difference',
  'access',
  'clinical',
  'adoption',
  'home',
  'cost',
]
const everyReleaseSearchPaths = () => {
  const paths = []
  for (const a of SEARCH_WORDS) for (const b of SEARCH_WORDS) if (a !== b) paths.push(`/search?q=${a}+${b}`)
  return paths
}

/**
 * The API rows of issue 17: repeated anonymous reads (answered from the public cache, REST and
 * GraphQL) and uncached ones (every request a query no one asked before: distinct pages at the
 * default depth 2, each with a parameter Payload ignores, so no cache can answer it).
 */
const GRAPHQL_REPEATED = JSON.stringify({
  query: '{ PressReleases(limit: 10) { docs { id title slug publishedAt partners { name slug } topics { name } } } }',
})
const apiTargets = (total) => {
  const pages = Math.max(1, Math.ceil(total / 10))
  const uncached = Array.from(
    { length: 50_000 },
    (_, i) => `/api/press-releases?limit=10&page=${(i % pages) + 1}&n=${i}`,
  )
  return [
    {
      name: 'API repeated: GraphQL, 10 releases with partners and topics',
      path: '/api/graphql',
      post: GRAPHQL_REPEATED,
    },
    { name: 'API uncached: distinct queries of 10, depth 2 (8 conn)', distinct: uncached, connections: 8 },
  ]
}

/** Loads one POST (a GraphQL query) with autocannon, as `load` does a GET. */
const loadPost = (url, body, { connections = options.connections } = {}) =>
  new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: options.duration,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      },
      (error, result) => {
        if (error) return reject(error)
        resolve({
          rps: Math.round(result.requests.average),
          connections,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          statusCodes: result.statusCodeStats,
        })
      },
    )
  })

/**
 * Deep archive pages once the server is warm, each the first request for that page (nothing
 * cached for it): what a reader following an old link waits. Pages spread over the archive, and
 * a partner's and a topic's list (whose first request also counts that list); p50 and max.
 */
const uncachedDeepPages = async (base, lastPage) => {
  const at = (f) => Math.max(1, Math.round(f * lastPage))
  const urls = [
    ...new Set([0.1, 0.25, 0.5, 0.75, 0.9, 1].map((f) => `/news?page=${at(f) > 1 ? at(f) - 1 : 1}`)),
    `/news?partner=partner-3&page=${at(0.05)}`,
    `/news?topic=topic-2&page=${at(0.05)}`,
  ]
  const times = {}
  for (const url of urls) times[url] = await coldMs(`${base}${url}`)
  const values = Object.values(times)
  return { times, p50: percentile(values, 50), max: Math.max(...values) }
}

/** The time of the first request for a URL after the server started: nothing warmed it. */
const coldMs = async (url) => {
  const started = performance.now()
  const res = await fetch(url)
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
  return Math.round(performance.now() - started)
}

const rssMb = (pid) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024)
  } catch {
    return null
  }
}

/** The same bytes as the feed from a bare Node server that holds them in memory. */
const startMemoryServer = async (file) => {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const body = require('node:fs').readFileSync(process.argv[1]);
       require('node:http').createServer((req, res) => {
         res.writeHead(200, { 'content-type': 'application/xml', 'content-length': body.length });
         res.end(body);
       }).listen(Number(process.argv[2]), '127.0.0.1');
       setTimeout(() => process.exit(0), 30 * 60 * 1000).unref();`,
      file,
      String(port),
    ],
    { stdio: 'ignore' },
  )
  await waitForPort(port)
  return { url: `http://127.0.0.1:${port}/`, stop: () => stopChild(child) }
}

/** The same bytes from nginx, where it is installed (Debian's package; one worker, like Node). */
const startNginx = async (file) => {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p))
  if (!nginx) return null
  const port = await freePort()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-nginx-'))
  // nginx's workers run as an unprivileged user: give them a readable copy of the bytes.
  chmodSync(dir, 0o755)
  copyFileSync(file, path.join(dir, 'feed.xml'))
  chmodSync(path.join(dir, 'feed.xml'), 0o644)
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      'pid nginx.pid;',
      'error_log stderr error;',
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      '  sendfile on; keepalive_requests 100000;',
      `  server { listen 127.0.0.1:${port}; location = /feed.xml { default_type application/xml; alias ${dir}/feed.xml; } }`,
      '}',
      '',
    ].join('\n'),
  )
  const child = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), 30 * 60 * 1000)
  timer.unref()
  await waitForPort(port)
  return {
    url: `http://127.0.0.1:${port}/feed.xml`,
    stop: async () => {
      clearTimeout(timer)
      await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const waitForPort = async (port) => {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open) return
    await sleep(50)
  }
  throw new Error(`nothing listened on port ${port}`)
}

const stopChild = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', resolve)
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
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
  const postgres = await postgresForBench()
  results.postgres = postgres.skipped ? { skipped: postgres.skipped } : { version: postgres.version }
  try {
    await benchSizes(results, postgres)
  } finally {
    postgres.stop?.()
  }
  results.totalSeconds = Math.round((Date.now() - started) / 1000)
  addRatios(results)
  results.targets = issue17Targets(results)
  mkdirSync(path.dirname(options.out), { recursive: true })
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`)
  printTable(results)
  printPostgresTable(results)
  printTargets(results)
  log(`wrote ${path.relative(process.cwd(), options.out)} in ${results.totalSeconds} s`)
}

/** The cluster for the PostgreSQL part, or `{ skipped }` with the reason, said at once. */
const postgresForBench = async () => {
  const postgres = options.postgres ? await startPostgres() : { skipped: 'left out (--no-postgres)' }
  if (postgres.skipped) log(`PostgreSQL part SKIPPED: ${postgres.skipped}`)
  else log(`PostgreSQL part: a throw-away PostgreSQL ${postgres.version} cluster on 127.0.0.1`)
  return postgres
}

/** The two PostgreSQL instances at this size, when the cluster runs and the size is asked for. */
const postgresAtSize = (postgres, size) =>
  postgres.skipped || !(options.postgresSizes ?? options.sizes).includes(size)
    ? null
    : benchTwoInstancesOnPostgres(postgres, size, {
        seedArchive,
        startServer,
        load,
        measureFreshness,
        log,
        connections: options.connections,
        publishes: options.publishes,
      })

const benchSizes = async (results, postgres) => {
  for (const size of options.sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `newsroom-bench-${size}-`))
    try {
      log(`seeding ${size} releases…`)
      const seedSeconds = seedArchiveOnce(dir, size)
      let server = await startServer(dir)
      const feedBytes = Buffer.byteLength(await (await fetch(`${server.url}/feed.xml`)).text())
      if (matchBaseline(feedBytes)) {
        log(`static baseline resized to ${feedBytes} bytes; rebuilding`)
        await server.stop()
        buildIfStale()
        server = await startServer(dir)
      }
      const feedFile = path.join(dir, 'feed.xml')
      writeFileSync(feedFile, await (await fetch(`${server.url}/feed.xml`)).text())
      const total = (await (await fetch(`${server.url}/api/press-releases?limit=1&depth=0`)).json()).totalDocs
      const lastPage = Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE))
      // Before anything else warms the server: the first request of deep archive pages.
      const cold = {}
      for (const page of [...new Set([Math.min(150, lastPage), lastPage])]) {
        cold[`/news?page=${page}`] = await coldMs(`${server.url}/news?page=${page}`)
        log(`${size} · /news?page=${page} first request: ${cold[`/news?page=${page}`]} ms`)
      }
      const deepPages = await uncachedDeepPages(server.url, lastPage)
      const release = (await (await fetch(`${server.url}/api/press-releases?limit=1`)).json()).docs[0].slug
      const feedEtag = (await fetch(`${server.url}/feed.xml`)).headers.get('etag')
      const memory = options.baseline ? await startMemoryServer(feedFile) : null
      const nginx = options.baseline ? await startNginx(feedFile) : null
      const pages = Math.max(1, Math.ceil(total / 10))
      const apiPages = Array.from(
        { length: 50_000 },
        // A parameter Payload ignores makes every request distinct (API answers are cached by their URL).
        (_, i) => `/api/press-releases?limit=10&depth=0&page=${(i % pages) + 1}&n=${i}`,
      )
      const targets = [
        ...(options.baseline ? [{ name: 'static file (baseline)', path: '/bench-baseline.xml' }] : []),
        ...(memory ? [{ name: 'same bytes, bare Node server', url: memory.url }] : []),
        ...(nginx ? [{ name: 'same bytes, nginx', url: nginx.url }] : []),
        { name: '/feed.xml', path: '/feed.xml' },
        { name: '/feed.xml 304', path: '/feed.xml', headers: { 'If-None-Match': feedEtag } },
        { name: '/feed.json', path: '/feed.json' },
        { name: 'partner feed', path: '/partners/partner-1/feed.xml' },
        { name: '/', path: '/' },
        { name: 'release page', path: `/news/${release}` },
        { name: '/news?page=2', path: '/news?page=2' },
        { name: '/api/press-releases?limit=10', path: '/api/press-releases?limit=10' },
        {
          name: '/api/press-releases?limit=50&depth=0 (8 conn)',
          path: '/api/press-releases?limit=50&depth=0',
          connections: 8,
        },
        { name: 'API, distinct pages of 10, depth 0 (8 conn)', distinct: apiPages, connections: 8 },
        ...apiTargets(total),
        { name: 'search, distinct queries (8 conn)', distinct: typicalSearchPaths(), connections: 8 },
        {
          name: 'search worst case: words in every release (8 conn)',
          distinct: everyReleaseSearchPaths(),
          connections: 8,
        },
      ]
      const figures = {}
      for (const target of targets) {
        const url = target.url ?? `${server.url}${target.path ?? ''}`
        if (target.distinct) {
          figures[target.name] = await loadDistinct(server.url, target.distinct, target.connections)
        } else if (target.post) {
          const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: target.post }
          for (let i = 0; i < 20; i++) await (await fetch(url, init)).arrayBuffer()
          figures[target.name] = await loadPost(url, target.post, { connections: target.connections })
        } else {
          for (let i = 0; i < 20; i++) await (await fetch(url, { headers: target.headers })).arrayBuffer()
          figures[target.name] = await load(url, target.headers, { connections: target.connections })
        }
        const f = figures[target.name]
        log(`${size} · ${target.name}: ${f.rps} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms`)
      }
      await memory?.stop()
      await nginx?.stop()
      const freshness = options.publishes > 0 ? await measureFreshness(server.url) : null
      const rssAfterMb = rssMb(server.pid)
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
      results.sizes[size] = {
        seedSeconds,
        feedBytes,
        figures,
        coldMs: cold,
        deepPages,
        freshness,
        propagation,
        rssAfterMb,
        peakRssMb,
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const onPostgres = await postgresAtSize(postgres, size)
    if (onPostgres) results.sizes[size].twoInstancesPostgres = onPostgres
  }
}

/**
 * Every throughput as a ratio to the static file and to nginx serving the same bytes, measured
 * in the same run at the same size (`results.sizes[n].ratios[name] = { static, nginx }`).
 */
const addRatios = (results) => {
  for (const r of Object.values(results.sizes)) {
    const staticRps = r.figures['static file (baseline)']?.rps
    const nginxRps = r.figures['same bytes, nginx']?.rps
    const ratio = (rps, base) => (base ? Number((rps / base).toFixed(3)) : null)
    r.ratios = Object.fromEntries(
      Object.entries(r.figures).map(([name, f]) => [
        name,
        { static: ratio(f.rps, staticRps), nginx: ratio(f.rps, nginxRps) },
      ]),
    )
  }
}

/**
 * Issue 17's targets against this run's figures: each with the figure, the target and whether it
 * is met (`by` says how far from the target, as figure ÷ target for upper bounds).
 */
const issue17Targets = (results) => {
  const sizes = Object.keys(results.sizes).map(Number)
  const at = (n) => results.sizes[n]
  const large = sizes.includes(10_000) ? 10_000 : sizes.at(-1)
  const f = (n, name) => at(n)?.figures[name]
  const targets = []
  const upper = (what, value, limit) =>
    value != null &&
    targets.push({ what, value, target: `< ${limit}`, met: value < limit, by: Number((value / limit).toFixed(2)) })
  const lower = (what, value, limit) =>
    value != null &&
    targets.push({ what, value, target: `≥ ${limit}`, met: value >= limit, by: Number((value / limit).toFixed(2)) })
  const search = 'search, distinct queries (8 conn)'
  upper(`search p95 ms at ${large} releases, 8 concurrent distinct queries`, f(large, search)?.p95, 50)
  if (at(100_000)) upper('search p95 ms at 100000 releases (≤ 2× the 10,000 target)', f(100_000, search)?.p95, 100)
  // Not a target of the issue's; shown against the same bound so the note can say how far it is.
  upper(
    `search worst case (every release matches) p95 ms at ${large} releases`,
    f(large, 'search worst case: words in every release (8 conn)')?.p95,
    50,
  )
  const deep = at(large)?.deepPages
  upper(`/news deep pages, first request each, max ms at ${large} releases`, deep?.max, 100)
  const first = at(large)?.coldMs?.['/news?page=150']
  upper(`/news?page=150 first request after the server started, ms at ${large} releases`, first, 100)
  // Repeated API reads (the same URL under load): within 2× of /feed.json. Uncached ones (a
  // distinct page every request) at least 3× the issue's 35 req/s for depth-0 lists at 8 connections.
  const feedJson = f(large, '/feed.json')?.rps
  if (feedJson)
    lower(
      `API limit=10 repeated req/s at ${large} (≥ /feed.json ÷ 2)`,
      f(large, '/api/press-releases?limit=10')?.rps,
      Math.round(feedJson / 2),
    )
  lower(
    `API distinct pages, depth 0, 8 connections, req/s at ${large} (3× the issue's 35)`,
    f(large, 'API, distinct pages of 10, depth 0 (8 conn)')?.rps,
    105,
  )
  upper(`server RSS MB after the run at ${large} releases`, at(large)?.rssAfterMb, 450)
  return targets
}

const printTargets = (results) => {
  console.table(
    results.targets.map((t) => ({
      target: t.what,
      figure: t.value,
      wanted: t.target,
      met: t.met ? 'yes' : 'no',
      '×target': t.by,
    })),
  )
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
      row[`${size} p50/p95/p99 ms`] = `${f.p50}/${f.p95 ?? '–'}/${f.p99}`
      row[`${size} errors`] = f.errors + f.non2xx - (name.endsWith('304') ? f.non2xx : 0)
    }
    if (sizes.length > 1)
      row[`${sizes.at(-1)}/${sizes[0]}`] = Number((large.figures[name].rps / small.figures[name].rps).toFixed(2))
    return row
  })
  console.table(rows)
  for (const size of sizes) {
    const r = results.sizes[size]
    const cold = Object.entries(r.coldMs)
      .map(([url, ms]) => `${url} ${ms} ms`)
      .join(', ')
    console.log(
      `${size} releases: seeded in ${Math.round(r.seedSeconds)} s; feed ${r.feedBytes} bytes; first request ${cold}; freshness (publish → visible) feed p50 ${r.freshness?.feed.p50 ?? '–'} ms p95 ${r.freshness?.feed.p95 ?? '–'} ms, home p50 ${r.freshness?.home.p50 ?? '–'} ms p95 ${r.freshness?.home.p95 ?? '–'} ms; propagation (publish on one instance → visible on another) feed p50 ${r.propagation?.feed.p50 ?? '–'} ms p95 ${r.propagation?.feed.p95 ?? '–'} ms, home p50 ${r.propagation?.home.p50 ?? '–'} ms p95 ${r.propagation?.home.p95 ?? '–'} ms; server RSS after the run ${r.rssAfterMb} MB (peak ${r.peakRssMb} MB)`,
    )
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
