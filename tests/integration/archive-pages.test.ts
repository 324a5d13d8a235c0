/**
 * The archive's pages read the page's ids first and then those releases whole
 * (src/data/pages.ts): every page, filter and count must be exactly what one plain public
 * `find` answers, hidden releases and equal publish dates included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Partner, PressRelease, Topic } from '@/payload-types'

import { future, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
// Imported once the test database is chosen (the config reads DATABASE_URI when first loaded).
let data: typeof import('@/data/newsroom')
let partner: Partner
let topic: Topic

beforeAll(async () => {
  n = await startTestNewsroom()
  data = await import('@/data/newsroom')
  const o = { overrideAccess: true } as const
  partner = await n.payload.create({
    collection: 'partners',
    data: { name: 'Archive partner', kind: 'health-system' },
    ...o,
  })
  topic = await n.payload.create({ collection: 'topics', data: { name: 'Archive topic' }, ...o })
  for (let i = 0; i < 34; i++) {
    // Several releases share a publish date, so the id decides their order.
    const year = 2024 + (i % 3)
    const publishedAt = new Date(Date.UTC(year, i % 12, 1 + Math.floor(i / 6), 12)).toISOString()
    const hidden = i % 7 === 3
    await n.payload.create({
      collection: 'press-releases',
      data: releaseData({
        title: `Archive release ${i}`,
        _status: 'published',
        publishedAt,
        embargoUntil: hidden ? future() : undefined,
        partners: i % 2 ? [partner.id] : [],
        topics: i % 3 ? [topic.id] : [],
      }),
      ...o,
    })
  }
}, 120_000)
afterAll(async () => n?.close())

const plainFind = (where: Record<string, unknown>, page: number) =>
  n.payload.find({
    collection: 'press-releases',
    where: where as never,
    sort: ['-publishedAt', '-id'],
    page,
    limit: data.ARCHIVE_PAGE_SIZE,
    depth: 1,
    ...as(null),
  })

const shape = (r: {
  docs: PressRelease[]
  totalDocs: number
  totalPages: number
  page?: number
  hasNextPage: boolean
  hasPrevPage: boolean
}) => ({
  docs: r.docs,
  totalDocs: r.totalDocs,
  totalPages: r.totalPages,
  page: r.page,
  hasNextPage: r.hasNextPage,
  hasPrevPage: r.hasPrevPage,
})

describe('archive pages', () => {
  const filters = [
    ['everything', {}, {}],
    ['a partner', { partner: 'archive-partner' }, () => ({ partners: { in: [partner.id] } })],
    ['a topic', { topic: 'archive-topic' }, () => ({ topics: { in: [topic.id] } })],
    [
      'a year',
      { year: '2025' },
      {
        and: [
          { publishedAt: { greater_than_equal: '2025-01-01T00:00:00.000Z' } },
          { publishedAt: { less_than: '2026-01-01T00:00:00.000Z' } },
        ],
      },
    ],
  ] as const

  for (const [name, query, where] of filters) {
    it(`are what one public find answers, for ${name}, on every page and one past the end`, async () => {
      const w = typeof where === 'function' ? where() : where
      const expectedPages = (await plainFind(w, 1)).totalPages
      expect(expectedPages).toBeGreaterThanOrEqual(name === 'a year' ? 1 : 2)
      for (let page = 1; page <= expectedPages + 1; page++) {
        const got = await data.archive({ ...query, page })
        const expected = await plainFind(w, page)
        expect(shape(got as never)).toEqual(shape(expected as never))
      }
    })
  }

  it('offer exactly the years that have public releases', async () => {
    const { docs } = await n.payload.find({ collection: 'press-releases', pagination: false, depth: 0, ...as(null) })
    const years = [...new Set(docs.map((d) => d.publishedAt!.slice(0, 4)))].sort().reverse()
    expect(await data.releaseYears()).toEqual(years)
    expect(years).toEqual(['2026', '2025', '2024'])
  })
})
