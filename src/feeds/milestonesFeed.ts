import { Feed } from 'feed'

import { asPublic, payload } from '@/data/payload'
import { isDayPrecise, precisionOf, reducedIsoDate } from '@/lib/datePrecision'
import { populated, populatedList } from '@/lib/populated'
import type { Milestone, Partner, PressRelease } from '@/payload-types'
import { siteName, siteUrl, websubHub } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

import { FEED_PAGE_SIZE } from './formats'
import type { BuiltFeed } from './releaseFeed'
import { toJsonFeed11 } from './standards'

/** The partnership timeline as JSON Feed 1.1: one item per milestone, with a `_milestone` object. */
export const buildMilestonesFeed = async (page: number): Promise<BuiltFeed> => {
  const result = await (
    await payload()
  ).find({
    collection: 'milestones',
    sort: ['-date', '-id'],
    page,
    limit: FEED_PAGE_SIZE,
    depth: 1,
    ...asPublic,
  })
  const totalPages = Math.max(result.totalPages, 1)
  if (page > totalPages) return { status: 404, message: `Page ${page} does not exist; this feed has ${totalPages}.` }
  const docs = result.docs as Milestone[]
  const lastModified = new Date(Math.max(0, ...docs.map((d) => Date.parse(d.updatedAt))) || Date.now())
  const url = (p: number) => absoluteUrl(paths.milestonesFeed(p))
  const hub = websubHub()
  const feed = new Feed({
    id: url(1),
    title: `Milestones · ${siteName()}`,
    description: 'The partnership timeline: memberships, designations, launches, agreements and site openings.',
    link: absoluteUrl(paths.milestones()),
    language: 'en-US',
    updated: lastModified,
    generator: false,
    author: { name: siteName(), link: siteUrl() },
    feedLinks: { json: url(page) },
    ...(hub ? { hub } : {}),
  })
  const extras = new Map<string, Record<string, unknown>>()
  for (const m of docs) {
    const release = populated<PressRelease>(m.announcedIn)
    const partners = populatedList<Partner>(m.partners)
    // Minted once (src/fields/feedId.ts); the formula is the backfilled ids' own, for a row written around the hooks.
    const id = m.feedId || `tag:${new URL(siteUrl()).hostname},${m.createdAt.slice(0, 10)}:milestone:${m.id}`
    feed.addItem({
      id,
      title: m.title,
      link: release ? absoluteUrl(paths.release(release.slug)) : absoluteUrl(paths.milestones(m.slug)),
      date: new Date(m.updatedAt),
      // An exact `date_published` only for a day the source gives; `_milestone` has the rest.
      ...(isDayPrecise(m.datePrecision) ? { published: new Date(m.date) } : {}),
      description: m.summary ?? undefined,
      category: [{ name: m.kind }],
    })
    extras.set(id, {
      // The summary is plain text: `content_text`, never `content_html`, so no reader runs markup from it.
      content_html: undefined,
      content_text: m.summary ?? m.title,
      ...(m.summary ? { summary: m.summary } : {}),
      _milestone: {
        date: reducedIsoDate(m.date, m.datePrecision),
        date_precision: precisionOf(m.datePrecision),
        date_source: m.dateSource || null,
        kind: m.kind,
        first: Boolean(m.isFirst),
        partners: partners.map((p) => ({ name: p.name, slug: p.slug, url: absoluteUrl(paths.partner(p.slug)) })),
        announced_in: release ? absoluteUrl(paths.release(release.slug)) : null,
      },
    })
  }
  const body = toJsonFeed11(feed.json1(), {
    language: 'en-US',
    nextUrl: page < totalPages ? url(page + 1) : undefined,
    itemExtras: (id) => extras.get(id),
  })
  return { status: 200, body, lastModified }
}
