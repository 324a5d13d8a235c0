/**
 * Every malformed request, against the production server: a 4xx whose body names the problem
 * (JSON under /api, an HTML page elsewhere) with the security headers, never a 5xx, an empty body,
 * SQL or a stack trace. Oversized bodies are refused before they are read: a client that waits for
 * `100 Continue` is refused without sending a byte of its body.
 */
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { firstAdmin, type Rest } from '../helpers/rest'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let rest: Rest
let topicId = 0

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'false' })
  rest = await firstAdmin(server)
  topicId = (await (await rest.send('/api/topics', { name: 'Oncology', slug: 'oncology' })).json()).doc.id
})
afterAll(async () => server?.stop())

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

type Case = {
  name: string
  method?: string
  path: string
  headers?: Record<string, string | number>
  /** Sent with a Content-Length, or in chunks (unknown length) when `chunked`. */
  body?: string | Buffer
  chunked?: boolean
  /** Sends `Expect: 100-continue` and never the body: the answer must come without it. */
  withhold?: boolean
  staff?: boolean
  status: number
  mentions: RegExp
}

/** One request with exactly these bytes of path and headers (fetch would normalise some). */
const send = (c: Case): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const url = new URL(server.url)
    const headers: Record<string, string | number> = {
      ...(c.staff ? { Authorization: `JWT ${rest.token}` } : {}),
      ...c.headers,
    }
    if (c.body !== undefined && !c.chunked && headers['Content-Length'] === undefined)
      headers['Content-Length'] = Buffer.byteLength(c.body)
    if (c.withhold) headers.Expect = '100-continue'
    const req = httpRequest({ host: url.hostname, port: url.port, method: c.method ?? 'GET', path: c.path, headers })
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer to ${c.name}`)))
    req.on('continue', () => reject(new Error(`${c.name}: the server asked for the body`)))
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    req.on('error', reject)
    if (c.withhold) return req.flushHeaders()
    if (c.chunked && c.body !== undefined) {
      const bytes = Buffer.from(c.body)
      for (let at = 0; at < bytes.length; at += 64 * 1024) req.write(bytes.subarray(at, at + 64 * 1024))
      return req.end()
    }
    req.end(c.body)
  })

const STACK_OR_SQL = /\n\s+at |node_modules|\.js:\d+:\d+|\bselect\b.+\bfrom\b|SQLITE|Failed query/i

/** The headers every response carries (src/security/everyResponse.json). */
const expectSecurityHeaders = (name: string, headers: Answer['headers']) => {
  expect(
    {
      nosniff: headers['x-content-type-options'],
      frame: headers['x-frame-options'],
      referrer: headers['referrer-policy'],
      permissions: String(headers['permissions-policy'] ?? ''),
      csp: String(headers['content-security-policy'] ?? ''),
    },
    name,
  ).toMatchObject({
    nosniff: 'nosniff',
    frame: 'SAMEORIGIN',
    referrer: 'strict-origin-when-cross-origin',
    permissions: expect.stringContaining('camera=()'),
    csp: expect.stringContaining("frame-ancestors 'self'"),
  })
}

/** The message of an API answer (`{errors: [{message}]}`), or the text of an HTML page. */
const messageOf = (c: Case, answer: Answer): string => {
  const type = String(answer.headers['content-type'] ?? '')
  if (c.path.startsWith('/api')) {
    expect(type, c.name).toMatch(/^application\/json/)
    return JSON.parse(answer.body)
      .errors.map((e: { message: string }) => e.message)
      .join(' | ')
  }
  expect(type, c.name).toMatch(/^text\/html/)
  return answer.body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
}

const json = { 'Content-Type': 'application/json' }
const boundary = 'newsroom-test-boundary'
const form = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('') + `--${boundary}--\r\n`
const multipart = { 'Content-Type': `multipart/form-data; boundary=${boundary}` }
const graphql = (query: string) => JSON.stringify({ query })
const orOf = (n: number, condition: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `where[or][${i}]${condition(i)}`).join('&')
const nestedGraphqlWhere = (levels: number): string =>
  levels === 0 ? '{ title: { equals: "x" } }' : `{ OR: [${nestedGraphqlWhere(levels - 1)}] }`

const CASES = (): Case[] => [
  // GraphQL
  {
    name: 'GraphQL, malformed JSON',
    method: 'POST',
    path: '/api/graphql',
    headers: json,
    body: '{"query": ',
    status: 400,
    mentions: /not valid JSON/,
  },
  {
    name: 'GraphQL, text/plain',
    method: 'POST',
    path: '/api/graphql',
    headers: { 'Content-Type': 'text/plain' },
    body: '{ Topics { docs { id } } }',
    status: 415,
    mentions: /application\/json.*not text\/plain/,
  },
  {
    name: 'GraphQL, application/graphql',
    method: 'POST',
    path: '/api/graphql',
    headers: { 'Content-Type': 'application/graphql' },
    body: '{ Topics { docs { id } } }',
    status: 415,
    mentions: /not application\/graphql/,
  },
  {
    name: 'GraphQL, form data',
    method: 'POST',
    path: '/api/graphql',
    headers: multipart,
    body: form({ query: '{ Topics { docs { id } } }' }),
    status: 415,
    mentions: /not multipart\/form-data/,
  },
  {
    name: 'GraphQL, no Content-Type',
    method: 'POST',
    path: '/api/graphql',
    body: '{}',
    status: 415,
    mentions: /without a Content-Type/,
  },
  {
    name: 'GraphQL, JSON in Latin-1',
    method: 'POST',
    path: '/api/graphql',
    headers: { 'Content-Type': 'application/json; charset=iso-8859-1' },
    body: graphql('{ Topics { docs { id } } }'),
    status: 415,
    mentions: /application\/json in UTF-8/,
  },
  { name: 'GraphQL, GET', path: '/api/graphql?query=%7BTopics%7Bdocs%7Bid%7D%7D%7D', status: 405, mentions: /POST/ },
  // Multipart bodies
  {
    name: 'upload without a boundary',
    method: 'POST',
    path: '/api/media',
    staff: true,
    headers: { 'Content-Type': 'multipart/form-data' },
    body: 'abc',
    status: 400,
    mentions: /no boundary/,
  },
  {
    name: 'sign-in without a boundary',
    method: 'POST',
    path: '/api/users/login',
    headers: { 'Content-Type': 'multipart/form-data' },
    body: 'abc',
    status: 400,
    mentions: /no boundary/,
  },
  {
    name: 'sign-in, _payload not JSON',
    method: 'POST',
    path: '/api/users/login',
    headers: multipart,
    body: form({ _payload: '{bad' }),
    status: 400,
    mentions: /"_payload" must hold the document as JSON/,
  },
  {
    name: 'create, multipart that is not multipart',
    method: 'POST',
    path: '/api/topics',
    staff: true,
    headers: multipart,
    body: 'not a form at all',
    status: 400,
    mentions: /multipart\/form-data body cannot be read/,
  },
  // REST bodies that are not JSON or form data
  {
    name: 'create, text/plain',
    method: 'POST',
    path: '/api/topics',
    staff: true,
    headers: { 'Content-Type': 'text/plain' },
    body: 'hello',
    status: 415,
    mentions: /application\/json or multipart\/form-data, not text\/plain/,
  },
  {
    name: 'create, urlencoded',
    method: 'POST',
    path: '/api/topics',
    staff: true,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'name=x',
    status: 415,
    mentions: /not application\/x-www-form-urlencoded/,
  },
  {
    name: 'update, no Content-Type',
    method: 'PATCH',
    path: `/api/topics/${topicId}`,
    staff: true,
    body: 'hello',
    status: 415,
    mentions: /without a Content-Type/,
  },
  {
    name: 'bulk update, XML',
    method: 'PATCH',
    path: '/api/topics?where[slug][equals]=oncology',
    staff: true,
    headers: { 'Content-Type': 'application/xml' },
    body: '<topic/>',
    status: 415,
    mentions: /not application\/xml/,
  },
  {
    name: 'create, malformed JSON',
    method: 'POST',
    path: '/api/topics',
    staff: true,
    headers: json,
    body: '{"name": ',
    status: 400,
    mentions: /not valid JSON/,
  },
  { name: 'create, no body', method: 'POST', path: '/api/topics', staff: true, status: 400, mentions: /no document/ },
  {
    name: 'update, no body',
    method: 'PATCH',
    path: `/api/topics/${topicId}`,
    staff: true,
    status: 400,
    mentions: /no document/,
  },
  // Paths
  {
    name: 'page path, malformed escape',
    path: '/news/%ff',
    status: 400,
    mentions: /"\/news\/%ff" has a malformed percent-escape/,
  },
  {
    name: 'API path, malformed escape',
    path: '/api/press-releases/%ff',
    status: 400,
    mentions: /malformed percent-escape/,
  },
  { name: 'cut-off escape', path: '/partners/%E0%A4%A', status: 400, mentions: /malformed percent-escape/ },
  {
    name: 'feed path, malformed escape',
    path: '/topics/%c3%28/feed.xml',
    status: 400,
    mentions: /malformed percent-escape/,
  },
  // Query parameters
  {
    name: 'limit=1e309',
    path: '/api/press-releases?limit=1e309',
    status: 400,
    mentions: /"limit" must be a whole number.*"1e309"/,
  },
  {
    name: 'page=1e309',
    path: '/api/press-releases?page=1e309',
    status: 400,
    mentions: /"page" must be a whole number/,
  },
  { name: 'depth=1e309', path: '/api/quotes?depth=1e309', status: 400, mentions: /"depth" must be a whole number/ },
  { name: 'limit=-1', path: '/api/topics?limit=-1', status: 400, mentions: /"limit" must be a whole number/ },
  {
    name: 'where as malformed JSON',
    path: '/api/press-releases?where=%7Bbad',
    status: 400,
    mentions: /"where" given as text must be JSON/,
  },
  {
    name: 'GET override, limit=1e309 in the body',
    method: 'POST',
    path: '/api/press-releases',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
    body: 'limit=1e309',
    status: 400,
    mentions: /"limit" must be a whole number/,
  },
  // Filters too big for the database
  {
    name: 'where with 101 conditions',
    path: `/api/press-releases?${orOf(101, (i) => `[title][equals]=t${i}`)}`,
    status: 400,
    mentions: /more than 100 conditions/,
  },
  {
    name: 'where with 21 relationship hops',
    path: `/api/press-releases?${orOf(21, () => '[partners.name][like]=x')}`,
    status: 400,
    mentions: /follows relationships .* more than 20 times/,
  },
  {
    name: 'like pattern of 1,001 characters',
    path: `/api/press-releases?where[title][like]=${'a'.repeat(1001)}`,
    status: 400,
    mentions: /1001 characters long; filter values may have at most 1000/,
  },
  {
    name: 'GraphQL like pattern of 60,000 characters',
    method: 'POST',
    path: '/api/graphql',
    headers: json,
    body: graphql(`{ PressReleases(where: { title: { like: "${'%a'.repeat(30_000)}" } }) { docs { id } } }`),
    status: 400,
    mentions: /60000 characters long/,
  },
  {
    name: 'GraphQL like with a number on rich text',
    method: 'POST',
    path: '/api/graphql',
    headers: json,
    body: graphql('{ PressReleases(where: { body: { like: 1 } }) { docs { id } } }'),
    status: 400,
    mentions: /"like" filter on "body" takes text/,
  },
  {
    name: 'GraphQL where nested 6 levels',
    method: 'POST',
    path: '/api/graphql',
    headers: json,
    body: graphql(`{ PressReleases(where: ${nestedGraphqlWhere(6)}) { docs { id } } }`),
    status: 400,
    mentions: /more than 5 levels/,
  },
  {
    name: 'GraphQL in-list of 501 values',
    method: 'POST',
    path: '/api/graphql',
    headers: json,
    body: graphql(
      `{ Topics(where: { slug: { in: [${Array.from({ length: 501 }, (_, i) => `"s${i}"`).join(',')}] } }) { docs { id } } }`,
    ),
    status: 400,
    mentions: /lists 501 values; "in" takes at most 500/,
  },
  // Sizes
  {
    name: 'API query string over 16 KB',
    path: `/api/press-releases?where[title][like]=${'a'.repeat(17_000)}`,
    status: 431,
    mentions: /larger than 16 KB/,
  },
  {
    name: 'page query string over 16 KB',
    path: `/search?q=${'a'.repeat(17_000)}`,
    status: 431,
    mentions: /larger than 16 KB/,
  },
  {
    name: 'JSON body of 2 MB',
    method: 'POST',
    path: '/api/topics',
    staff: true,
    headers: json,
    body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    status: 413,
    mentions: /is 2 MB: a request body other than an upload takes at most 1 MB/,
  },
  {
    name: 'JSON body of 50 MB, withheld',
    method: 'POST',
    path: '/api/topics',
    headers: { ...json, 'Content-Length': 50 * 1024 * 1024 },
    withhold: true,
    status: 413,
    mentions: /is 50 MB/,
  },
  {
    name: 'GraphQL body of 2 MB in chunks',
    method: 'POST',
    path: '/api/graphql',
    headers: json,
    chunked: true,
    body: graphql(`{ Topics { docs { id } } } # ${'x'.repeat(2 * 1024 * 1024)}`),
    status: 413,
    mentions: /too large: a request body other than an upload takes at most 1 MB/,
  },
  {
    name: 'upload of 30 MB, withheld',
    method: 'POST',
    path: '/api/media',
    staff: true,
    headers: { ...multipart, 'Content-Length': 30 * 1024 * 1024 },
    withhold: true,
    status: 413,
    mentions: /an upload takes at most 26 MB \(a file of up to 25 MB/,
  },
  {
    name: 'page form of 2 MB',
    method: 'POST',
    path: '/news',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `q=${'a'.repeat(2 * 1024 * 1024)}`,
    status: 413,
    mentions: /at most 1 MB/,
  },
]

describe('malformed requests', () => {
  it('each get a 4xx naming the problem, with the security headers, and no SQL or stack trace', async () => {
    const failures: string[] = []
    for (const c of CASES()) {
      const answer = await send(c)
      try {
        expect(answer.status, `${c.name}: ${answer.body.slice(0, 300)}`).toBe(c.status)
        expect(answer.body.length, c.name).toBeGreaterThan(0)
        expect(messageOf(c, answer), c.name).toMatch(c.mentions)
        expect(answer.body, c.name).not.toMatch(STACK_OR_SQL)
        expectSecurityHeaders(c.name, answer.headers)
      } catch (error) {
        failures.push(`${c.name}: ${(error as Error).message.split('\n')[0]}`)
      }
    }
    expect(failures).toEqual([])
    // Nothing reached the database as SQL it could not run, and the server is still up.
    expect(server.output()).not.toMatch(/Failed query|SQLITE_ERROR/)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })

  it('answers malformed HTTP and oversized headers with a body too', async () => {
    const raw = (bytes: string) =>
      new Promise<string>((resolve, reject) => {
        const url = new URL(server.url)
        const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes))
        let text = ''
        socket.on('data', (d) => (text += d))
        socket.on('end', () => resolve(text))
        socket.on('error', reject)
      })
    const broken = await raw('GET /news HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n')
    expect(broken).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(broken).toMatch(/x-content-type-options: nosniff/i)
    expect(broken).toMatch(/not valid HTTP\/1\.1/)
    const cookie = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nCookie: a=${'b'.repeat(20_000)}\r\n\r\n`)
    expect(cookie).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/)
    expect(cookie).toMatch(/"message":"The request's URL and headers are larger than 16 KB/)
  })

  it('still serves what is within the limits: a 1,000-character filter, a chunked JSON body, a GET override', async () => {
    const filter = await fetch(`${server.url}/api/topics?where[name][like]=${'a'.repeat(1000)}`)
    expect(filter.status).toBe(200)
    expect((await filter.json()).totalDocs).toBe(0)
    const chunked = await send({
      name: 'chunked create',
      method: 'POST',
      path: '/api/topics',
      staff: true,
      headers: json,
      chunked: true,
      body: JSON.stringify({ name: 'Sent in chunks', slug: 'sent-in-chunks' }),
      status: 201,
      mentions: /./,
    })
    expect(chunked.status, chunked.body).toBe(201)
    const override = await fetch(`${server.url}/api/topics`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
      body: 'where[slug][equals]=sent-in-chunks&limit=5',
    })
    expect((await override.json()).totalDocs).toBe(1)
  })
})
