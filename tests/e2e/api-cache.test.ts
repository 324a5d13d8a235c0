import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startServer, type TestServer } from '../helpers/server'

// Anonymous REST and GraphQL reads answered from memory on the production server
// (src/cache/apiReads.ts, scripts/server/apiReplay.mjs): the repeat is the uncached answer byte
// for byte with the same headers, never goes to staff, and a publish or a deleted hidden document
// shows on the very next request.
const PASSWORD = 'a long enough password'
let server: TestServer
let token = ''

const richText = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, version: 1 }] }],
  },
})
const asStaff = async (path: string, data?: unknown, method = 'POST') =>
  (
    await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: data === undefined ? undefined : JSON.stringify(data),
    })
  ).json()
const release = (title: string, status: 'published' | 'draft') =>
  asStaff('/api/press-releases', { title, summary: `${title}.`, body: richText(title), _status: status })

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'false' })
  await fetch(`${server.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ed', email: 'ed@example.org', password: PASSWORD }),
  })
  token = (await asStaff('/api/users/login', { email: 'ed@example.org', password: PASSWORD })).token
  await release('First public release', 'published')
  await release('Second public release', 'published')
}, 120_000)
afterAll(async () => server?.stop())

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })
const graphql = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/**
 * Every header but those that describe one transfer: its date, the connection, and how the bytes
 * travel (chunked from Next.js, with a length from memory, gzip when the client takes it; fetch
 * hands back the decoded bytes, which are compared).
 */
const TRANSFER = ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-encoding']
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !TRANSFER.includes(name)))

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

const LIST = '/api/press-releases?limit=10&sort=-publishedAt&depth=1'

describe('anonymous API reads from memory', () => {
  it('answers a repeated REST read byte for byte with the same headers, for the query in any order, with 304 for its ETag', async () => {
    const first = await get(LIST)
    expect(first.status).toBe(200)
    const firstBody = await bytes(first)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]{32}"$/)
    for (const path of [LIST, '/api/press-releases?depth=1&sort=-publishedAt&limit=10', LIST]) {
      const again = await get(path)
      expect((await bytes(again)).equals(firstBody), path).toBe(true)
      expect(headersOf(again), path).toEqual(headersOf(first))
    }
    const notModified = await get(LIST, { 'if-none-match': etag! })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
    const zipped = await get(LIST, { 'accept-encoding': 'gzip' })
    expect((await bytes(zipped)).equals(firstBody)).toBe(true)
  })

  it('never answers staff from the public copy, nor the public from staff answers', async () => {
    await release('A draft nobody else may see', 'draft')
    const anonymous = await (await get(LIST)).json()
    expect(anonymous.docs.map((d: { title: string }) => d.title)).not.toContain('A draft nobody else may see')
    const staff = await get(LIST, { authorization: `JWT ${token}` })
    expect(staff.headers.get('etag')).toBeNull()
    expect(staff.headers.get('cache-control')).toMatch(/no-store/)
    expect((await staff.json()).docs.map((d: { title: string }) => d.title)).toContain('A draft nobody else may see')
    const again = await (await get(LIST)).json()
    expect(again).toEqual(anonymous)
  })

  it('shows a publish, and is unchanged by deleting a hidden document, on the very next request', async () => {
    const before = await bytes(await get(LIST))
    const draft = (await release('Draft to delete', 'draft')).doc
    await asStaff(`/api/press-releases/${draft.id}`, undefined, 'DELETE')
    expect((await bytes(await get(LIST))).equals(before)).toBe(true)
    const published = (await release('Published just now', 'published')).doc
    const after = await (await get(LIST)).json()
    expect(after.docs[0].id).toBe(published.id)
    expect(after.totalDocs).toBe(JSON.parse(before.toString()).totalDocs + 1)
  })

  it('answers a refusal afresh every time (the limits still apply), and keeps no custom endpoint', async () => {
    for (let i = 0; i < 2; i++) {
      const deep = await get('/api/press-releases?depth=5')
      expect(deep.status).toBe(400)
      expect(deep.headers.get('etag')).toBeNull()
      expect(await deep.text()).toMatch(/"depth"/)
      const hidden = await get('/api/press-releases?where[relatedReleases.title][equals]=x')
      expect(hidden.status).toBe(400)
    }
    expect((await get('/api/health')).headers.get('etag')).toBeNull()
  })

  it('answers a repeated GraphQL read the same, for the same query however the body spells it', async () => {
    const query = '{ PressReleases(limit: 10, sort: "-publishedAt") { docs { id title } totalDocs } }'
    const first = await graphql({ query })
    expect(first.status).toBe(200)
    const firstBody = await bytes(first)
    expect(first.headers.get('etag')).toMatch(/^"/)
    for (const body of [{ query }, `{ "variables": null,  "query": ${JSON.stringify(query)} }`]) {
      const again = await graphql(body)
      expect((await bytes(again)).equals(firstBody)).toBe(true)
      expect(headersOf(again)).toEqual(headersOf(first))
    }
    const staff = await (await graphql({ query }, { authorization: `JWT ${token}` })).json()
    expect(staff.data.PressReleases.totalDocs).toBeGreaterThan(
      JSON.parse(firstBody.toString()).data.PressReleases.totalDocs,
    )
    // A costly query is refused every time, cached reads or not.
    const costly = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: PressReleases(limit: 100) { docs { id } }`).join(' ')} }`
    for (let i = 0; i < 2; i++) expect((await graphql({ query: costly })).status).toBe(400)
    // A publish shows at once.
    await release('Published for GraphQL', 'published')
    const after = await (await graphql({ query })).json()
    expect(after.data.PressReleases.docs[0].title).toBe('Published for GraphQL')
  })
})
