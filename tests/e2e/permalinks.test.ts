/**
 * Permalinks survive slug edits, on the production server with its replay of cached pages and
 * feeds (issue 16): earlier slugs of releases, partners and topics answer a permanent redirect,
 * pages and feeds alike, however often they are asked, and a slug that belonged to another
 * document is refused over REST with a 400 naming `slug`. Feeds' `?page=1` redirects too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RELEASE } from '@/seed/content/releaseKeys'

import { startServer, type TestServer } from '../helpers/server'
import { apiAs, requestAs, setUpStaff, type Session } from '../helpers/staff'

let server: TestServer
let admin: Session
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', headers, signal: AbortSignal.timeout(30_000) })

const idOf = async (collection: string, slug: string) =>
  (await apiAs<{ docs: { id: number }[] }>(server.url, admin, `/api/${collection}?where[slug][equals]=${slug}&depth=0`))
    .docs[0].id

const rename = (collection: string, id: number, slug: string, extra: Record<string, unknown> = {}) =>
  apiAs(server.url, admin, `/api/${collection}/${id}`, { slug, ...extra }, 'PATCH')

beforeAll(async () => {
  server = await startServer()
  admin = (await setUpStaff(server.url)).admin
}, 180_000)
afterAll(async () => server?.stop())

describe('a renamed release', () => {
  it('answers a permanent redirect at its old address, every time, and the new one answers 200', async () => {
    const old = `/news/${RELEASE.carePartner}`
    // Warm the server's page replay under the old slug first.
    expect((await get(old)).status).toBe(200)
    expect((await get(old)).status).toBe(200)
    const id = await idOf('press-releases', RELEASE.carePartner)
    await rename('press-releases', id, 'hhc-first-msk-care-partner', { _status: 'published' })
    for (let i = 0; i < 3; i++) {
      const res = await get(old)
      expect(res.status).toBe(301)
      expect(new URL(res.headers.get('location')!, server.url).pathname).toBe('/news/hhc-first-msk-care-partner')
    }
    expect((await get('/news/hhc-first-msk-care-partner')).status).toBe(200)
    expect((await get('/news/hhc-first-msk-care-partner')).status).toBe(200)
    const kit = await get(`${old}/press-kit.zip`)
    expect(kit.status).toBe(301)
    expect(kit.headers.get('location')).toBe(`${server.url}/news/hhc-first-msk-care-partner/press-kit.zip`)
    // An address that never existed is still a 404.
    expect((await get('/news/never-was-a-release')).status).toBe(404)
  })

  it('leads nowhere once the release is no longer public', async () => {
    const id = await idOf('press-releases', 'hhc-first-msk-care-partner')
    await apiAs(server.url, admin, `/api/press-releases/${id}`, { _status: 'draft' }, 'PATCH')
    expect((await get(`/news/${RELEASE.carePartner}`)).status).toBe(404)
    expect((await get('/news/hhc-first-msk-care-partner/press-kit.zip')).status).toBe(404)
    // Publishing it again is a publish of a joint release: it waits for the partners' sign-off.
    // The demo partners name no approver, so the admin signs off for both, for this text version.
    const republish = () =>
      requestAs(server.url, admin, `/api/press-releases/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ _status: 'published' }),
      })
    const refused = await republish()
    expect(refused.status).toBe(409)
    const version = (await refused.text()).match(/version of the text \(([0-9a-f]{16})\)/)![1]
    await apiAs(server.url, admin, `/api/press-releases/${id}/review`, { action: 'approve', version }, 'POST')
    expect((await republish()).status).toBe(200)
    expect((await get(`/news/${RELEASE.carePartner}`)).status).toBe(301)
  })

  it('keeps its old slug from every other release (400 naming slug)', async () => {
    const other = await idOf('press-releases', RELEASE.allianceLaunch)
    const res = await requestAs(server.url, admin, `/api/press-releases/${other}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ slug: RELEASE.carePartner }),
    })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(JSON.stringify(body.errors)).toContain('"path":"slug"')
  })
})

describe('a renamed partner and topic', () => {
  it('redirect their pages and every feed to the same under the new slug', async () => {
    expect((await get('/partners/connecticut-cancer-partnership/feed.xml')).status).toBe(200)
    await rename('partners', await idOf('partners', 'connecticut-cancer-partnership'), 'ct-cancer-partnership')
    const page = await get('/partners/connecticut-cancer-partnership')
    expect(page.status).toBe(301)
    expect(new URL(page.headers.get('location')!, server.url).pathname).toBe('/partners/ct-cancer-partnership')
    for (const file of ['feed.xml', 'atom.xml', 'feed.json']) {
      for (let i = 0; i < 2; i++) {
        const res = await get(`/partners/connecticut-cancer-partnership/${file}`)
        expect(res.status).toBe(301)
        expect(res.headers.get('location')).toBe(`${server.url}/partners/ct-cancer-partnership/${file}`)
      }
    }
    await rename('topics', await idOf('topics', 'health-equity'), 'equity-in-care')
    const topic = await get('/topics/health-equity')
    expect(topic.status).toBe(301)
    expect(new URL(topic.headers.get('location')!, server.url).pathname).toBe('/topics/equity-in-care')
    const feed = await get('/topics/health-equity/atom.xml?page=2')
    expect(feed.status).toBe(301)
    expect(feed.headers.get('location')).toBe(`${server.url}/topics/equity-in-care/atom.xml?page=2`)
  })
})

describe('feed paging', () => {
  it('?page=1 redirects to the plain URL, the one the feed’s self link names', async () => {
    const res = await get('/feed.xml?page=1')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`${server.url}/feed.xml`)
    const body = await (await get('/feed.xml')).text()
    expect(body).toContain(`<atom:link rel="self" href="${server.url}/feed.xml"`)
  })
})
