// Anonymous REST and GraphQL reads answered from memory, ahead of the Next.js router: the API
// routes offer each anonymous 200 answer with its ETag under the normalised query
// (src/cache/apiReads.ts, src/cache/apiReadKey.mjs); the first full answer Next.js sends for it
// gives the headers; repeats are then replayed byte for byte (./responseCache.mjs `replay`),
// while the public-content generation they were read in is current (src/cache/store.mjs).
//
// A GraphQL read is a POST: its body is held here until complete (at most 16 KB; a longer one,
// or one of unknown length, goes straight on), looked up, and handed on to Next.js as it came
// when it is not in memory.
import { fresh, plainHeaders, replay } from './responseCache.mjs'
import { graphqlReadKey, isAnonymousRead, MAX_GRAPHQL_KEY_BYTES, restReadKey } from '../../src/cache/apiReadKey.mjs'
import { publicContentStore, touchBytes } from '../../src/cache/store.mjs'

const API = /^\/api\//
const GRAPHQL = /^\/api\/graphql(?:\?|$)/
const MAX_URL = 2048

const anonymous = (req) =>
  isAnonymousRead((name) => req.headers[name]) && req.headers['x-http-method-override'] === undefined

const usable = (key) => {
  const entry = key === null ? undefined : publicContentStore().replay.get(key)
  return fresh(entry) && entry.headers ? entry : null
}

/** The headers of the first full answer for `key`, once it matches the entry the route offered. */
const rememberHeaders = (res, key) => {
  res.once('finish', () => {
    const entry = publicContentStore().replay.get(key)
    if (res.statusCode !== 200 || !fresh(entry) || entry.headers) return
    const headers = plainHeaders(res)
    if (headers.etag === entry.etag) entry.headers = headers
  })
}

const answerFromMemory = (req, res, key, entry) => {
  touchBytes(`replay:${key}`)
  replay(req, res, entry)
}

/**
 * A REST read (GET or HEAD under /api): answered from memory and true, or false after arranging
 * to keep the headers of the answer Next.js is about to send.
 */
export const serveApiRead = (req, res) => {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !API.test(req.url) || req.url.length > MAX_URL) return false
  if (!anonymous(req)) return false
  const key = restReadKey(req.url)
  if (key === null) return false
  const entry = usable(key)
  if (entry) {
    answerFromMemory(req, res, key, entry)
    return true
  }
  if (req.method === 'GET') rememberHeaders(res, key)
  return false
}

/**
 * A GraphQL read: returns false when `req` is not one that may be answered from memory (then the
 * caller goes on); otherwise true, and either answers it from memory once its body is in or calls
 * `passOn` with the body put back, for Next.js to read.
 */
export const holdGraphqlRead = (req, res, passOn) => {
  if (req.method !== 'POST' || !GRAPHQL.test(req.url) || !anonymous(req)) return false
  const length = Number(req.headers['content-length'])
  if (!(length > 0 && length <= MAX_GRAPHQL_KEY_BYTES) || req.complete || req.readableLength > 0) return false
  const push = req.push
  const chunks = []
  req.push = function (chunk, encoding) {
    if (chunk !== null) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk)
      return true
    }
    req.push = push
    const body = Buffer.concat(chunks)
    const key = graphqlReadKey(
      { contentType: req.headers['content-type'], accept: req.headers.accept },
      body.toString('utf8'),
    )
    const entry = usable(key)
    if (entry) {
      const ended = push.call(req, null)
      req.resume()
      answerFromMemory(req, res, key, entry)
      return ended
    }
    if (body.length) push.call(req, body)
    const ended = push.call(req, null)
    if (key !== null) rememberHeaders(res, key)
    passOn()
    return ended
  }
  return true
}
