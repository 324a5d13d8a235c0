/**
 * Anonymous REST and GraphQL reads, cached under the rule of every public cache (./store.mjs):
 * an answer is kept while the public-content generation it was read in is current, the next
 * scheduled visibility change has not come and this process watches the change log, so it is
 * the answer a fresh read would give. Wraps the API route handlers, outermost:
 *
 * - every anonymous 200 answer (a GraphQL one without `errors`) gets a strong ETag over its body,
 *   and a REST read's `If-None-Match` with it is answered 304, cached or not (a GraphQL read is
 *   a POST, to which If-None-Match does not apply);
 * - the answer is offered to the server's replay (scripts/server/apiReplay.mjs) under its
 *   normalised query (./apiReadKey.mjs), which answers repeats from memory with the headers
 *   Next.js sent for it, byte for byte;
 * - anything else (staff, draft previews, refusals, errors, answers too large to keep) passes
 *   through untouched and is never cached, so every limit is checked again on each request.
 */
import { createHash } from 'node:crypto'

import type { SanitizedConfig } from 'payload'

import { graphqlReadKey, isAnonymousRead, MAX_GRAPHQL_KEY_BYTES, restReadKey } from './apiReadKey.mjs'
import { isNotModified } from './conditionalGet.mjs'
import { offerToReplayAs, validUntilForGeneration } from './publicCache'
import { currentGeneration, isFresh, publicContentStore, touchBytes } from './store.mjs'

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response

export const apiEtag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/** Payload's own GET routes under a collection that answer about the asker, not the content. */
const ABOUT_THE_ASKER = new Set(['access', 'me', 'init', 'versions'])

/**
 * Whether `pathname` reads content: a collection's list or one document (`/api/{slug}`,
 * `/api/{slug}/{id}`, `/api/{slug}/count`) or a global. Custom endpoints (health, exports,
 * subscription links) answer with more than content, or act, so they are never cached.
 */
const readsContent = (config: SanitizedConfig, pathname: string): boolean => {
  const parts = pathname.slice(`${config.routes.api}/`.length).split('/')
  if (parts[0] === 'globals') return parts.length === 2 && config.globals.some((g) => g.slug === parts[1])
  const collection = config.collections.find((c) => c.slug === parts[0])
  if (!collection || parts.length > 2) return false
  if (parts.length === 1) return true
  const own = (collection.endpoints || []).some(
    (e) => e.method === 'get' && /^\/[^/]+$/.test(e.path) && (e.path === `/${parts[1]}` || e.path.startsWith('/:')),
  )
  return !own && !ABOUT_THE_ASKER.has(parts[1])
}

const keyOf = async (kind: 'rest' | 'graphql', request: Request, config: SanitizedConfig): Promise<string | null> => {
  const url = new URL(request.url)
  if (kind === 'rest') {
    const key = restReadKey(`${url.pathname}${url.search}`)
    return key !== null && readsContent(config, key.split('?')[0]) ? key : null
  }
  const length = Number(request.headers.get('content-length') ?? 0)
  if (!(length <= MAX_GRAPHQL_KEY_BYTES)) return null
  return graphqlReadKey(
    { contentType: request.headers.get('content-type'), accept: request.headers.get('accept') },
    await request.clone().text(),
  )
}

const conditional = (request: Request) => request.method === 'GET' || request.method === 'HEAD'

/** The answer for `body` with `headers`: 304 for a REST read whose If-None-Match is `etag`. */
const answer = (request: Request, body: string, headers: Headers, etag: string): Response => {
  if (conditional(request) && isNotModified({ ifNoneMatch: request.headers.get('if-none-match') }, etag, null)) {
    const notModified = new Headers(headers)
    notModified.delete('content-type')
    notModified.delete('content-length')
    return new Response(null, { status: 304, headers: notModified })
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
}

/** Answers that say they are someone's own, or set a cookie, are never kept. */
const keepable = (headers: Headers) =>
  !headers.has('set-cookie') && !/\b(?:no-store|private)\b/i.test(headers.get('cache-control') ?? '')

export const cachedAnonymousReads =
  <C>(kind: 'rest' | 'graphql', config: Promise<SanitizedConfig> | SanitizedConfig, handler: Handler<C>): Handler<C> =>
  async (request, context) => {
    if (!isAnonymousRead((name) => request.headers.get(name))) return handler(request, context)
    if (request.headers.has('x-http-method-override')) return handler(request, context)
    const key = await keyOf(kind, request, await config)
    const store = publicContentStore()
    if (key === null || !store.watching) return handler(request, context)
    // Without the server in front (`next start`, tests), repeats are answered here.
    const kept = store.replay.get(key)
    if (kept?.answerHeaders && isFresh(kept.generation, kept.validUntil)) {
      touchBytes(`replay:${key}`)
      return answer(request, kept.body, new Headers(kept.answerHeaders), kept.etag)
    }
    // Read before the answer is: a change committed meanwhile leaves this answer unkept.
    const generation = currentGeneration()
    const validUntil = await validUntilForGeneration(generation)
    const response = await handler(request, context)
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('json')) return response
    const body = await response.text()
    const headers = new Headers(response.headers)
    const keep = keepable(headers) && (kind === 'rest' || !body.includes('"errors"'))
    if (!keep) return new Response(body, { status: 200, statusText: response.statusText, headers })
    const etag = apiEtag(body)
    headers.set('ETag', etag)
    // The replay gzips for clients that take it, so caches must key on Accept-Encoding too.
    headers.delete('content-length')
    const vary = headers.get('vary')
    if (!/\baccept-encoding\b/i.test(vary ?? ''))
      headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
    const answerHeaders = Object.fromEntries(headers)
    offerToReplayAs(key, { generation, validUntil, body, etag, lastModified: '', answerHeaders })
    return answer(request, body, headers, etag)
  }
