import { Feed, type Item } from 'feed'

import { publicDateOf, publicModifiedOf } from '@/access/visibility'
import { asPublic, payload } from '@/data/payload'
import { findPublicReleases } from '@/data/releases'
import { currentSlugOf } from '@/data/slugRedirects'
import { correctionHeading, correctionsOf } from '@/lib/corrections'
import { isDayPrecise, precisionOf, reducedIsoDate } from '@/lib/datePrecision'
import { NEWSROOM_TIME_ZONE } from '@/lib/format'
import { populated, populatedList } from '@/lib/populated'
import type { Media, Partner, PressRelease, Topic } from '@/payload-types'
import { plainTextToHtml, richTextToHtmlAfter } from '@/richText/html'
import { siteName, siteUrl, websubHub } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

import { FEED_FORMATS, FEED_PAGE_SIZE, type FeedFormat, type FeedScope } from './formats'
import {
  addAtomPagingLinks,
  type Enclosures,
  normalMediaType,
  pagingRels,
  toJsonFeed11,
  wellFormedFeedXml,
  type PagingLinks,
} from './standards'

export type BuiltFeed =
  | { status: 200; body: string; lastModified: Date }
  | { status: 404 | 400; message: string }
  /** A partner or topic feed under an earlier slug: a permanent redirect to the same feed under the current one. */
  | { status: 301; location: string }

const LANGUAGE = 'en-US'

type ResolvedScope = {
  title: string
  description: string
  page: string
  filter: { partner?: number; topic?: number }
  updatedAt?: string
}

const resolveScope = async (scope: FeedScope): Promise<ResolvedScope | null> => {
  const name = siteName()
  if (scope.kind === 'site') {
    return { title: name, description: `Press releases from the ${name}.`, page: paths.news(), filter: {} }
  }
  const p = await payload()
  const collection = scope.kind === 'partner' ? 'partners' : 'topics'
  const { docs } = await p.find({
    collection,
    where: { slug: { equals: scope.slug } },
    limit: 1,
    depth: 0,
    ...asPublic,
  })
  const doc = docs[0] as Partner | Topic | undefined
  if (!doc) return null
  if (scope.kind === 'partner') {
    const partner = doc as Partner
    return {
      title: `${partner.name} · ${name}`,
      description: `Press releases involving ${partner.name}.`,
      page: paths.partner(partner.slug),
      filter: { partner: partner.id },
      updatedAt: partner.updatedAt,
    }
  }
  const topic = doc as Topic
  return {
    title: `${topic.name} · ${name}`,
    description: topic.description || `Press releases about ${topic.name}.`,
    page: paths.topic(topic.slug),
    filter: { topic: topic.id },
    updatedAt: topic.updatedAt,
  }
}

/**
 * The entry id minted when the release was created (src/fields/feedId.ts), so neither a new
 * SITE_URL nor a slug edit makes readers see the release again as new. Releases saved before ids
 * were stored were given, by the backfill migration, exactly the id they had been published with;
 * that same formula is only a fallback for a row written around the hooks.
 */
const releaseId = (doc: PressRelease) =>
  doc.feedId || `tag:${new URL(siteUrl()).hostname},${doc.createdAt.slice(0, 10)}:press-release:${doc.id}`

/** Entries with no partner of their own are by the newsroom, in every format (RSS says so with dc:creator). */
const newsroomAuthor = () => ({ name: siteName(), link: siteUrl() })

/**
 * A release whose source gives only a month or a year gets no exact publication date where the
 * format lets it go without one: no RSS `pubDate` (RSS then carries `dc:date`, which W3CDTF lets
 * be "2013-09" or "2013"), no Atom `published`, no JSON Feed `date_published` (JSON items carry
 * `_release` with the reduced date and its precision). Atom's required `updated` is the last
 * edit, which is exact.
 */
const reducedRelease = (doc: PressRelease) => {
  const published = publicDateOf(doc)
  return isDayPrecise(doc.datePrecision) || !published
    ? null
    : {
        date: reducedIsoDate(published, doc.datePrecision, NEWSROOM_TIME_ZONE),
        date_precision: precisionOf(doc.datePrecision),
        date_source: doc.dateSource || null,
      }
}

/**
 * When a release last changed for its readers: its public date, a later edit or a later public
 * correction (Atom `updated`, JSON `date_modified`, and for a corrected release RSS `atom:updated`,
 * since RSS has no element of its own for it and `pubDate` stays the public date).
 */
const modifiedOf = (doc: PressRelease) => new Date(publicModifiedOf(doc) ?? doc.updatedAt)

/** The content: the release's corrections, newest first, above its body. */
const contentOf = (doc: PressRelease) =>
  richTextToHtmlAfter(
    correctionsOf(doc).map((c) => ({ heading: correctionHeading(c), text: c.note })),
    doc.body,
  )

const itemDates = (doc: PressRelease, format: FeedFormat): Pick<Item, 'date' | 'published' | 'extensions'> => {
  const reduced = reducedRelease(doc)
  if (!reduced) return { date: modifiedOf(doc), published: new Date(publicDateOf(doc) ?? doc.updatedAt) }
  if (format === 'rss')
    // The feed package writes `pubDate` from `date` when there is no `published`: neither is given.
    return { date: undefined as unknown as Date, extensions: [{ name: 'dc:date', objects: { _text: reduced.date } }] }
  return { date: modifiedOf(doc) }
}

const toItem = (doc: PressRelease, format: FeedFormat): Item => {
  const partners = populatedList<Partner>(doc.partners)
  const topics = populatedList<Topic>(doc.topics)
  const hero = populated<Media>(doc.heroImage)
  const creators = partners.length ? partners.map((p) => p.name) : [siteName()]
  const { extensions: dateExtensions = [], ...dates } = itemDates(doc, format)
  const authors = partners.length
    ? partners.map((p) => ({ name: p.name, link: p.website ?? absoluteUrl(paths.partner(p.slug)) }))
    : [newsroomAuthor()]
  return {
    id: releaseId(doc),
    title: doc.title,
    link: absoluteUrl(paths.release(doc.slug)),
    ...dates,
    // RSS readers show <description> as HTML; Atom's <summary> and JSON's `summary` are plain text.
    description: format === 'rss' ? plainTextToHtml(doc.summary) : doc.summary,
    content: contentOf(doc),
    // Categories lead to their pages: RSS's domain is the topic's (or partner's) page, Atom's scheme
    // the list of them, with the slug as the term.
    category: [
      ...topics.map((t) => ({
        name: t.name,
        term: t.slug ?? undefined,
        domain: absoluteUrl(paths.topic(t.slug)),
        scheme: absoluteUrl(paths.topics()),
      })),
      ...partners.map((p) => ({
        name: p.name,
        term: p.slug ?? undefined,
        domain: absoluteUrl(paths.partner(p.slug)),
        scheme: absoluteUrl(paths.partners()),
      })),
    ],
    ...(hero?.url
      ? {
          image: {
            url: absoluteUrl(hero.url),
            type: normalMediaType(hero.mimeType) ?? undefined,
            length: hero.filesize ?? undefined,
            title: hero.alt,
          },
        }
      : {}),
    // Atom and JSON name the partners (or the newsroom) as authors. RSS's <author> must be an e-mail
    // address, which an organisation's name is not, so RSS items carry dc:creator instead.
    ...(format !== 'rss' ? { author: authors } : {}),
    ...(format === 'rss'
      ? {
          extensions: [
            { name: 'dc:creator', objects: { _text: creators.join(', ') } },
            ...dateExtensions,
            ...(correctionsOf(doc).length
              ? [{ name: 'atom:updated', objects: { _text: modifiedOf(doc).toISOString() } }]
              : []),
          ],
        }
      : {}),
  }
}

const pageUrl = (scope: FeedScope, format: FeedFormat, page: number) => absoluteUrl(paths.feed(scope, format, page))

/** One page of a release feed (site-wide, per partner or per topic) in one format. */
export const buildReleaseFeed = async (scope: FeedScope, format: FeedFormat, page: number): Promise<BuiltFeed> => {
  const resolved = await resolveScope(scope)
  if (!resolved) {
    if (scope.kind !== 'site') {
      const current = await currentSlugOf(scope.kind === 'partner' ? 'partners' : 'topics', scope.slug)
      if (current)
        return { status: 301, location: absoluteUrl(paths.feed({ kind: scope.kind, slug: current }, format, page)) }
    }
    return { status: 404, message: `No ${scope.kind} with that slug.` }
  }
  const result = await findPublicReleases(resolved.filter, page, FEED_PAGE_SIZE)
  const totalPages = Math.max(result.totalPages, 1)
  if (page > totalPages) return { status: 404, message: `Page ${page} does not exist; this feed has ${totalPages}.` }

  const docs = result.docs as PressRelease[]
  const newest = Math.max(
    0,
    ...docs.map((d) => modifiedOf(d).getTime()),
    resolved.updatedAt ? Date.parse(resolved.updatedAt) : 0,
  )
  const lastModified = new Date(newest || Date.now())
  const self = pageUrl(scope, format, page)
  const paging: PagingLinks = {
    first: pageUrl(scope, format, 1),
    last: pageUrl(scope, format, totalPages),
    ...(page > 1 ? { prev: pageUrl(scope, format, page - 1) } : {}),
    ...(page < totalPages ? { next: pageUrl(scope, format, page + 1) } : {}),
  }
  const hub = websubHub()
  const feed = new Feed({
    id: absoluteUrl(paths.feed(scope, 'atom')),
    title: resolved.title,
    description: resolved.description,
    link: absoluteUrl(resolved.page),
    language: LANGUAGE,
    updated: lastModified,
    generator: false,
    copyright: `© ${siteName()} and its partners`,
    author: { name: siteName(), link: siteUrl() },
    feedLinks: { [format]: self },
    ...(hub ? { hub } : {}),
  })
  for (const doc of docs) feed.addItem(toItem(doc, format))
  const enclosures: Enclosures = new Map()
  for (const doc of docs) {
    const hero = populated<Media>(doc.heroImage)
    if (hero?.url) enclosures.set(absoluteUrl(hero.url), { type: hero.mimeType, length: hero.filesize })
  }

  if (format === 'rss') {
    // All channel-level atom:links in one extension: self, hub and paging (RFC 5005).
    const links = [
      { rel: 'self', href: self, type: FEED_FORMATS.rss.mediaType },
      ...(hub ? [{ rel: 'hub', href: hub }] : []),
      ...pagingRels(paging),
    ]
    feed.addExtension({ name: 'atom:link', objects: links.map((l) => ({ _attributes: l })) as never })
    return { status: 200, body: wellFormedFeedXml(feed.rss2(), { enclosures }), lastModified }
  }
  if (format === 'atom')
    return {
      status: 200,
      body: wellFormedFeedXml(addAtomPagingLinks(feed.atom1(), paging), { enclosures }),
      lastModified,
    }
  const reduced = new Map(docs.map((doc) => [releaseId(doc), reducedRelease(doc)]))
  return {
    status: 200,
    body: toJsonFeed11(feed.json1(), {
      language: LANGUAGE,
      nextUrl: paging.next,
      itemExtras: (id) => {
        const release = reduced.get(id)
        return release ? { _release: release } : undefined
      },
    }),
    lastModified,
  }
}
