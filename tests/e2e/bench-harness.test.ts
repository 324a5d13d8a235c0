import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-harness-'))
// Where PostgreSQL is installed (CI installs it) the harness runs its PostgreSQL part too, at one size.
const postgresInstalled = existsSync('/usr/lib/postgresql')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the benchmark harness (tiny size, so that it cannot rot)', () => {
  it('seeds, loads every endpoint, measures freshness, propagation to a second instance and memory, the two-instance PostgreSQL rows, and writes the results', () => {
    const out = path.join(dir, 'results.json')
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bench/run.mjs'),
        '--sizes',
        '11,12',
        '--duration',
        '1',
        '--connections',
        '4',
        '--publishes',
        '2',
        '--no-baseline',
        '--postgres-sizes',
        '12',
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 540_000,
        env: Object.fromEntries(
          Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'SEED_DEMO'),
        ) as NodeJS.ProcessEnv,
      },
    )
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
    expect(run.stdout).toMatch(/req\/s/)
    const results = JSON.parse(readFileSync(out, 'utf8'))
    expect(Object.keys(results.sizes)).toEqual(['11', '12'])
    for (const size of ['11', '12']) {
      const r = results.sizes[size]
      expect(Object.keys(r.figures)).toEqual([
        '/feed.xml',
        '/feed.xml 304',
        '/feed.json',
        'partner feed',
        '/',
        'release page',
        '/news?page=2',
        '/api/press-releases?limit=10',
        '/api/press-releases?limit=50&depth=0 (8 conn)',
        'API, distinct pages of 10, depth 0 (8 conn)',
        'API repeated: GraphQL, 10 releases with partners and topics',
        'API uncached: distinct queries of 10, depth 2 (8 conn)',
        'search, distinct queries (8 conn)',
        'search worst case: words in every release (8 conn)',
      ])
      for (const [name, f] of Object.entries(r.figures) as [
        string,
        { rps: number; errors: number; statusCodes: Record<string, unknown> },
      ][]) {
        expect(f.rps, name).toBeGreaterThan(0)
        expect(f.errors, name).toBe(0)
        expect(Object.keys(f.statusCodes), name).toEqual([name.endsWith('304') ? '304' : '200'])
      }
      expect(r.freshness.feed.p95).toBeGreaterThan(0)
      // A second instance on the same database shows a publish through the first.
      expect(r.propagation.feed.p95).toBeGreaterThan(0)
      expect(r.propagation.home.p50).toBeGreaterThan(0)
      expect(r.peakRssMb).toBeGreaterThan(0)
      expect(r.rssAfterMb).toBeGreaterThan(0)
      // The deepest archive page was requested cold (11 or 12 releases: page 2 is the last).
      expect(Object.keys(r.coldMs)).toEqual(['/news?page=2'])
      // Uncached archive pages once the server is warm, a partner's and a topic's list among them.
      expect(Object.keys(r.deepPages.times)).toEqual([
        '/news?page=1',
        '/news?partner=partner-3&page=1',
        '/news?topic=topic-2&page=1',
      ])
      expect(r.deepPages.max).toBeGreaterThan(0)
      expect(Object.keys(r.ratios)).toEqual(Object.keys(r.figures))
    }
    // Issue 17's targets, each with its figure and whether it is met.
    expect(results.targets.map((t: { what: string }) => t.what)).toContain(
      'search p95 ms at 12 releases, 8 concurrent distinct queries',
    )
    for (const t of results.targets) expect(typeof t.met, t.what).toBe('boolean')

    // Two instances on one PostgreSQL database: the feed and page rows, and propagation between them.
    if (!postgresInstalled) {
      expect(results.postgres.skipped).toMatch(/not installed/)
      expect(run.stdout).toMatch(/PostgreSQL part SKIPPED/)
      return
    }
    expect(results.postgres.version).toMatch(/^\d+/)
    expect(results.sizes['11'].twoInstancesPostgres).toBeUndefined()
    const pg = results.sizes['12'].twoInstancesPostgres
    expect(Object.keys(pg.figures)).toEqual([
      '/feed.xml',
      '/feed.xml 304',
      '/feed.json',
      'partner feed',
      '/',
      'release page',
      '/news?page=2',
    ])
    for (const [name, f] of Object.entries(pg.figures) as [
      string,
      { rps: number; perInstanceRps: number[]; errors: number; statusCodes: Record<string, unknown> },
    ][]) {
      expect(
        f.perInstanceRps.every((rps) => rps > 0),
        name,
      ).toBe(true)
      expect(f.errors, name).toBe(0)
      expect(Object.keys(f.statusCodes), name).toEqual([name.endsWith('304') ? '304' : '200'])
    }
    expect(pg.propagation.feed.p95).toBeGreaterThan(0)
    expect(pg.propagation.home.p50).toBeGreaterThan(0)
    expect(run.stdout).toMatch(/two instances on PostgreSQL/)
  }, 600_000)
})
