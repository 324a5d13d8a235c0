import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startServer, type TestServer } from '../helpers/server'

// The server answers repeat requests for feeds and anonymous pages from memory
// (scripts/server/responseCache.mjs). These check that what it replays is exactly what
// Next.js would send, and never stale or private.
const PASSWORD = 'a long enough password'
let server: TestServer
let token = ''

const body = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, version: 1 }] }],
  },
})
const post = async (path: string, data: unknown, method = 'POST') =>
  (
    await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify(data),
    })
  ).json()

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'false' })
  await fetch(`${server.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ed', email: 'ed@example.org', password: PASSWORD }),
  })
  token = (await post('/api/users/login', { email: 'ed@example.org', password: PASSWORD })).token
  await post('/api/press-releases', {
    title: 'First public release',
    summary: 'One.',
    body: body('One.'),
    _status: 'published',
  })
})
afterAll(async () => server?.stop())

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${server.url}${path}`, { method, headers, redirect: 'manual' })

describe('answers from memory', () => {
  it('replays a feed byte for byte, with the same headers, gzip when asked, and 304 for its ETag', async () => {
    const first = await get('/feed.xml')
    const firstBody = await first.text()
    const second = await get('/feed.xml')
    expect(await second.text()).toBe(firstBody)
    for (const h of ['content-type', 'etag', 'last-modified', 'cache-control', 'x-content-type-options']) {
      expect(second.headers.get(h), h).toBe(first.headers.get(h))
    }
    const zipped = await get('/feed.xml', { 'accept-encoding': 'gzip' })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i)
    // fetch decompresses transparently; compare the bytes it hands back.
    expect(await zipped.text()).toBe(firstBody)
    const head = await get('/feed.xml', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const conditional = await get('/feed.xml', { 'if-none-match': first.headers.get('etag')! })
    expect(conditional.status).toBe(304)
  })

  it('answers an anonymous page the same way again, and shows a publish on the very next request', async () => {
    // Byte for byte but for the CSP nonce, which is fresh in every answer (attributes and the
    // React payload alike).
    const withoutNonce = async (res: Response) => {
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1]
      const html = await res.text()
      return nonce ? html.split(nonce).join('NONCE') : html
    }
    const before = await withoutNonce(await get('/'))
    expect(await withoutNonce(await get('/'))).toBe(before)
    await post('/api/press-releases', {
      title: 'Second release, just published',
      summary: 'Two.',
      body: body('Two.'),
      _status: 'published',
    })
    expect(await (await get('/')).text()).toContain('Second release, just published')
    expect(await (await get('/feed.xml')).text()).toContain('Second release, just published')
  })

  it('gives every replayed page a fresh CSP nonce that its scripts carry', async () => {
    const answers = await Promise.all([get('/'), get('/'), get('/')])
    const nonces = await Promise.all(
      answers.map(async (res) => {
        const csp = res.headers.get('content-security-policy') ?? ''
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
        expect(nonce, csp).toBeTruthy()
        const html = await res.text()
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => !tag.includes('application/ld+json'))
        expect(scripts.length).toBeGreaterThan(0)
        for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
        return nonce
      }),
    )
    expect(new Set(nonces).size).toBe(nonces.length)
  })

  it('never gives a staff preview to the public, nor the public copy to a previewing editor', async () => {
    const draft = (
      await post('/api/press-releases?draft=true', {
        title: 'Secret draft title',
        summary: 'Draft.',
        body: body('Draft.'),
      })
    ).doc
    const publicPage = await get('/news/first-public-release')
    expect(publicPage.status).toBe(200)
    await get('/news/first-public-release') // now in memory

    // An editor in draft mode asks for the same URL (as a browser would: cookies, same origin).
    const enter = await get(`/preview/enter?path=${encodeURIComponent('/news/first-public-release')}`, {
      cookie: `payload-token=${token}`,
      'sec-fetch-site': 'same-origin',
    })
    expect(enter.status, await enter.clone().text()).toBe(307)
    const bypass = enter.headers.get('set-cookie')!.split(';')[0]
    const staffView = await (
      await get('/news/first-public-release', {
        cookie: `payload-token=${token}; ${bypass}`,
        'sec-fetch-site': 'same-origin',
      })
    ).text()
    expect(staffView).toContain('you are seeing drafts')

    // And the public copy stays public.
    const anonymous = await (await get('/news/first-public-release')).text()
    expect(anonymous).not.toContain('you are seeing drafts')
    const draftUrl = `/news/${draft.slug}`
    await get(draftUrl, { cookie: `payload-token=${token}; ${bypass}`, 'sec-fetch-site': 'same-origin' })
    expect((await get(draftUrl)).status).toBe(404)
  })
})
