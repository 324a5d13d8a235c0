/**
 * Everything the public pages read, in one place. Every read goes through the local API as an
 * anonymous reader (so the visibility rule applies) and is cached in memory until public
 * content changes (see src/cache/publicCache.ts).
 */
import type { Where } from 'payload'

import { cachedPublic } from '@/cache/publicCache'
import type { Event, Milestone, Partner, PressRelease, Quote, Topic } from '@/payload-types'
import { SEARCH_LIMIT, searchPublic, searchTerms, type SearchResults } from '@/search'

import { findPublicPage } from './pages'
import { asPublic, payload } from './payload'

export const ARCHIVE_PAGE_SIZE = 10

/**
 * What a release card (src/components/ReleaseCard.tsx) shows, so archive pages read and populate
 * nothing more: the body, arrays and partner and topic relationships are never loaded for a list.
 */
export const RELEASE_CARD_SELECT = {
  title: true,
  slug: true,
  summary: true,
  dateline: true,
  publishedAt: true,
  embargoUntil: true,
  datePrecision: true,
  dateSource: true,
  heroImage: true,
} as const

/** A release as a card shows it (the fields above). */
export type ReleaseCardFields = Pick<PressRelease, 'id' | keyof typeof RELEASE_CARD_SELECT>

const find = async <T>(args: Record<string, unknown>): Promise<{ docs: T[]; totalDocs: number; totalPages: number; page?: number }> =>
  (await payload()).find({ ...args, ...asPublic } as never) as never

export const latestReleases = (limit = 6) =>
  cachedPublic(`releases:latest:${limit}`, async () =>
    (await find<PressRelease>({ collection: 'press-releases', sort: ['-publishedAt', '-id'], limit, depth: 1 })).docs,
  )

export const allTopics = () =>
  cachedPublic('topics:all', async () => (await find<Topic>({ collection: 'topics', sort: 'name', limit: 200, depth: 0 })).docs)

export const allPartners = () =>
  cachedPublic('partners:all', async () => (await find<Partner>({ collection: 'partners', sort: 'name', limit: 500, depth: 1 })).docs)

/**
 * Years that have public releases, newest first (for the archive filter): the newest and oldest
 * public dates, then one count per year between them, instead of reading every release.
 */
export const releaseYears = () =>
  cachedPublic('releases:years', async () => {
    const edge = async (sort: string) =>
      (await find<PressRelease>({ collection: 'press-releases', sort, limit: 1, depth: 0, select: { publishedAt: true } }))
        .docs[0]?.publishedAt
    const [newest, oldest] = await Promise.all([edge('-publishedAt'), edge('publishedAt')])
    if (!newest || !oldest) return []
    const years: string[] = []
    for (let year = Number(newest.slice(0, 4)); year >= Number(oldest.slice(0, 4)); year--) years.push(String(year))
    const p = await payload()
    const counts = await Promise.all(
      years.map((year) =>
        p.count({ collection: 'press-releases', where: { and: yearWhere(year) }, ...asPublic } as never),
      ),
    )
    return years.filter((_, i) => (counts[i] as { totalDocs: number }).totalDocs > 0)
  })

const yearWhere = (year: string): Where[] => [
  { publishedAt: { greater_than_equal: `${year}-01-01T00:00:00.000Z` } },
  { publishedAt: { less_than: `${Number(year) + 1}-01-01T00:00:00.000Z` } },
]

export type ArchiveQuery = { partner?: string; topic?: string; year?: string; page: number }

export const archive = (q: ArchiveQuery) =>
  cachedPublic(`releases:archive:${q.partner ?? ''}:${q.topic ?? ''}:${q.year ?? ''}:${q.page}`, async () => {
    const [partners, topics] = await Promise.all([allPartners(), allTopics()])
    const partner = q.partner ? partners.find((p) => p.slug === q.partner) : undefined
    const topic = q.topic ? topics.find((t) => t.slug === q.topic) : undefined
    const and: Where[] = []
    if (q.partner) and.push({ partners: { in: [partner?.id ?? -1] } })
    if (q.topic) and.push({ topics: { in: [topic?.id ?? -1] } })
    if (q.year) and.push(...yearWhere(q.year))
    const result = await findPublicPage<ReleaseCardFields>({
      collection: 'press-releases',
      where: and.length ? { and } : {},
      sort: ['-publishedAt', '-id'],
      page: q.page,
      limit: ARCHIVE_PAGE_SIZE,
      depth: 1,
      select: RELEASE_CARD_SELECT,
    })
    return { ...result, partner, topic }
  })

export const releaseBySlug = (slug: string) =>
  cachedPublic(`release:${slug}`, async () => {
    const { docs } = await find<PressRelease>({
      collection: 'press-releases',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 2,
    })
    return docs[0] ?? null
  })

export const partnerBySlug = (slug: string) =>
  cachedPublic(`partner:${slug}`, async () => {
    const { docs } = await find<Partner>({ collection: 'partners', where: { slug: { equals: slug } }, limit: 1, depth: 1 })
    const partner = docs[0]
    if (!partner) return null
    const [releases, quotes, milestones] = await Promise.all([
      find<PressRelease>({ collection: 'press-releases', where: { partners: { in: [partner.id] } }, sort: '-publishedAt', limit: 20, depth: 1 }),
      find<Quote>({ collection: 'quotes', where: { partner: { equals: partner.id } }, sort: '-date', limit: 20, depth: 1 }),
      find<Milestone>({ collection: 'milestones', where: { partners: { in: [partner.id] } }, sort: '-date', limit: 50, depth: 1 }),
    ])
    return { partner, releases: releases.docs, quotes: quotes.docs, milestones: milestones.docs }
  })

export const timeline = () =>
  cachedPublic('milestones:all', async () =>
    (await find<Milestone>({ collection: 'milestones', sort: 'date', limit: 500, depth: 1 })).docs,
  )

/** Events that have not ended yet (soonest first) and those that have (latest first). */
export const eventsByTime = async (now: number = Date.now()) => {
  const events = await allEvents()
  const hasEnded = (e: Event) => Date.parse(e.end ?? e.start) < now
  return { events, upcoming: events.filter((e) => !hasEnded(e)), past: events.filter(hasEnded).reverse() }
}

export const allEvents = () =>
  cachedPublic('events:all', async () =>
    (await find<Event>({ collection: 'events', sort: 'start', limit: 500, depth: 1 })).docs,
  )

/** Sitemap entries: every public release, partner and topic with its last change. */
export const sitemapEntries = () =>
  cachedPublic('sitemap', async () => {
    const [releases, partners, topics] = await Promise.all([
      find<PressRelease>({
        collection: 'press-releases',
        pagination: false,
        limit: 0,
        depth: 0,
        select: { slug: true, updatedAt: true, publishedAt: true, embargoUntil: true },
      }),
      find<Partner>({ collection: 'partners', pagination: false, limit: 0, depth: 0, select: { slug: true, updatedAt: true } }),
      find<Topic>({ collection: 'topics', pagination: false, limit: 0, depth: 0, select: { slug: true, updatedAt: true } }),
    ])
    return { releases: releases.docs, partners: partners.docs, topics: topics.docs }
  })

/**
 * Search results for a query (src/search/), cached by its stemmed terms: journalists repeat
 * searches, and a repeat answers from memory until public content changes. Distinct queries
 * each run the search; the byte budget bounds how many are kept.
 */
export const searchResults = (q: string): Promise<SearchResults> => {
  const terms = searchTerms(q)
  return cachedPublic(`search:${SEARCH_LIMIT}:${JSON.stringify(terms)}`, () => searchPublic(q))
}
