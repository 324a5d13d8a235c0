// Answers repeat requests for public responses from memory, ahead of the Next.js router: the
// last step of the public-content layer (src/cache/), which it only reads.
//
// Two kinds of entries, both fresh only while src/cache/store.mjs says content of their
// generation and expiry may be served (the public-content generation is current, the next
// embargo lift or future publish date has not come, and the process is watching the change log
// that every instance writes to), so nothing the visibility rule hides is ever replayed:
// - feeds: routes offer their rendered bytes (src/cache/publicCache.ts `offerToReplay`), and the
//   headers are taken from the first full response;
// - pages: the HTML of an anonymous GET is captured as Next.js sends it. Pages also show
//   time-dependent things (upcoming or past events), so they are kept for at most a minute.
//   A page's Content-Security-Policy nonce is never replayed: each answer gets a fresh one,
//   written into the header and the HTML alike.
// Anonymous API reads are replayed the same way as feeds (./apiReplay.mjs). Everything kept
// counts against the one byte budget of the public caches (src/cache/store.mjs).
import { createHash, randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'

import { isNotModified } from '../../src/cache/conditionalGet.mjs'
import {
  currentGeneration,
  fitsBudget,
  holdBytes,
  isFresh,
  publicContentStore,
  scheduledExpiry,
  touchBytes,
} from '../../src/cache/store.mjs'

const PAGE_TTL_MS = 60_000
/** Largest page kept (its HTML); the byte budget bounds them all together. */
const MAX_PAGE_BYTES = 3 * 1024 * 1024
const MAX_URL = 2048
// Never replayed: they describe one transfer, not the resource.
const PER_RESPONSE = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
])
// Requests for a signed-in or previewing visitor, or for React Server Component payloads.
const PRIVATE_COOKIE = /(?:^|;\s*)(?:payload-token|__prerender_bypass|__next_preview_data)=/
// Pre-briefing links (/briefings/…, src/briefings/answer.ts) are personal and count every view.
const NOT_PAGES = /^\/(?:api|admin|_next|preview|briefings)(?:\/|$)/

const feeds = () => publicContentStore().replay
const pages = () => publicContentStore().pages

export const fresh = (entry) => Boolean(entry) && isFresh(entry.generation, entry.validUntil)

const lookup = (url) => {
  const feed = feeds().get(url)
  if (fresh(feed) && feed.headers) return feed
  const page = pages().get(url)
  return fresh(page) ? page : null
}

export const plainHeaders = (res) => {
  const headers = {}
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (PER_RESPONSE.has(name) || value === undefined) continue
    headers[name] = Array.isArray(value) ? (value.length === 1 ? String(value[0]) : value.map(String)) : String(value)
  }
  return headers
}

const notModified = (req, entry) =>
  isNotModified(
    { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] },
    entry.etag,
    entry.lastModified,
  )

// The replay may be gzip, so caches must key on Accept-Encoding as well.
const withVary = (headers) => {
  const vary = [headers.vary].flat().filter(Boolean).join(', ')
  return /\baccept-encoding\b/i.test(vary)
    ? headers
    : { ...headers, vary: vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding' }
}

/** Answers from memory when it can; returns false to let Next.js handle the request. */
export const serveFromCache = (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (req.url.length > MAX_URL || NOT_PAGES.test(req.url)) return false
  const isPage = !feeds().has(req.url)
  if (isPage && !cacheablePageRequest(req)) return false
  const entry = lookup(req.url)
  if (!entry) return false
  touchBytes(`${isPage ? 'page' : 'replay'}:${req.url}`)
  replay(req, res, entry)
  return true
}

/**
 * Sends `entry` (fresh, with its headers) as the answer to `req`: 304 when its validator matches,
 * gzip when the client takes it, the body byte for byte otherwise.
 */
export const replay = (req, res, entry) => {
  // A GraphQL read is a POST: it has an ETag, but If-None-Match means nothing to a POST.
  if ((req.method === 'GET' || req.method === 'HEAD') && notModified(req, entry)) {
    const { 'content-type': _type, ...headers } = entry.headers
    res.writeHead(304, withVary(headers)).end()
    return
  }
  let headers = withVary(entry.headers)
  let body
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && (entry.raw?.length ?? entry.body.length) > 1024
  if (entry.nonce) {
    const nonce = randomBytes(16).toString('base64')
    body = Buffer.from(entry.parts.join(nonce), 'latin1')
    headers = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [
        k,
        [v]
          .flat()
          .map((x) => x.split(entry.nonce).join(nonce))
          .join(', '),
      ]),
    )
    if (gzip) body = gzipSync(body, { level: 1 })
  } else {
    body = entry.raw ??= Buffer.from(entry.body)
    if (gzip) body = entry.gzip ??= gzipSync(body)
  }
  if (gzip) headers['content-encoding'] = 'gzip'
  headers['content-length'] = String(body.length)
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

const cacheablePageRequest = (req) =>
  !NOT_PAGES.test(req.url) &&
  !req.url.includes('_rsc=') &&
  !PRIVATE_COOKIE.test(req.headers.cookie ?? '') &&
  !req.headers.rsc &&
  !Object.keys(req.headers).some((h) => h.startsWith('next-router-'))

/** Lets Next.js answer, and keeps what can be replayed: a feed's headers, a page's HTML. */
export const rememberResponse = (req, res) => {
  if (req.method !== 'GET' || req.url.length > MAX_URL || NOT_PAGES.test(req.url)) return
  if (feeds().has(req.url)) {
    res.once('finish', () => {
      const entry = feeds().get(req.url)
      if (res.statusCode !== 200 || !fresh(entry) || entry.headers) return
      const headers = plainHeaders(res)
      if (headers.etag === entry.etag) entry.headers = headers
    })
    return
  }
  if (!cacheablePageRequest(req)) return
  // Ask Next.js for the identity encoding, so the HTML can be kept; replays are gzipped here.
  delete req.headers['accept-encoding']
  const startedIn = currentGeneration()
  const chunks = []
  let size = 0
  const { write, end } = res
  const keep = (chunk, encoding) => {
    if (chunk && size <= MAX_PAGE_BYTES) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
      chunks.push(buf)
      size += buf.length
    }
  }
  res.write = function (chunk, encoding, cb) {
    keep(chunk, encoding)
    return write.call(this, chunk, encoding, cb)
  }
  res.end = function (chunk, encoding, cb) {
    if (typeof chunk !== 'function') keep(chunk, encoding)
    return end.call(this, chunk, encoding, cb)
  }
  res.once('finish', () => {
    const validUntil = scheduledExpiry()
    const headers = plainHeaders(res)
    const cacheable =
      res.statusCode === 200 &&
      startedIn === currentGeneration() &&
      validUntil !== null &&
      isFresh(startedIn, validUntil) &&
      String(headers['content-type'] ?? '').startsWith('text/html') &&
      !res.getHeader('content-encoding') &&
      !res.getHeader('set-cookie') &&
      // A page that asks robots to keep out of it (a pre-briefing) is not for replay either.
      !/noindex/i.test(String(headers['x-robots-tag'] ?? '')) &&
      size > 0 &&
      size <= MAX_PAGE_BYTES &&
      // Kept as its bytes, and as latin1 parts when it has a nonce: about twice its size.
      fitsBudget(size * 2)
    if (!cacheable) return
    const body = Buffer.concat(chunks)
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
    // A page with a CSP nonce differs on every answer: no validator, so never a 304 for it.
    const nonce = /'nonce-([^']+)'/.exec(String(headers['content-security-policy'] ?? ''))?.[1]
    const { etag: _nextEtag, ...withoutEtag } = headers
    const variant = nonce
      ? { headers: withoutEtag, nonce, parts: body.toString('latin1').split(nonce) }
      : { headers: { ...withoutEtag, etag }, etag }
    const url = req.url
    pages().set(url, {
      generation: startedIn,
      validUntil: Math.min(validUntil, Date.now() + PAGE_TTL_MS),
      raw: body,
      ...variant,
    })
    holdBytes(`page:${url}`, body.length * (nonce ? 2 : 1.2) + url.length, () => pages().delete(url))
  })
}
