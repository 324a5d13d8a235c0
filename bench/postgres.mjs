// The benchmark's PostgreSQL part (bench/run.mjs): the feed and page figures of a deployment with
// two instances on one PostgreSQL database, loaded at once, to put next to one instance on the
// embedded database; and the propagation time from a publish through one instance until the
// other shows it. The cluster is a throw-away one of the benchmark's own (scripts/ci/postgres.sh),
// started when PostgreSQL is installed; otherwise the part is skipped and the run says so.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const CLUSTER = path.join(ROOT, 'scripts/ci/postgres.sh')

/** The feed and page rows of the embedded run that are measured on the two instances too. */
export const POSTGRES_ROWS = [
  '/feed.xml',
  '/feed.xml 304',
  '/feed.json',
  'partner feed',
  '/',
  'release page',
  '/news?page=2',
]

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })

/**
 * A throw-away cluster on 127.0.0.1, or `{ skipped }` saying why there is none (PostgreSQL is not
 * installed, or the cluster did not start).
 */
export const startPostgres = async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-pg-'))
  const started = spawnSync('bash', [CLUSTER, 'start', dir, String(await freePort())], { encoding: 'utf8' })
  if (started.status !== 0) {
    spawnSync('bash', [CLUSTER, 'stop', dir])
    rmSync(dir, { recursive: true, force: true })
    return { skipped: started.stderr.trim() || 'the PostgreSQL cluster did not start' }
  }
  const url = started.stdout.trim()
  const { default: pg } = await import('pg')
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await client.query(sql)
    } finally {
      await client.end()
    }
  }
  const version = (await admin('SHOW server_version')).rows[0].server_version
  const stop = () => spawnSync('bash', [CLUSTER, 'stop', dir], { stdio: 'inherit' })
  // A benchmark stopped by a signal (Ctrl-C, a test's timeout) does not leave the cluster running.
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      stop()
      process.exit(1)
    })
  return {
    version,
    /** A new, empty database on the cluster; its URL. */
    createDatabase: async (name) => {
      await admin(`CREATE DATABASE "${name}"`)
      const uri = new URL(url)
      uri.pathname = `/${name}`
      return uri.toString()
    },
    stop,
  }
}

/** Two loads at once, one per instance, each with half the connections: the deployment's figure. */
const loadBoth = async (load, urls, headers, connections) => {
  const each = Math.max(1, Math.floor(connections / urls.length))
  const results = await Promise.all(urls.map((url) => load(url, headers, { connections: each })))
  const statusCodes = {}
  for (const r of results)
    for (const [code, { count }] of Object.entries(r.statusCodes ?? {}))
      statusCodes[code] = { count: (statusCodes[code]?.count ?? 0) + count }
  return {
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    connections: each * urls.length,
    perInstanceRps: results.map((r) => r.rps),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    statusCodes,
  }
}

/**
 * One archive size on PostgreSQL: seed a database of its own, start two instances on it (jobs
 * off, as web instances of a deployment run), load the feed and page rows on both at once, then
 * publish through the first and time until the second shows it. `bench` holds run.mjs's helpers.
 */
export const benchTwoInstancesOnPostgres = async (postgres, size, bench) => {
  const { seedArchive, startServer, load, measureFreshness, log, connections, publishes } = bench
  const dir = mkdtempSync(path.join(os.tmpdir(), `newsroom-bench-pg-${size}-`))
  const instances = []
  try {
    const uri = await postgres.createDatabase(`bench_${size}_${Date.now().toString(36)}`)
    log(`PostgreSQL · seeding ${size} releases…`)
    const seedSeconds = seedArchive(dir, size, uri)
    // One public address for both, as behind a load balancer: the same bytes, so the same ETag.
    const env = { DATABASE_URI: uri, PAYLOAD_JOBS_AUTORUN: 'false', SITE_URL: 'https://newsroom.bench.example' }
    // Together: the seed migrated the database (each start only checks, under a lock).
    instances.push(...(await Promise.all([startServer(dir, env), startServer(dir, env)])))
    const [a, b] = instances
    log(`PostgreSQL · two instances: ${a.url} and ${b.url}`)
    const release = (await (await fetch(`${a.url}/api/press-releases?limit=1`)).json()).docs[0].slug
    const feedEtag = (await fetch(`${a.url}/feed.xml`)).headers.get('etag')
    const paths = {
      '/feed.xml': ['/feed.xml'],
      '/feed.xml 304': ['/feed.xml', { 'If-None-Match': feedEtag }],
      '/feed.json': ['/feed.json'],
      'partner feed': ['/partners/partner-1/feed.xml'],
      '/': ['/'],
      'release page': [`/news/${release}`],
      '/news?page=2': ['/news?page=2'],
    }
    const figures = {}
    for (const name of POSTGRES_ROWS) {
      const [pathname, headers = {}] = paths[name]
      const urls = instances.map((i) => `${i.url}${pathname}`)
      for (const url of urls) for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer()
      figures[name] = await loadBoth(load, urls, headers, connections)
      const f = figures[name]
      log(
        `${size} · PostgreSQL, two instances · ${name}: ${f.rps} req/s (${f.perInstanceRps.join(' + ')}), p50 ${f.p50} ms, p99 ${f.p99} ms`,
      )
    }
    let propagation = null
    if (publishes > 0) {
      propagation = await measureFreshness(a.url, b.url)
      log(
        `${size} · PostgreSQL, propagation A → B: feed p50 ${propagation.feed.p50} ms p95 ${propagation.feed.p95} ms, home p50 ${propagation.home.p50} ms p95 ${propagation.home.p95} ms`,
      )
    }
    return { seedSeconds, figures, propagation }
  } finally {
    await Promise.all(instances.map((i) => i.stop()))
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The embedded single instance next to the two PostgreSQL instances, per size. */
export const printPostgresTable = (results) => {
  if (results.postgres?.skipped) {
    console.log(`PostgreSQL part SKIPPED: ${results.postgres.skipped}`)
    return
  }
  const sizes = Object.keys(results.sizes).filter((size) => results.sizes[size].twoInstancesPostgres)
  if (!sizes.length) return
  const rows = POSTGRES_ROWS.map((name) => {
    const row = { endpoint: name }
    for (const size of sizes) {
      const one = results.sizes[size].figures[name]
      const two = results.sizes[size].twoInstancesPostgres.figures[name]
      row[`${size} embedded ×1 req/s`] = one?.rps ?? '–'
      row[`${size} PostgreSQL ×2 req/s`] = two.rps
      row[`${size} PostgreSQL ×2 p50/p99 ms`] = `${two.p50}/${two.p99}`
      row[`${size} PostgreSQL ×2 errors`] = two.errors + (name.endsWith('304') ? 0 : two.non2xx)
    }
    return row
  })
  console.log(`One instance on the embedded database next to two instances on PostgreSQL ${results.postgres.version}:`)
  console.table(rows)
  for (const size of sizes) {
    const p = results.sizes[size].twoInstancesPostgres.propagation
    console.log(
      `${size} releases on PostgreSQL: propagation (publish through one instance → visible on the other) feed p50 ${p?.feed.p50 ?? '–'} ms p95 ${p?.feed.p95 ?? '–'} ms, home p50 ${p?.home.p50 ?? '–'} ms p95 ${p?.home.p95 ?? '–'} ms`,
    )
  }
}
