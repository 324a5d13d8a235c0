// Which REST and GraphQL reads are anonymous, and the key their answer is cached under, written
// once for the API routes (./apiReads.ts, which fill the cache) and the server's replay
// (scripts/server/apiReplay.mjs, which answers from it), so both agree on what is the same
// question. A request that gets no key (null) is neither cached nor answered from the cache.
//
// - REST: the path and the decoded query parameters, sorted by name. Sorting never changes what
//   Payload reads (qs puts different names under different keys), except where names overlap:
//   `a[]` pushes in order, and `a=…` beside `a[b]=…` merges by order. Those keep their order.
// - GraphQL: the body's query, variables (keys sorted) and operationName, with the Accept header
//   (graphql-http picks the answer's media type from it); only for a JSON body in UTF-8, so that
//   every request Payload would refuse for its body is still refused.

/** Cookies and headers that make an answer someone's own: a staff session, a draft preview. */
const PRIVATE_COOKIE = /(?:^|;\s*)(?:payload-token|__prerender_bypass|__next_preview_data)=/

/** Query strings longer than this, or with more parameters, are not cached (qs drops parameters past 1000). */
const MAX_QUERY_CHARS = 4096
const MAX_PARAMS = 200
/** GraphQL bodies larger than this are not cached (nor held by the server to look them up). */
export const MAX_GRAPHQL_KEY_BYTES = 16 * 1024

/**
 * @param {(name: string) => string | null | undefined} header a request header by lower-case name
 * @returns {boolean} whether the request carries no session, API key or draft-mode cookie
 */
export const isAnonymousRead = (header) => !header('authorization') && !PRIVATE_COOKIE.test(header('cookie') ?? '')

const decode = (text) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return null
  }
}

/**
 * @param {string} url the request's path and query, as sent (`/api/press-releases?limit=10`)
 * @returns {string | null} the key of a REST read, or null when it is not cached
 */
export const restReadKey = (url) => {
  const cut = url.indexOf('?')
  const pathname = decode(cut === -1 ? url : url.slice(0, cut))
  if (pathname === null || !pathname.startsWith('/api/') || pathname.startsWith('/api/graphql')) return null
  const query = cut === -1 ? '' : url.slice(cut + 1)
  if (query.length > MAX_QUERY_CHARS) return null
  const pairs = []
  for (const part of query.split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    const name = decode(eq === -1 ? part : part.slice(0, eq))
    const value = decode(eq === -1 ? '' : part.slice(eq + 1))
    if (name === null || value === null) return null
    pairs.push([name, value])
  }
  if (pairs.length > MAX_PARAMS) return null
  const names = pairs.map(([name]) => name)
  const overlapping = names.some(
    (name, i) => name.includes('[]') || names.some((other, j) => i !== j && other.startsWith(`${name}[`)),
  )
  // Same names keep their order (a stable sort); overlapping names keep the order they came in.
  const ordered = overlapping ? pairs : [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const search = ordered.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')
  return search ? `${pathname}?${search}` : pathname
}

const sortedKeys = (value) =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sortedKeys(value[k])]),
        )
      : value

/**
 * @param {{ contentType?: string | null, accept?: string | null }} headers
 * @param {string} body the request body as text
 * @returns {string | null} the key of a GraphQL read, or null when it is not cached
 */
export const graphqlReadKey = ({ contentType, accept }, body) => {
  if (!/^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i.test(String(contentType ?? '').trim())) return null
  if (body.length > MAX_GRAPHQL_KEY_BYTES) return null
  let parsed
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || typeof parsed.query !== 'string') return null
  if (Object.keys(parsed).some((k) => k !== 'query' && k !== 'variables' && k !== 'operationName')) return null
  const { query, variables = null, operationName = null } = parsed
  if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null
  if (operationName !== null && typeof operationName !== 'string') return null
  // A mutation is never a read; a document with one is not cached, whichever operation runs.
  if (/\bmutation\b/.test(query) || /\bsubscription\b/.test(query)) return null
  return `graphql:${JSON.stringify([String(accept ?? ''), query, sortedKeys(variables), operationName])}`
}
