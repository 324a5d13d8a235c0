import autocannon from 'autocannon'
const base = process.argv[2]
const seconds = Number(process.argv[3] ?? 8)
const run = (opts) => new Promise((res, rej) => autocannon({ duration: seconds, connections: 32, ...opts }, (e, r) => e ? rej(e) : res(r)))
const gql = JSON.stringify({ query: '{ PressReleases(limit: 10) { docs { id title slug publishedAt partners { name slug } topics { name } } } }' })
const rows = [
  ['/feed.json', { url: `${base}/feed.json` }],
  ['/api/press-releases?limit=10 (repeated)', { url: `${base}/api/press-releases?limit=10` }],
  ['GraphQL repeated', { url: `${base}/api/graphql`, method: 'POST', body: gql, headers: { 'content-type': 'application/json' } }],
]
for (const [name, opts] of rows) {
  for (let i = 0; i < 5; i++) await (await fetch(opts.url, { method: opts.method, body: opts.body, headers: opts.headers })).arrayBuffer()
  const r = await run(opts)
  console.log(`${name}: ${Math.round(r.requests.average)} req/s p50 ${r.latency.p50} p99 ${r.latency.p99} non2xx ${r.non2xx} errors ${r.errors + r.timeouts}`)
}
// Uncached: every request a new key (an ignored parameter), 8 concurrent, default depth 2.
let n = 0, done = 0; const lat = []
const until = performance.now() + seconds * 1000
await Promise.all(Array.from({ length: 8 }, async () => {
  while (performance.now() < until) {
    const t = performance.now()
    const r = await fetch(`${base}/api/press-releases?limit=10&page=${(n % 500) + 1}&n=${n++}`); await r.arrayBuffer()
    lat.push(performance.now() - t); done++
  }
}))
lat.sort((a, b) => a - b)
console.log(`uncached distinct depth 2 (8 conn): ${(done / seconds).toFixed(1)} req/s p50 ${Math.round(lat[lat.length >> 1])} p95 ${Math.round(lat[Math.floor(lat.length * 0.95)])}`)
