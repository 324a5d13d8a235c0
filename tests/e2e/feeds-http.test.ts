import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let token = ''
const lexical = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      },
    ],
  },
})
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })
const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  server = await startServer()
  await post('/api/users/first-register', {
    name: 'Editor',
    email: 'editor@example.org',
    password: 'a long enough password',
  })
  token = (
    await (await post('/api/users/login', { email: 'editor@example.org', password: 'a long enough password' })).json()
  ).token
})
afterAll(async () => server?.stop())

const FEEDS: [string, string][] = [
  ['/feed.xml', 'application/rss+xml'],
  ['/atom.xml', 'application/atom+xml'],
  ['/feed.json', 'application/feed+json'],
  ['/partners/hartford-healthcare/feed.xml', 'application/rss+xml'],
  ['/partners/hartford-healthcare/atom.xml', 'application/atom+xml'],
  ['/partners/hartford-healthcare/feed.json', 'application/feed+json'],
  ['/topics/clinical-trials/feed.xml', 'application/rss+xml'],
  ['/topics/clinical-trials/atom.xml', 'application/atom+xml'],
  ['/topics/clinical-trials/feed.json', 'application/feed+json'],
  ['/milestones/feed.json', 'application/feed+json'],
  ['/events.ics', 'text/calendar'],
]

describe('feed URLs on the production server', () => {
  it.each(FEEDS)('%s answers 200 as %s, cacheable, without client-hint Vary headers', async (path, type) => {
    const res = await get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`)
    expect(res.headers.get('etag')).toMatch(/^"/)
    expect(res.headers.get('last-modified')).toBeTruthy()
    expect(res.headers.get('cache-control')).toMatch(/s-maxage=\d+.*stale-while-revalidate/)
    expect(res.headers.get('accept-ch')).toBeNull()
    expect(res.headers.get('vary') ?? '').not.toMatch(/Sec-CH/i)
    expect((await res.text()).length).toBeGreaterThan(100)
  })

  it.each(FEEDS)('%s answers 304 to If-None-Match and to If-Modified-Since', async (path) => {
    const res = await get(path)
    const etag = res.headers.get('etag')!
    const lastModified = res.headers.get('last-modified')!
    const byEtag = await get(path, { 'If-None-Match': etag })
    expect(byEtag.status).toBe(304)
    expect(await byEtag.text()).toBe('')
    expect((await get(path, { 'If-Modified-Since': lastModified })).status).toBe(304)
  })

  it('lists the demo releases in the site feeds', async () => {
    const rss = await (await get('/feed.xml')).text()
    expect(rss).toMatch(/Care Partner/)
    expect(rss).toMatch(/Alliance/)
  })

  it('answers bad pages and unknown partners with a 4xx', async () => {
    expect((await get('/feed.xml?page=-1')).status).toBe(400)
    expect((await get('/feed.json?page=999999')).status).toBe(404)
    expect((await get('/partners/no-such-partner/feed.xml')).status).toBe(404)
  })
})

describe('freshness with caches on', () => {
  it('shows a publish in every affected feed at once', async () => {
    const before = await get('/feed.json')
    const etag = before.headers.get('etag')!
    const res = await post('/api/press-releases', {
      title: 'Published over REST',
      summary: 'Fresh.',
      body: lexical('Fresh news.'),
      _status: 'published',
      partners: [(await (await get('/api/partners?where[slug][equals]=hartford-healthcare')).json()).docs[0].id],
    })
    expect(res.status).toBe(201)
    const after = await get('/feed.json', { 'If-None-Match': etag })
    expect(after.status).toBe(200)
    expect(await after.text()).toContain('Published over REST')
    expect(await (await get('/partners/hartford-healthcare/atom.xml')).text()).toContain('Published over REST')
  })

  it('keeps an embargoed release out until the embargo lifts, then shows it without any edit', async () => {
    const liftAt = Date.now() + 2000
    const res = await post('/api/press-releases', {
      title: 'Embargoed over REST',
      summary: 'Soon.',
      body: lexical('Soon.'),
      _status: 'published',
      embargoUntil: new Date(liftAt).toISOString(),
    })
    expect(res.status).toBe(201)
    expect(await (await get('/feed.xml')).text()).not.toContain('Embargoed over REST')
    await new Promise((r) => setTimeout(r, liftAt - Date.now() + 200))
    expect(await (await get('/feed.xml')).text()).toContain('Embargoed over REST')
  })
})
