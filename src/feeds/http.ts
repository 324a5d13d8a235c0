import { createHash } from 'node:crypto'

/** A strong validator: the same bytes always give the same tag. */
export const entityTag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/** Feeds may be cached by CDNs briefly and served stale while they revalidate; readers always revalidate. */
export const FEED_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=300'

const matchesEtag = (header: string, etag: string) =>
  header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t === etag || t === `W/${etag}`)

/**
 * RFC 9110 conditional GET: If-None-Match wins when present; otherwise If-Modified-Since,
 * compared at the one-second resolution of HTTP dates.
 */
export const isNotModified = (request: Request, etag: string, lastModified: Date): boolean => {
  const inm = request.headers.get('if-none-match')
  if (inm !== null) return matchesEtag(inm, etag)
  const ims = request.headers.get('if-modified-since')
  if (ims === null) return false
  const since = Date.parse(ims)
  if (Number.isNaN(since)) return false
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000)
}

export type CachedFeed =
  { status: 200; body: string; etag: string; lastModified: Date } | { status: 400 | 404; message: string }

export type FeedResponseOptions = { contentType: string; cors?: boolean }

export const feedResponse = (
  request: Request,
  cached: CachedFeed,
  { contentType, cors }: FeedResponseOptions,
): Response => {
  const headers = new Headers({ 'X-Content-Type-Options': 'nosniff' })
  if (cors) headers.set('Access-Control-Allow-Origin', '*')
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

/** `?page=N`: a whole number from 1, or a 400 naming the problem. */
export const parsePage = (request: Request): { page: number } | { error: string } => {
  const raw = new URL(request.url).searchParams.get('page')
  if (raw === null || raw === '') return { page: 1 }
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1)
    return { error: `Invalid page "${raw.slice(0, 20)}": use a whole number from 1.` }
  return { page: Number(raw) }
}
