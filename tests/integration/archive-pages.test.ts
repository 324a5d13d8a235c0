/**
 * Archive and feed pages (src/data/pages.ts: the count once per generation, the page's ids with
 * an offset but no count, then only those documents) must answer exactly what one plain public
 * `find` with an offset answers, on a few hundred releases: the same releases in the same order
 * (equal publish dates ordered by id), the same page figures, nothing past the last page, and
 * hidden releases (embargoed, scheduled, drafts) never shifting a public one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isReleasePublic } from '@/access/visibility'
import type { Partner, PressRelease, Topic } from '@/payload-types'

import { future, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const RELEASES = 220

let n: TestNewsroom
// Imported once the test database is chosen (the config reads DATABASE_URI when first loaded).
let data: typeof import('@/data/newsroom')
let releases: typeof import('@/data/releases')
let feedPageSize: number
let partner: Partner
let topic: Topic
const o = { overrideAccess: true, context: { seeding: true } } as const

beforeAll(async () => {
  n = await startTestNewsroom()
  data = await import('@/data/newsroom')
  releases = await import('@/data/releases')
  feedPageSize = (await import('@/feeds/formats')).FEED_PAGE_SIZE
  partner = await n.payload.create({
    collection: 'partners',
    data: { name: 'Archive partner', kind: 'health-system' },
    ...o,
  })
  topic = await n.payload.create({ collection: 'topics', data: { name: 'Archive topic' }, ...o })
  for (let i = 0; i < RELEASES; i++) {
    // Every fourth date is shared by three releases, so the id decides their order; the dates
    // do not follow creation order, so the ids do not either.
    const day = (i * 37) % 97
    const publishedAt = new Date(Date.UTC(2023 + (day % 3), day % 12, 1 + (day % 28), 12)).toISOString()
    const embargoed = i % 7 === 3
    const scheduled = i % 11 === 5
    const draft = i % 13 === 6
    await n.payload.create({
      collection: 'press-releases',
      data: releaseData({
        title: `Archive release ${i}`,
        _status: draft ? 'draft' : 'published',
        publishedAt: scheduled ? future() : publishedAt,
        embargoUntil: embargoed ? future() : undefined,
        partners: i % 2 ? [partner.id] : [],
        topics: i % 3 ? [topic.id] : [],
      }),
      ...o,
    })
  }
}, 300_000)
afterAll(async () => n?.close())

const SORT = ['-publishedAt', '-id']

/** The answer before src/data/pages.ts: one public find with an offset, everything populated. */
const plainFind = (where: Record<string, unknown>, page: number, limit: number, depth: number) =>
  n.payload.find({ collection: 'press-releases', where: where as never, sort: SORT, page, limit, depth, ...as(null) })

type Page = {
  docs: { id: number }[]
  totalDocs: number
  totalPages: number
  page?: number
  hasNextPage: boolean
  hasPrevPage: boolean
  nextPage?: number | null
  prevPage?: number | null
  pagingCounter: number
}
const figures = ({ docs, ...r }: Page) => ({
  ids: docs.map((d) => d.id),
  totalDocs: r.totalDocs,
  totalPages: r.totalPages,
  page: r.page,
  hasNextPage: r.hasNextPage,
  hasPrevPage: r.hasPrevPage,
  nextPage: r.nextPage,
  prevPage: r.prevPage,
  pagingCounter: r.pagingCounter,
})
/**
 * The figures Payload's find gives, except past the last page of a filter through a relationship
 * (partners, topics), where it says 0 documents on 0 pages: there the true count is expected (the
 * archive and feeds answer 404 past the last page either way).
 */
const pastTheEnd = (
  expected: unknown,
  page: number,
  first: { totalDocs: number; totalPages: number; limit: number },
) => {
  const f = figures(expected as Page)
  if (page <= first.totalPages || f.totalDocs) return f
  return {
    ...f,
    totalDocs: first.totalDocs,
    totalPages: first.totalPages,
    page,
    hasPrevPage: true,
    prevPage: page - 1,
    pagingCounter: (page - 1) * first.limit + 1,
  }
}

/** What a card shows, from a full document. */
const card = (d: PressRelease) => ({
  id: d.id,
  title: d.title,
  slug: d.slug,
  summary: d.summary,
  dateline: d.dateline,
  publishedAt: d.publishedAt,
  embargoUntil: d.embargoUntil,
  datePrecision: d.datePrecision,
  dateSource: d.dateSource,
  heroImage: d.heroImage ?? null,
})

/** Page numbers worth checking for a list of `pages` pages: both ends, the middle, past the end. */
const pagesToCheck = (pages: number) =>
  [...new Set([1, 2, Math.ceil(pages / 2), pages - 1, pages, pages + 1, pages + 7])].filter((p) => p >= 1)

const filters = () =>
  [
    ['everything', {}, {}, {}],
    ['a partner', { partner: 'archive-partner' }, { partner: partner.id }, { partners: { in: [partner.id] } }],
    ['a topic', { topic: 'archive-topic' }, { topic: topic.id }, { topics: { in: [topic.id] } }],
    [
      'a year',
      { year: '2024' },
      null,
      {
        and: [
          { publishedAt: { greater_than_equal: '2024-01-01T00:00:00.000Z' } },
          { publishedAt: { less_than: '2025-01-01T00:00:00.000Z' } },
        ],
      },
    ],
  ] as const

describe('archive pages', () => {
  it('every archive filter: the same releases, order and page figures as one public find, past the end too', async () => {
    for (const [name, query, , where] of filters()) {
      const first = await plainFind(where, 1, data.ARCHIVE_PAGE_SIZE, 0)
      const pages = first.totalPages
      expect(pages, name).toBeGreaterThanOrEqual(name === 'everything' ? 15 : 4)
      for (const page of pagesToCheck(pages)) {
        const got = await data.archive({ ...query, page })
        const expected = await plainFind(where, page, data.ARCHIVE_PAGE_SIZE, 1)
        expect(figures(got as unknown as Page), `${name}, page ${page}`).toEqual(pastTheEnd(expected, page, first))
        // Cards get exactly the fields they show, as the full read has them.
        expect(got.docs, `${name}, page ${page}`).toEqual((expected.docs as PressRelease[]).map(card))
      }
    }
  })

  it('feed pages: the same documents, whole and populated, as one public find', async () => {
    for (const [name, , filter, where] of filters()) {
      if (!filter) continue
      const first = await plainFind(where, 1, feedPageSize, 0)
      const pages = first.totalPages
      expect(pages, name).toBeGreaterThanOrEqual(2)
      for (const page of pagesToCheck(pages)) {
        const got = await releases.findPublicReleases(filter, page, feedPageSize)
        const expected = await plainFind(where, page, feedPageSize, 2)
        expect(figures(got as unknown as Page), `${name}, page ${page}`).toEqual(pastTheEnd(expected, page, first))
        expect(got.docs, `${name}, page ${page}`).toEqual(expected.docs)
      }
    }
  })

  it('all pages together are the public releases, newest first and equal dates by id, and hidden ones shift none', async () => {
    const { docs: everything } = await n.payload.find({
      collection: 'press-releases',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const publicOnes = everything
      .filter((d) => isReleasePublic(d))
      .sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!) || b.id - a.id)
    expect(publicOnes.length).toBeLessThan(everything.length)
    const sharedDates = publicOnes.length - new Set(publicOnes.map((d) => d.publishedAt)).size
    expect(sharedDates).toBeGreaterThan(20)

    const walk = async () => {
      const ids: number[] = []
      const first = await data.archive({ page: 1 })
      for (let page = 1; page <= first.totalPages; page++)
        ids.push(...(await data.archive({ page })).docs.map((d) => d.id))
      return { ids, totalDocs: first.totalDocs }
    }
    const before = await walk()
    expect(before.ids).toEqual(publicOnes.map((d) => d.id))
    expect(before.totalDocs).toBe(publicOnes.length)

    // An embargoed release dated newest of all, and a draft: no page moves.
    for (const extra of [{ embargoUntil: future() }, { _status: 'draft' }]) {
      await n.payload.create({
        collection: 'press-releases',
        data: releaseData({ _status: 'published', publishedAt: new Date().toISOString(), ...extra }),
        overrideAccess: true,
      })
    }
    expect(await walk()).toEqual(before)
  })

  it('a new public release is counted and shown at once (the cached count follows every change)', async () => {
    const before = await data.archive({ page: 1 })
    const created = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({
        title: 'Newest archive release',
        _status: 'published',
        publishedAt: new Date().toISOString(),
      }),
      overrideAccess: true,
    })
    const after = await data.archive({ page: 1 })
    expect(after.totalDocs).toBe(before.totalDocs + 1)
    expect(after.docs[0].id).toBe(created.id)
    const last = await data.archive({ page: after.totalPages })
    expect(last.docs.length).toBe(after.totalDocs - (after.totalPages - 1) * data.ARCHIVE_PAGE_SIZE)
  })

  it('offer exactly the years that have public releases', async () => {
    const { docs } = await n.payload.find({ collection: 'press-releases', pagination: false, depth: 0, ...as(null) })
    const years = [...new Set(docs.map((d) => d.publishedAt!.slice(0, 4)))].sort().reverse()
    expect(await data.releaseYears()).toEqual(years)
    expect(years).toEqual(['2026', '2025', '2024', '2023'])
  })
})
