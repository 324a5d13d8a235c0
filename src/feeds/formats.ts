/** The feed formats the newsroom publishes, with their file names and media types. */
export type FeedFormat = 'rss' | 'atom' | 'json'

export const FEED_FORMATS: Record<FeedFormat, { file: string; mediaType: string; label: string }> = {
  rss: { file: 'feed.xml', mediaType: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', label: 'JSON Feed' },
}

export type FeedScope = { kind: 'site' } | { kind: 'partner'; slug: string } | { kind: 'topic'; slug: string }

export const SITE_SCOPE: FeedScope = { kind: 'site' }

/** Path of a feed, e.g. `/feed.xml`, `/partners/msk/atom.xml`, `/topics/clinical-trials/feed.json`. */
export const feedPath = (scope: FeedScope, format: FeedFormat): string => {
  const file = FEED_FORMATS[format].file
  if (scope.kind === 'site') return `/${file}`
  return `/${scope.kind === 'partner' ? 'partners' : 'topics'}/${scope.slug}/${file}`
}

export const scopeKey = (scope: FeedScope): string => (scope.kind === 'site' ? 'site' : `${scope.kind}:${scope.slug}`)

/** Newest items per feed page. */
export const FEED_PAGE_SIZE = 50
