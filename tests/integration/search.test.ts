/**
 * Search on the database's full-text index (src/search/; SQLite FTS5, or PostgreSQL with TEST_DATABASE=postgres): stemming, snippets cut at word
 * boundaries, one passage per result, relevance with a date tie-break, and the visibility rule —
 * hidden releases (and their quotes) are never found, and the index follows every edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease } from '@/payload-types'
import { SEARCH_SPECS } from '@/search/fields'
import { type PgPool, pgVector } from '@/search/postgres'
import { bestPassage, MARK_START, markedParts, unmarked } from '@/search/terms'

import { future, HOUR, past, releaseData, richText } from '../helpers/fixtures'
import { startTestNewsroom, testDatabase, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
// Imported once the test database is chosen (the config reads DATABASE_URI when first loaded).
let searchPublic: typeof import('@/search').searchPublic
const o = { overrideAccess: true } as const

const release = (data: Record<string, unknown>, draft = false) =>
  n.payload.create({
    collection: 'press-releases',
    data: releaseData({ _status: draft ? 'draft' : 'published', publishedAt: past(), ...data }),
    draft,
    ...o,
  })

const titles = async (q: string) => (await searchPublic(q)).releases.map((r) => r.doc.title)

const LONG_BODY = [
  'Hartford HealthCare opened its regional cancer centre on Monday, after two years of building work that cost far more than the original estimate suggested to the board.',
  'The centre treats patients with chemotherapy infusions in forty private bays, each with a window onto the river and a chair for a relative who keeps them company.',
  'Nurses trained at the alliance hospitals will staff the bays around the clock, and pharmacists prepare every dose in a clean room on the floor below the ward.',
]

beforeAll(async () => {
  n = await startTestNewsroom()
  ;({ searchPublic } = await import('@/search'))
  await release({ title: 'Infusion centre opens', summary: 'A new place for treatment.', publishedAt: past(3 * HOUR) })
  await release({
    title: 'Regional centre news',
    summary: 'Two more infusions are offered each day.',
    publishedAt: past(2 * HOUR),
  })
  await release({ title: 'Long body release', summary: 'About the building.', body: richText(...LONG_BODY) })
  await release({
    title: 'Repeated sentence release',
    summary: 'The quokka programme reaches every county in the state.',
    body: richText('The quokka programme reaches every county in the state.', 'It began in spring.'),
  })
}, 120_000)
afterAll(async () => n?.close())

describe('search finds words as readers write them', () => {
  it('matches every form of a word: "infusions" finds what "infusion" finds', async () => {
    const singular = await titles('infusion')
    expect(singular.sort()).toEqual(['Infusion centre opens', 'Long body release', 'Regional centre news'].sort())
    expect((await titles('infusions')).sort()).toEqual(singular.sort())
    expect((await titles('INFUSIONS,')).sort()).toEqual(singular.sort())
  })

  it('marks the matched words in titles, whatever their form', async () => {
    const { releases } = await searchPublic('infusions')
    const hit = releases.find((r) => r.doc.title === 'Infusion centre opens')!
    expect(markedParts(hit.marks.title!)).toEqual([
      { text: 'Infusion', marked: true },
      { text: ' centre opens', marked: false },
    ])
  })

  it('cuts snippets between words, from the field that matched, and says where it cut', async () => {
    const { releases } = await searchPublic('pharmacists')
    const hit = releases.find((r) => r.doc.title === 'Long body release')!
    const passage = bestPassage([hit.marks.summary, hit.marks.searchText, hit.marks.subtitle])!
    expect(passage).toContain(MARK_START)
    expect(passage.startsWith('…')).toBe(true)
    const inner = unmarked(passage).replace(/^…/, '').replace(/…$/, '')
    const body = LONG_BODY.join(' ')
    const at = body.indexOf(inner)
    expect(at).toBeGreaterThan(0)
    // Whole words at both ends: the body has a space (or nothing) on either side of the snippet.
    expect(body[at - 1]).toBe(' ')
    expect([' ', undefined]).toContain(body[at + inner.length])
    expect(
      markedParts(passage)
        .filter((p) => p.marked)
        .map((p) => p.text),
    ).toEqual(['pharmacists'])
  })

  it('shows a sentence the body repeats from the summary once', async () => {
    const { releases } = await searchPublic('quokka')
    expect(releases).toHaveLength(1)
    const { marks } = releases[0]
    // Subtitle, summary and body are separate fields, each marked on its own ...
    expect(unmarked(marks.summary!)).toBe('The quokka programme reaches every county in the state.')
    expect(unmarked(marks.searchText!)).toMatch(/^The quokka programme reaches every county in the state\. It began/)
    // ... and a result shows one of them.
    const passage = unmarked(bestPassage([marks.summary, marks.searchText, marks.subtitle])!)
    expect(passage.split('quokka programme').length - 1).toBe(1)
  })
})

describe('ranking', () => {
  it('puts title matches before body matches, and equally relevant releases newest first', async () => {
    await release({ title: 'Wombat screening begins', publishedAt: past(10 * HOUR) })
    await release({
      title: 'Screening news',
      body: richText('A word about the wombat study in passing.'),
      publishedAt: past(HOUR),
    })
    await release({ title: 'Wombat screening expands', publishedAt: past(5 * HOUR) })
    expect(await titles('wombat')).toEqual(['Wombat screening expands', 'Wombat screening begins', 'Screening news'])
  })
})

describe('what is hidden is never found', () => {
  let control: PressRelease
  beforeAll(async () => {
    control = await release({ title: 'Zebracorn control release' })
    await release({ title: 'Zebracorn draft' }, true)
    await release({ title: 'Zebracorn embargoed', embargoUntil: future() })
    await release({ title: 'Zebracorn future dated', publishedAt: future() })
    // Enough hidden matches, all newer than the control, to fill several batches of candidates.
    for (let i = 0; i < 45; i++) await release({ title: `Zebracorn hidden ${i}`, embargoUntil: future() })
  }, 120_000)

  it('finds the public release behind any number of hidden ones, and only it', async () => {
    expect(await titles('zebracorn')).toEqual(['Zebracorn control release'])
  })

  it('never finds or shows the words of a newer draft of a public release', async () => {
    await n.payload.update({
      collection: 'press-releases',
      id: control.id,
      data: { summary: 'Secret narwhal merger terms.' },
      draft: true,
      ...o,
    })
    expect(await titles('narwhal')).toEqual([])
    const [hit] = (await searchPublic('zebracorn')).releases
    expect(JSON.stringify(hit)).not.toMatch(/narwhal/i)
  })

  it('never finds quotes of a hidden release', async () => {
    const hidden = await release({ title: 'Hidden with quote', embargoUntil: future() })
    const shown = await release({ title: 'Shown with quote' })
    for (const r of [hidden, shown]) {
      await n.payload.create({
        collection: 'quotes',
        data: {
          _status: 'published',
          text: `Capybaras everywhere, said ${r.title}.`,
          speakerName: 'Dana Reyes',
          provenance: 'verbatim',
          release: r.id,
        },
        ...o,
      })
    }
    const { quotes } = await searchPublic('capybara')
    expect(quotes.map((q) => q.doc.text)).toEqual(['Capybaras everywhere, said Shown with quote.'])
  })

  it('finds partners by any form of their words', async () => {
    await n.payload.create({
      collection: 'partners',
      data: {
        name: 'Oncology Partners of Vermont',
        kind: 'health-system',
        summary: 'Runs screenings across the state.',
      },
      ...o,
    })
    const { partners } = await searchPublic('screening vermont')
    expect(partners.map((p) => p.doc.name)).toEqual(['Oncology Partners of Vermont'])
  })
})

describe('the index follows every change', () => {
  it('after an edit, an unpublish and a delete', async () => {
    const doc = await release({ title: 'Okapi sanctuary opens', summary: 'A plain summary.' })
    expect(await titles('okapi')).toEqual(['Okapi sanctuary opens'])

    await n.payload.update({
      collection: 'press-releases',
      id: doc.id,
      data: { title: 'Pangolin sanctuary opens' },
      ...o,
    })
    expect(await titles('okapi')).toEqual([])
    expect(await titles('pangolins')).toEqual(['Pangolin sanctuary opens'])

    await n.payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'draft' }, ...o })
    expect(await titles('pangolin')).toEqual([])

    await n.payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'published' }, ...o })
    expect(await titles('pangolin')).toEqual(['Pangolin sanctuary opens'])

    await n.payload.delete({ collection: 'press-releases', id: doc.id, ...o })
    expect(await titles('pangolin')).toEqual([])

    if (testDatabase() === 'postgres') {
      // PostgreSQL: the search query uses the migration's GIN index (its expression is the query's).
      const pool = (n.payload.db as unknown as { pool: PgPool }).pool
      const spec = SEARCH_SPECS['press-releases']
      const plan = await pool.query(
        `BEGIN; SET LOCAL enable_seqscan = off; EXPLAIN SELECT id FROM press_releases WHERE (${pgVector(spec)}) @@ plainto_tsquery('english', 'pangolin'); COMMIT;`,
      )
      expect(JSON.stringify(plan)).toContain('press_releases_search_idx')
      return
    }
    // The index still agrees with the tables it indexes (FTS5 raises an error if it does not).
    const client = (n.payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client
    for (const table of ['press_releases_search', 'quotes_search', 'partners_search']) {
      await client.execute(`INSERT INTO ${table}(${table}) VALUES ('integrity-check')`)
    }
  })
})

describe('the search page reads cached results that follow every change', () => {
  it('a repeat is answered from the cache; a publish, an unpublish and a publish date reaching now all show at once', async () => {
    const { searchResults } = await import('@/data/newsroom')
    const { publicContentStore } = await import('@/cache/store.mjs')
    const deadline = Date.now() + 5000
    while (!publicContentStore().watching && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    const cachedTitles = async (q: string) => (await searchResults(q)).releases.map((r) => r.doc.title)

    expect(await cachedTitles('narwhal')).toEqual([])
    expect([...publicContentStore().entries.keys()].filter((k) => k.startsWith('search:'))).toContain(
      'search:20:["narwhal"]',
    )
    const doc = await release({ title: 'Narwhal clinic opens', summary: 'A plain summary.' })
    expect(await cachedTitles('narwhals')).toEqual(['Narwhal clinic opens'])
    expect(await cachedTitles('narwhal')).toEqual(['Narwhal clinic opens'])
    await n.payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'draft' }, ...o })
    expect(await cachedTitles('narwhal')).toEqual([])

    // Scheduled: public in two seconds, with no write when that moment comes.
    await release({
      title: 'Narwhal ward scheduled',
      summary: 'Not yet.',
      publishedAt: new Date(Date.now() + 2000).toISOString(),
    })
    expect(await cachedTitles('narwhal')).toEqual([])
    await new Promise((r) => setTimeout(r, 2300))
    expect(await cachedTitles('narwhal')).toEqual(['Narwhal ward scheduled'])
  })
})
