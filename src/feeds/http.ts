import { createHash } from 'node:crypto'

import { isNotModified as notModified } from '@/cache/conditionalGet.mjs'
import { absoluteUrl } from '@/urls'

/** A strong validator: the same bytes always give the same tag. */
export const entityTag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/**
 * Feeds may be kept by shared caches (a CDN) for 10 s and served stale for 20 s more while they
 * revalidate; readers always revalidate. So a retracted release is gone from shared caches at
 * most 30 s after every instance has dropped it (within a second of the commit, src/cache/changes.ts).
 */
export const SHARED_CACHE_SECONDS = { fresh: 10, stale: 20 } as const
export const FEED_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_CACHE_SECONDS.fresh}, stale-while-revalidate=${SHARED_CACHE_SECONDS.stale}`

/** RFC 9110 conditional GET (src/cache/conditionalGet.mjs, shared with the server's replay). */
export const isNotModified = (request: Request, etag: string, lastModified: Date): boolean =>
  notModified(
    { ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since') },
    etag,
    lastModified,
  )

export type CachedFeed =
  | { status: 200; body: string; etag: string; lastModified: Date }
  | { status: 400 | 404; message: string }
  | { status: 301; location: string }

/**
 * Permanent redirects of feeds (an earlier slug, `?page=1`): 301, which every feed reader takes
 * as "update the subscription". Cached an hour by HTTP caches, never by the server's replay of
 * feeds (scripts/server/responseCache.mjs keeps 200s only).
 */
export const feedRedirect = (location: string, cors?: boolean): Response =>
  new Response(null, {
    status: 301,
    headers: {
      Location: location,
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    },
  })

export type FeedResponseOptions = { contentType: string; cors?: boolean }

export const feedResponse = (
  request: Request,
  cached: CachedFeed,
  { contentType, cors }: FeedResponseOptions,
): Response => {
  const headers = new Headers({ 'X-Content-Type-Options': 'nosniff' })
  if (cors) headers.set('Access-Control-Allow-Origin', '*')
  if (cached.status === 301) return feedRedirect(cached.location, cors)
  if (cached.status !== 200) {
    headers.set('Content-Type', 'text/plain; charset=utf-8')
    headers.set('Cache-Control', 'no-store')
    return new Response(`${cached.message}\n`, { status: cached.status, headers })
  }
  headers.set('ETag', cached.etag)
  headers.set('Last-Modified', cached.lastModified.toUTCString())
  headers.set('Cache-Control', FEED_CACHE_CONTROL)
  if (isNotModified(request, cached.etag, cached.lastModified)) {
    return new Response(null, { status: 304, headers })
  }
  headers.set('Content-Type', `${contentType}; charset=utf-8`)
  return new Response(request.method === 'HEAD' ? null : cached.body, { status: 200, headers })
}

/**
 * `?page=N`: a whole number from 1, or a 400 naming the problem. The first page has one URL, the
 * plain one its self link gives: `?page=1` (or `?page=01`) answers a redirect to it, so a reader
 * never holds a document whose URL differs from its own self link.
 */
export const parsePage = (request: Request): { page: number } | { error: string } | { redirect: string } => {
  const url = new URL(request.url)
  const raw = url.searchParams.get('page')
  if (raw === null || raw === '') return { page: 1 }
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1)
    return { error: `Invalid page "${raw.slice(0, 20)}": use a whole number from 1.` }
  if (Number(raw) === 1) {
    url.searchParams.delete('page')
    return { redirect: absoluteUrl(`${url.pathname}${url.search}`) }
  }
  return { page: Number(raw) }
}
