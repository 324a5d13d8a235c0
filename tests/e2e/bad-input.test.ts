import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseData } from '../helpers/fixtures'
import { firstAdmin, type Rest, uploadForm } from '../helpers/rest'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let rest: Rest

beforeAll(async () => {
  server = await startServer()
  rest = await firstAdmin(server)
})
afterAll(async () => server?.stop())

const STACK_TRACE = /\bat \/|node_modules|\.js:\d+:\d+|\n\s+at /

/** A 4xx whose body names the problem (`mentions`) and shows no stack trace. */
const expectClear4xx = async (res: Response, status: number, mentions: RegExp) => {
  const body = await res.text()
  expect({ status: res.status, body }).toMatchObject({ status })
  expect(body).toMatch(mentions)
  expect(body).not.toMatch(STACK_TRACE)
  return body
}

/** The field paths a 400 from the REST API names. */
const fieldsNamed = (body: string): string[] =>
  JSON.parse(body).errors.flatMap(
    (e: { data?: { errors?: { path: string }[] } }) => e.data?.errors?.map((d) => d.path) ?? [],
  )

describe('bad JSON over REST', () => {
  it('answers malformed JSON with 400 saying the body is not valid JSON', async () => {
    const res = await rest.call('/api/topics', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": ',
    })
    await expectClear4xx(res, 400, /JSON/i)
  })

  it('answers a body that is not an object with 400 saying so', async () => {
    await expectClear4xx(await rest.send('/api/topics', [1, 2]), 400, /must be a JSON object/)
  })

  it('refuses unknown fields with 400 naming each, at the top level and nested', async () => {
    const top = await expectClear4xx(
      await rest.send('/api/topics', { name: 'Oncology', slug: 'oncology', colour: 'red' }),
      400,
      /colour/,
    )
    expect(fieldsNamed(top)).toEqual(['colour'])
    const nested = await expectClear4xx(
      await rest.send('/api/press-releases', releaseData({ meta: { title: 'x', keywords: 'y' } })),
      400,
      /meta\.keywords/,
    )
    expect(fieldsNamed(nested)).toEqual(['meta.keywords'])
    expect((await (await rest.call('/api/topics?where[slug][equals]=oncology')).json()).totalDocs).toBe(0)
  })

  it('refuses wrongly typed values with 400 naming the field and the expected type', async () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['/api/topics', { name: 42, slug: 'typed-1' }, 'name', /Expected text, got a number/],
      ['/api/topics', { name: ['a'], slug: 'typed-2' }, 'name', /Expected text, got a list/],
      ['/api/press-releases', releaseData({ title: { en: 'x' } }), 'title', /Expected text, got an object/],
      ['/api/press-releases', releaseData({ publishedAt: 1767225600000 }), 'publishedAt', /Expected a date/],
      [
        '/api/milestones',
        { title: 'First', date: '2025-01-01', kind: 'launch', isFirst: 'yes' },
        'isFirst',
        /Expected true or false/,
      ],
    ]
    for (const [path, body, field, message] of cases) {
      const text = await expectClear4xx(await rest.send(path, body), 400, message)
      expect(fieldsNamed(text), `${path} ${JSON.stringify(body)}`).toEqual([field])
    }
  })

  it('refuses invalid dates with 400 naming the field', async () => {
    const text = await expectClear4xx(
      await rest.send('/api/press-releases', releaseData({ publishedAt: '2026-02-31T25:00' })),
      400,
      /not a valid date/,
    )
    expect(fieldsNamed(text)).toContain('publishedAt')
    const milestone = await expectClear4xx(
      await rest.send('/api/milestones', { title: 'M', date: 'yesterday', kind: 'launch' }),
      400,
      /not a valid date/,
    )
    expect(fieldsNamed(milestone)).toEqual(['date'])
  })

  it('refuses a slug that is taken with 400 naming the slug', async () => {
    const taken = (await (await rest.call('/api/press-releases?limit=1')).json()).docs[0].slug
    const text = await expectClear4xx(
      await rest.send('/api/press-releases', releaseData({ slug: taken })),
      400,
      /slug/i,
    )
    expect(fieldsNamed(text)).toEqual(['slug'])
  })

  it('answers an id that cannot exist with 404 naming it, for reads, edits and deletes', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const res = await rest.call('/api/topics/abc', {
        method,
        ...(method === 'PATCH' ? { headers: { 'Content-Type': 'application/json' }, body: '{"name":"x"}' } : {}),
      })
      await expectClear4xx(res, 404, /has the id \\"abc\\"/)
    }
    await expectClear4xx(await fetch(`${server.url}/api/press-releases/abc`), 404, /has the id \\"abc\\"/)
  })
})

describe('bad uploads', () => {
  const upload = (bytes: Uint8Array, type: string, name: string) =>
    rest.call('/api/media', uploadForm(bytes, type, name))
  const expectFileRefused = async (res: Response, message: RegExp) => {
    const text = await expectClear4xx(res, 400, message)
    expect(fieldsNamed(text)).toEqual(['file'])
  }

  it('refuses a .png that is really text', async () => {
    await expectFileRefused(
      await upload(new TextEncoder().encode('just some notes'), 'image/png', 'photo.png'),
      /photo\.png/,
    )
  })

  it('refuses a JPEG named .png, saying what it holds', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .jpeg()
      .toBuffer()
    await expectFileRefused(await upload(jpeg, 'image/png', 'logo.png'), /JPEG data, not PNG/)
  })

  it('refuses a damaged image', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#0c0' } })
      .png()
      .toBuffer()
    await expectFileRefused(
      await upload(png.subarray(0, png.length / 2), 'image/png', 'half.png'),
      /not a readable PNG/,
    )
  })

  it('refuses a PDF that is not a PDF', async () => {
    await expectFileRefused(await upload(new TextEncoder().encode('not a pdf'), 'application/pdf', 'kit.pdf'), /pdf/i)
  })

  it('refuses a file type that is neither an image nor a PDF', async () => {
    await expectFileRefused(await upload(new TextEncoder().encode('a,b\n1,2'), 'text/csv', 'data.csv'), /not allowed/)
  })

  it('refuses an upload over 25 MB, naming the limit', async () => {
    // Within the 26 MB an upload's body may have (file and form fields), so Payload reads it and
    // names the file; a larger body is refused before it is read (tests/e2e/malformed-requests.test.ts).
    await expectFileRefused(await upload(new Uint8Array(25.5 * 1024 * 1024), 'application/pdf', 'huge.pdf'), /25 MB/)
  })

  it('accepts a real image under its own name', async () => {
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#00c' } })
      .png()
      .toBuffer()
    expect((await upload(png, 'image/png', 'square.png')).status).toBe(201)
  })
})

describe('bad query strings', () => {
  it('answers a 100 KB query string with 431, not a 500', async () => {
    for (const path of ['/api/press-releases?where[title][like]=', '/news?q=']) {
      const res = await fetch(`${server.url}${path}${'a'.repeat(100_000)}`)
      expect(res.status).toBe(431)
      expect(res.statusText).toMatch(/Header Fields Too Large/i)
      expect(await res.text()).toMatch(/larger than 16 KB/)
    }
  })

  it('answers a filter value of 1,000 characters (the most) without a server error, and a longer one with 400', async () => {
    const res = await fetch(`${server.url}/api/press-releases?where[title][like]=${'a'.repeat(1000)}`)
    expect(res.status).toBe(200)
    expect((await res.json()).totalDocs).toBe(0)
    await expectClear4xx(
      await fetch(`${server.url}/api/press-releases?where[title][like]=${'a'.repeat(8000)}`),
      400,
      /at most 1000/,
    )
  })

  it('answers a filter on a field that does not exist with 400 naming it', async () => {
    await expectClear4xx(await fetch(`${server.url}/api/press-releases?where[secret][equals]=1`), 400, /secret/)
  })

  it.each(['-1', 'abc', '1.5'])('answers /news?page=%s with a 404 page that says which pages exist', async (page) => {
    const body = await expectClear4xx(
      await fetch(`${server.url}/news?page=${page}`),
      404,
      /No such page of the news archive/,
    )
    expect(body).toMatch(/numbered from 1/)
  })

  it('answers /news?page=999999 with a 404 page, and the last page with 200', async () => {
    await expectClear4xx(await fetch(`${server.url}/news?page=999999`), 404, /No such page of the news archive/)
    expect((await fetch(`${server.url}/news?page=1`)).status).toBe(200)
  })

  it.each(['/feed.xml', '/atom.xml', '/feed.json', '/partners/hartford-healthcare/feed.xml'])(
    'answers %s?page=-1 or abc with 400 and ?page=999999 with 404, each naming the page',
    async (feed) => {
      await expectClear4xx(await fetch(`${server.url}${feed}?page=-1`), 400, /Invalid page "-1"/)
      await expectClear4xx(await fetch(`${server.url}${feed}?page=abc`), 400, /Invalid page "abc"/)
      await expectClear4xx(await fetch(`${server.url}${feed}?page=999999`), 404, /page/i)
    },
  )
})

describe('sign-in', () => {
  it('throttles a client after 5 failed attempts on an address (429), even to the right password', async () => {
    const login = (password: string) =>
      fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'editor@example.org', password }),
      })
    expect(
      (
        await rest.send('/api/users', {
          name: 'Editor',
          email: 'editor@example.org',
          password: 'the right password',
          role: 'editor',
        })
      ).status,
    ).toBe(201)
    for (let i = 0; i < 5; i++) await expectClear4xx(await login('wrong password'), 401, /incorrect/)
    const blocked = await login('wrong password')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    await expectClear4xx(blocked, 429, /Too many failed sign-in attempts/)
    await expectClear4xx(await login('the right password'), 429, /Too many failed sign-in attempts/)
  })

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ (Secure only on an https SITE_URL)', async () => {
    const res = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'a long enough password' }),
    })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    const attributes = cookie
      .split(';')
      .slice(1)
      .map((a) => a.trim().split('=')[0].toLowerCase())
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite', 'path', 'expires']))
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\/(;|$)/)
    expect(attributes).not.toContain('secure')
  })

  it('refuses a cookie-authenticated write from a foreign Origin, and accepts it from our own', async () => {
    const cookie = `payload-token=${rest.token}`
    const write = (origin: string, slug: string) =>
      fetch(`${server.url}/api/topics`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: slug, slug }),
      })
    await expectClear4xx(await write('https://attacker.example', 'csrf-foreign'), 403, /not allowed/)
    expect((await write(server.url, 'csrf-own')).status).toBe(201)
    const slugs = (await (await rest.call('/api/topics?limit=100')).json()).docs.map((t: { slug: string }) => t.slug)
    expect(slugs).toContain('csrf-own')
    expect(slugs).not.toContain('csrf-foreign')
  })
})
