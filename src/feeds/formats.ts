/** The feed formats the newsroom publishes, with their media types and labels (paths: src/urls.ts). */
import { FEED_FILES, type FeedFormat, type FeedScope } from '@/urls'

export { SITE_SCOPE, type FeedFormat, type FeedScope } from '@/urls'

export const FEED_FORMATS: Record<FeedFormat, { file: string; mediaType: string; label: string }> = {
  rss: { file: FEED_FILES.rss, mediaType: 'application/rss+xml', label: 'RSS' },
  atom: { file: FEED_FILES.atom, mediaType: 'application/atom+xml', label: 'Atom' },
  json: { file: FEED_FILES.json, mediaType: 'application/feed+json', label: 'JSON Feed' },
}

export const scopeKey = (scope: FeedScope): string => (scope.kind === 'site' ? 'site' : `${scope.kind}:${scope.slug}`)

/** Newest items per feed page. */
export const FEED_PAGE_SIZE = 50
