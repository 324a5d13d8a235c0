// What the production server refuses before Next.js sees a request, each with a 4xx whose body
// names the problem (JSON under /api, an HTML page elsewhere) and the security headers every
// response carries (src/security/everyResponse.json):
// - a path with a malformed percent-escape (Next.js answers those with a bare 500);
// - an API `depth`, `limit` or `page` that is not a whole number, or a `where`/`data` given as
//   JSON text that is not JSON (./queryParams.mjs);
// - a multipart body without its boundary (the parser threw: 500);
// - a body over its route's limit (./requestLimits.mjs), from its Content-Length before a byte of
//   it is read (or before `100 Continue` is sent); a body of unknown length (chunked) is held here
//   until it is complete and refused as soon as it passes the limit, so Next.js never parses it;
// - what Node's HTTP parser refuses itself (431 for a URL and headers over MAX_HEADER_BYTES, 400 for
//   malformed HTTP), which it would answer with an empty body.
import { STATUS_CODES } from 'node:http'
import { createRequire } from 'node:module'

import { createElement as h } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { queryProblem, quoted } from './queryParams.mjs'
import { bodyLimit, MAX_HEADER_BYTES, megabytes, UPLOAD_PATHS } from './requestLimits.mjs'

const EVERY_RESPONSE = createRequire(import.meta.url)('../../src/security/everyResponse.json')
const SECURITY_HEADERS = { ...EVERY_RESPONSE.always, 'Content-Security-Policy': EVERY_RESPONSE.resourceCsp }

const API = /^\/api(?:\/|$)/
/** A refused body is still read (and dropped) up to this, so the client can read the answer. */
const MAX_DRAINED_BYTES = 128 * 1024 * 1024

const page = (status, message) => {
  const title = `${status} ${STATUS_CODES[status]}`
  return `<!DOCTYPE html>${renderToStaticMarkup(
    h(
      'html',
      { lang: 'en' },
      h('head', null, h('meta', { charSet: 'utf-8' }), h('title', null, title)),
      h(
        'body',
        null,
        h(
          'main',
          null,
          h('h1', null, title),
          h('p', null, message),
          h('p', null, h('a', { href: '/' }, 'Newsroom home')),
        ),
      ),
    ),
  )}`
}

/** The status line, headers and body of a refusal, for the API (JSON) or a page (HTML). */
export const refusal = (status, message, { api, close = false, extraHeaders = {} }) => {
  const body = Buffer.from(api ? JSON.stringify({ errors: [{ message }] }) : page(status, message))
  return {
    status,
    body,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      ...(close ? { Connection: 'close' } : {}),
      ...extraHeaders,
    },
  }
}

const send = (res, { status, headers, body }, method) => {
  res.writeHead(status, headers)
  res.end(method === 'HEAD' ? undefined : body)
}

/** Problems visible in the URL and headers alone, as [status, message], or null. */
const problemOf = (req, pathname, query) => {
  try {
    decodeURIComponent(pathname)
  } catch {
    return [
      400,
      `The path ${quoted(pathname)} has a malformed percent-escape: each % must start two hexadecimal digits of UTF-8.`,
    ]
  }
  if (API.test(pathname) && query) {
    const message = queryProblem(new URLSearchParams(query))
    if (message) return [400, message]
  }
  const type = String(req.headers['content-type'] ?? '')
  if (/^\s*multipart\//i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    return [
      400,
      `The Content-Type ${quoted(type)} has no boundary: a multipart body needs one (multipart/form-data; boundary=…).`,
    ]
  }
  return null
}

const tooLarge = (pathname, size) => {
  const limit = bodyLimit(pathname)
  const what = UPLOAD_PATHS.test(pathname)
    ? `an upload takes at most ${megabytes(limit)} (a file of up to ${megabytes(limit - 1024 * 1024)} and its form fields)`
    : `a request body other than an upload takes at most ${megabytes(limit)}`
  return `The request body is ${size === undefined ? 'too large' : megabytes(size)}: ${what}.`
}

/**
 * Holds a body of unknown length (chunked) until it is complete, then lets the request go on as if
 * it had just arrived. Past `limit` bytes it keeps nothing more and calls `overflow`; what still
 * arrives is read and dropped, up to MAX_DRAINED_BYTES, then the connection is closed.
 */
const holdBody = (req, limit, complete, overflow) => {
  const push = req.push
  const chunks = []
  let size = 0
  let over = false
  req.push = function (chunk, encoding) {
    if (over) {
      if (chunk === null) return push.call(req, null)
      size += chunk.length
      if (size > MAX_DRAINED_BYTES) req.socket.destroy()
      return true
    }
    if (chunk === null) {
      req.push = push
      for (const kept of chunks) push.call(req, kept)
      const ended = push.call(req, null)
      complete()
      return ended
    }
    size += chunk.length
    if (size > limit) {
      over = true
      chunks.length = 0
      overflow()
      return true
    }
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk)
    return true
  }
}

/**
 * Runs `next` for a request that passes every check (after its body is complete, for a chunked
 * one); otherwise answers the refusal. `expectsContinue`: the client waits for `100 Continue`
 * before it sends the body, which is sent only once the request's headers pass.
 */
export const guardRequest = (req, res, next, { expectsContinue = false } = {}) => {
  const url = req.url ?? '/'
  const cut = url.indexOf('?')
  const pathname = cut === -1 ? url : url.slice(0, cut)
  const query = cut === -1 ? '' : url.slice(cut + 1)
  const api = API.test(pathname)
  const problem = problemOf(req, pathname, query)
  if (problem) return send(res, refusal(problem[0], problem[1], { api, close: expectsContinue }), req.method)

  const limit = bodyLimit(pathname)
  const length = req.headers['content-length']
  if (length !== undefined && Number(length) > limit) {
    // The body is never parsed. Node reads and drops it after the answer, so that the client, still
    // sending, gets to read the answer; one too large even for that has the connection closed.
    const close = expectsContinue || Number(length) > MAX_DRAINED_BYTES
    return send(res, refusal(413, tooLarge(pathname, Number(length)), { api, close }), req.method)
  }
  if (expectsContinue) res.writeContinue()
  if (length === undefined && req.headers['transfer-encoding'] !== undefined) {
    return holdBody(req, limit, next, () => send(res, refusal(413, tooLarge(pathname), { api }), req.method))
  }
  next()
}

/**
 * Node's own refusals (the server's `clientError`): the same status Node would send, with a body.
 * The request line, when the parser got that far, says whether it was for the API or a page.
 */
export const answerClientError = (error, socket) => {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy()
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const message =
    status === 431
      ? `The request's URL and headers are larger than ${MAX_HEADER_BYTES / 1024} KB, the most this server reads: shorten the query string (a long filter fits in a GraphQL query, sent as a POST body).`
      : status === 408
        ? 'The request did not arrive in time.'
        : `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`
  const target = /^[A-Z]+ (\S+)/.exec(error.rawPacket?.toString('latin1') ?? '')?.[1]
  const api = !target || API.test(target)
  const { headers, body } = refusal(status, message, { api, close: true })
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}\r\n`), body]))
}
