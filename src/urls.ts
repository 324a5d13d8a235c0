/**
 * Every public URL of the newsroom, in one place (CONTRACT.md, "Public URLs"). Pages, feeds,
 * JSON-LD, the sitemap, notifications, e-mail and the admin's preview links build their paths
 * here; nothing else spells one (eslint.config.mjs refuses a literal public path anywhere else
 * in `src/` and `collections/`).
 */
// Relative: next.config.ts loads this module (through src/security/headers.ts) without path aliases.
import { siteUrl } from './server/env'

export type FeedFormat = 'rss' | 'atom' | 'json'

/** Which releases a feed carries: all of them, one partner's or one topic's. */
export type FeedScope = { kind: 'site' } | { kind: 'partner'; slug: string } | { kind: 'topic'; slug: string }

export const SITE_SCOPE: FeedScope = { kind: 'site' }

/** The file name of each feed format, e.g. `/feed.xml`, `/partners/msk/atom.xml`. */
export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }

export type ArchiveFilter = {
  partner?: string | null
  topic?: string | null
  year?: string | number | null
  page?: number | null
}

type Query = Record<string, string | number | null | undefined>

/** Slugs are always set on saved documents; typed loosely so callers need not assert it. */
type Slug = string | null | undefined

/** `?a=1&b=2` for the parameters that have a value, or nothing. */
const query = (params: Query): string => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** `?page=N` from the second page on: the first page is the plain URL. */
const pageQuery = (page?: number | null): Query => ({ page: page && page > 1 ? page : undefined })

const scopeBase = (scope: FeedScope): string =>
  scope.kind === 'site' ? '' : scope.kind === 'partner' ? paths.partner(scope.slug) : paths.topic(scope.slug)

/** Paths on the public site (and the admin's), relative to SITE_URL. */
export const paths = {
  home: () => '/',
  /** The release archive, optionally filtered and paged. */
  news: ({ partner, topic, year, page }: ArchiveFilter = {}) =>
    `/news${query({ partner, topic, year, ...pageQuery(page) })}`,
  release: (slug: Slug) => `/news/${slug ?? ''}`,
  /** A release's whole press kit as one zip archive. */
  pressKit: (slug: Slug) => `/news/${slug ?? ''}/press-kit.zip`,
  partners: () => '/partners',
  partner: (slug: Slug) => `/partners/${slug ?? ''}`,
  topics: () => '/topics',
  topic: (slug: Slug) => `/topics/${slug ?? ''}`,
  /** The timeline, or one milestone on it. */
  milestones: (slug?: Slug) => (slug ? `/milestones#${slug}` : '/milestones'),
  /** The events page, or one event on it. */
  events: (slug?: Slug) => (slug ? `/events#${slug}` : '/events'),
  search: (q?: string | null) => `/search${query({ q })}`,
  feed: (scope: FeedScope, format: FeedFormat, page?: number | null) =>
    `${scopeBase(scope)}/${FEED_FILES[format]}${query(pageQuery(page))}`,
  milestonesFeed: (page?: number | null) => `/milestones/feed.json${query(pageQuery(page))}`,
  eventsCalendar: () => '/events.ics',
  sitemap: () => '/sitemap.xml',
  admin: () => '/admin',
  adminDocument: (collection: string, id: number | string) => `/admin/collections/${collection}/${id}`,
  adminAccount: () => '/admin/account',
  adminPasswordReset: (token: string) => `/admin/reset/${encodeURIComponent(token)}`,
  api: () => '/api',
  /** A journalist's subscription: its preferences page (from every alert) and what the form and links land on. */
  subscription: (token: string) => `/subscriptions${query({ token })}`,
  subscriptionConfirm: (token: string) => `/subscriptions${query({ confirm: token })}`,
  subscriptionOutcome: (outcome: 'sent' | 'confirmed' | 'unsubscribed' | 'invalid', token?: string) =>
    `/subscriptions${query({ outcome, token })}`,
  /** The subscribe form's, confirmation's and (RFC 8058 one-click) unsubscribe's endpoints. */
  subscribeEndpoint: () => '/api/subscribers/subscribe',
  confirmEndpoint: () => '/api/subscribers/confirm',
  preferencesEndpoint: () => '/api/subscribers/preferences',
  unsubscribeEndpoint: (token?: string) => `/api/subscribers/unsubscribe${query({ token })}`,
  /** A press contact's personal link to an embargoed release (src/briefings/), never cached or indexed. */
  briefing: (token: string) => `/briefings/${encodeURIComponent(token)}`,
  /** Where every pre-briefing link lives: kept out of robots and the page replay. */
  briefings: () => '/briefings/',
  previewEnter: (path: string) => `/preview/enter${query({ path })}`,
  previewExit: (path: string) => `/preview/exit${query({ path })}`,
}

/** An absolute URL on the public site, for feeds, JSON-LD, sitemaps, e-mail and webhooks. */
export const absoluteUrl = (pathOrUrl: string): string => new URL(pathOrUrl, `${siteUrl()}/`).toString()

/**
 * The public page of a document, by collection: internal links in rich text and the admin's
 * Preview buttons. Null for documents without a page of their own (or without a slug yet).
 */
export const pathOfDocument = (collection: string | undefined, doc: { slug?: string | null } | null | undefined) => {
  const slug = doc?.slug
  if (!slug) return null
  switch (collection) {
    case 'press-releases':
      return paths.release(slug)
    case 'partners':
      return paths.partner(slug)
    case 'topics':
      return paths.topic(slug)
    case 'events':
      return paths.events(slug)
    case 'milestones':
      return paths.milestones(slug)
    default:
      return null
  }
}
