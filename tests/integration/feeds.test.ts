import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Partner, PressRelease, Topic } from '@/payload-types'

import { parseXml, relativeUrlsIn, RFC3339, RFC822, text } from '../helpers/feeds'
import { future, past, releaseData, richText } from '../helpers/fixtures'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

// The feed parser a partner site might use: proves the items come through intact.
const parseFeed = (await import('@rowanmanning/feed-parser')).default.parseFeed as (xml: string) => {
  title: string | null
  items: {
    title: string | null
    url: string | null
    published: Date | null
    content: string | null
    image: { url: string } | null
  }[]
}

const SITE = 'http://127.0.0.1:4000'
let n: TestNewsroom
let serve: typeof import('@/feeds/serve')
let partner: Partner
let otherPartner: Partner
let topic: Topic
let hero: Media
const publicTitles = { all: [] as string[], partner: [] as string[], topic: [] as string[] }

type Format = 'rss' | 'atom' | 'json'
const FILES: Record<Format, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }
const TYPES: Record<Format, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
}
const SCOPES = [
  { name: 'site', scope: () => ({ kind: 'site' as const }), path: '', titles: () => publicTitles.all },
  {
    name: 'partner',
    scope: () => ({ kind: 'partner' as const, slug: partner.slug! }),
    path: () => `/partners/${partner.slug}`,
    titles: () => publicTitles.partner,
  },
  {
    name: 'topic',
    scope: () => ({ kind: 'topic' as const, slug: topic.slug! }),
    path: () => `/topics/${topic.slug}`,
    titles: () => publicTitles.topic,
  },
]
const pathOf = (s: (typeof SCOPES)[number]) => (typeof s.path === 'function' ? s.path() : s.path)

const get = async (scopeIndex: number, format: Format, init: RequestInit = {}, query = '') => {
  const s = SCOPES[scopeIndex]
  const res = await serve.serveReleaseFeed(
    new Request(`${SITE}${pathOf(s)}/${FILES[format]}${query}`, init),
    s.scope(),
    format,
  )
  return { res, body: res.status === 200 ? await res.text() : '' }
}

const titlesIn = (format: Format, body: string): string[] => {
  if (format === 'json') return JSON.parse(body).items.map((i: { title: string }) => i.title)
  const doc = parseXml(body)
  if (format === 'rss') return (doc.rss.channel.item ?? []).map((i: unknown) => text((i as { title: unknown }).title))
  return (doc.feed.entry ?? []).map((e: unknown) => text((e as { title: unknown }).title))
}

const create = (data: Record<string, unknown>, draft = false) =>
  n.payload.create({
    collection: 'press-releases',
    data: releaseData(data),
    draft,
    overrideAccess: true,
  }) as Promise<PressRelease>

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  serve = await import('@/feeds/serve')
  const p = n.payload
  const image = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2d5c88' } })
    .jpeg()
    .toBuffer()
  hero = await p.create({
    collection: 'media',
    data: { alt: 'A blue test image' },
    file: { data: image, mimetype: 'image/jpeg', name: 'hero.jpg', size: image.length },
    overrideAccess: true,
  })
  partner = await p.create({
    collection: 'partners',
    data: { name: 'Example Health & Co', kind: 'health-system', website: 'https://example.org' },
    overrideAccess: true,
  })
  otherPartner = await p.create({
    collection: 'partners',
    data: { name: 'Other Center', kind: 'cancer-center' },
    overrideAccess: true,
  })
  topic = await p.create({ collection: 'topics', data: { name: 'Clinical trials' }, overrideAccess: true })

  const body = {
    root: {
      ...richText('Intro').root,
      children: [
        ...richText('An <escaped> "paragraph" & more.').root.children,
        {
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          textFormat: 0,
          children: [
            {
              type: 'link',
              version: 3,
              format: '',
              indent: 0,
              direction: 'ltr',
              fields: { linkType: 'custom', url: '/news', newTab: false },
              children: [
                { type: 'text', text: 'the archive', format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
              ],
            },
          ],
        },
        { type: 'upload', version: 3, format: '', relationTo: 'media', value: hero.id, fields: null },
      ],
    },
  }
  const a = await create({
    title: 'Alliance launches <today>',
    _status: 'published',
    publishedAt: past(3 * 3600_000),
    partners: [partner.id],
    topics: [topic.id],
    heroImage: hero.id,
    body,
  })
  const b = await create({
    title: 'Second public release',
    _status: 'published',
    publishedAt: past(2 * 3600_000),
    partners: [otherPartner.id],
  })
  const c = await create({
    title: 'Third public release',
    _status: 'published',
    publishedAt: past(3600_000),
    topics: [topic.id],
    embargoUntil: past(60_000),
  })
  publicTitles.all = [c.title, b.title, a.title]
  publicTitles.partner = [a.title]
  publicTitles.topic = [c.title, a.title]
  await create({ title: 'Hidden draft', partners: [partner.id], topics: [topic.id] }, true)
  await create({
    title: 'Hidden embargoed',
    _status: 'published',
    publishedAt: past(),
    embargoUntil: future(),
    partners: [partner.id],
    topics: [topic.id],
  })
  await create({
    title: 'Hidden future-dated',
    _status: 'published',
    publishedAt: future(),
    partners: [partner.id],
    topics: [topic.id],
  })
  const gone = await create({
    title: 'Hidden unpublished',
    _status: 'published',
    publishedAt: past(),
    partners: [partner.id],
    topics: [topic.id],
  })
  await p.update({ collection: 'press-releases', id: gone.id, data: { _status: 'draft' }, overrideAccess: true })
})
afterAll(async () => n?.close())

describe.each(SCOPES.map((s, i) => [s.name, i] as const))('the %s feeds', (_name, i) => {
  it.each(['rss', 'atom', 'json'] as const)(
    '%s: right media type, every public release exactly once, nothing else',
    async (format) => {
      const { res, body } = await get(i, format)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(`${TYPES[format]}; charset=utf-8`)
      const titles = titlesIn(format, body)
      expect(titles).toEqual(SCOPES[i].titles())
      expect(body).not.toMatch(/Hidden/)
    },
  )

  it('rss: follows RSS 2.0 and the Best Practices Profile', async () => {
    const { body } = await get(i, 'rss')
    const { rss } = parseXml(body)
    expect(rss['@version']).toBe('2.0')
    const ch = rss.channel
    for (const field of ['title', 'link', 'description']) expect(text(ch[field])).not.toBe('')
    expect(text(ch.lastBuildDate)).toMatch(RFC822)
    const self = ch['atom:link'].filter((l: Record<string, string>) => l['@rel'] === 'self')
    expect(self).toHaveLength(1)
    expect(self[0]['@href']).toBe(`${SITE}${pathOf(SCOPES[i])}/feed.xml`)
    for (const item of ch.item) {
      expect(text(item.link)).toMatch(/^http:\/\/127\.0\.0\.1:4000\/news\//)
      expect(text(item.guid)).not.toBe('')
      expect(text(item.pubDate)).toMatch(RFC822)
      expect(item.author).toBeUndefined() // <author> would have to be an e-mail address
      expect(item['dc:creator']?.length).toBeGreaterThan(0)
      expect(relativeUrlsIn(text(item['content:encoded']))).toEqual([])
      for (const c of item.category ?? []) expect(text(c)).not.toBe('')
    }
  })

  it('atom: follows RFC 4287', async () => {
    const { body } = await get(i, 'atom')
    const { feed } = parseXml(body)
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(text(feed.id)).not.toBe('')
    expect(text(feed.title)).not.toBe('')
    expect(text(feed.updated)).toMatch(RFC3339)
    expect(feed.author?.length).toBeGreaterThan(0)
    const self = feed.link.filter((l: Record<string, string>) => l['@rel'] === 'self')
    expect(self).toHaveLength(1)
    for (const entry of feed.entry) {
      expect(text(entry.id)).not.toBe('')
      expect(text(entry.updated)).toMatch(RFC3339)
      expect(text(entry.published)).toMatch(RFC3339)
      expect(entry.link.some((l: Record<string, string>) => !l['@rel'] || l['@rel'] === 'alternate')).toBe(true)
      expect(relativeUrlsIn(text(entry.content))).toEqual([])
    }
  })

  it('json: follows JSON Feed 1.1', async () => {
    const { body } = await get(i, 'json')
    const feed = JSON.parse(body)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBeTruthy()
    expect(feed.feed_url).toBe(`${SITE}${pathOf(SCOPES[i])}/feed.json`)
    expect(feed.author).toBeUndefined()
    expect(Array.isArray(feed.authors)).toBe(true)
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(item.url).toMatch(/^http:\/\/127\.0\.0\.1:4000\/news\//)
      expect(item.date_published).toMatch(RFC3339)
      expect(item.date_modified).toMatch(RFC3339)
      expect(item.author).toBeUndefined()
      expect(Object.keys(item).filter((k) => k.includes(':'))).toEqual([])
      expect(relativeUrlsIn(item.content_html)).toEqual([])
    }
  })
})

describe('feed items', () => {
  it('carry the hero image as an RSS enclosure with its real byte length and type', async () => {
    const { body } = await get(0, 'rss')
    const item = parseXml(body).rss.channel.item.find(
      (it: { title: unknown }) => text(it.title) === 'Alliance launches <today>',
    )
    expect(item.enclosure['@type']).toBe('image/jpeg')
    expect(Number(item.enclosure['@length'])).toBe(hero.filesize)
    expect(item.enclosure['@url']).toMatch(/^http:\/\/127\.0\.0\.1:4000\/api\/media\/file\/hero/)
    const categories = item.category.map(text)
    expect(categories).toEqual(expect.arrayContaining(['Clinical trials', 'Example Health & Co']))
  })

  it('escape HTML in content and titles, and keep links and images absolute', async () => {
    const { body } = await get(0, 'atom')
    const entry = parseXml(body).feed.entry.find(
      (e: { title: unknown }) => text(e.title) === 'Alliance launches <today>',
    )
    const html = text(entry.content)
    expect(html).toContain('An &lt;escaped&gt; &quot;paragraph&quot; &amp; more.')
    expect(html).toContain(`href="${SITE}/news"`)
    expect(html).toMatch(/<img[^>]+src="http:\/\/127\.0\.0\.1:4000\/api\/media\/file\/hero/)
    const json = JSON.parse((await get(0, 'json')).body)
    const item = json.items.find((x: { title: string }) => x.title === 'Alliance launches <today>')
    expect(item.image).toMatch(/^http:\/\/127\.0\.0\.1:4000\/api\/media\/file\/hero/)
    expect(item.tags).toEqual(expect.arrayContaining(['Clinical trials', 'Example Health & Co']))
  })

  it.each(['rss', 'atom'] as const)('come through a real feed reader intact (%s)', async (format) => {
    const { body } = await get(0, format)
    const feed = parseFeed(body)
    expect(feed.items.map((x) => x.title)).toEqual(publicTitles.all)
    const first = feed.items.find((x) => x.title === 'Alliance launches <today>')!
    expect(first.url).toMatch(/\/news\/alliance-launches-today$/)
    expect(first.published?.getTime()).toBeGreaterThan(Date.now() - 4 * 3600_000)
    expect(first.content).toContain('the archive')
    expect(first.image?.url).toMatch(/\/api\/media\/file\/hero/)
  })
})

describe('conditional requests', () => {
  it.each(['rss', 'atom', 'json'] as const)(
    '%s: strong ETag and Last-Modified, 304 for either validator',
    async (format) => {
      const { res } = await get(0, format)
      const etag = res.headers.get('etag')!
      const lastModified = res.headers.get('last-modified')!
      expect(etag).toMatch(/^"[^"]+"$/)
      expect(new Date(lastModified).toUTCString()).toBe(lastModified)
      expect(res.headers.get('cache-control')).toMatch(/stale-while-revalidate/)
      expect((await get(0, format, { headers: { 'If-None-Match': etag } })).res.status).toBe(304)
      expect((await get(0, format, { headers: { 'If-Modified-Since': lastModified } })).res.status).toBe(304)
      // If-None-Match takes precedence over If-Modified-Since.
      const both = await get(0, format, {
        headers: { 'If-None-Match': '"something-else"', 'If-Modified-Since': lastModified },
      })
      expect(both.res.status).toBe(200)
      const stale = await get(0, format, {
        headers: { 'If-Modified-Since': new Date(Date.parse(lastModified) - 60_000).toUTCString() },
      })
      expect(stale.res.status).toBe(200)
    },
  )

  it('allows CORS on JSON feeds', async () => {
    expect((await get(0, 'json')).res.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('paging and bad input', () => {
  it('answers ?page=-1 and ?page=abc with 400, and a page past the end with 404', async () => {
    expect((await get(0, 'rss', {}, '?page=-1')).res.status).toBe(400)
    expect((await get(0, 'json', {}, '?page=abc')).res.status).toBe(400)
    expect((await get(0, 'atom', {}, '?page=999999')).res.status).toBe(404)
  })

  it('answers an unknown partner or topic with 404', async () => {
    const res = await serve.serveReleaseFeed(
      new Request(`${SITE}/partners/nobody/feed.xml`),
      { kind: 'partner', slug: 'nobody' },
      'rss',
    )
    expect(res.status).toBe(404)
  })
})

describe('freshness', () => {
  it('shows a publish, an edit and an unpublish at once, with the cache on', async () => {
    const before = await get(0, 'json')
    const doc = await create({ title: 'Freshly published', _status: 'published', publishedAt: past(1000) })
    const afterPublish = await get(0, 'json', { headers: { 'If-None-Match': before.res.headers.get('etag')! } })
    expect(afterPublish.res.status).toBe(200)
    expect(titlesIn('json', afterPublish.body)[0]).toBe('Freshly published')
    await n.payload.update({
      collection: 'press-releases',
      id: doc.id,
      data: { title: 'Freshly edited' },
      overrideAccess: true,
    })
    expect(titlesIn('json', (await get(0, 'json')).body)[0]).toBe('Freshly edited')
    await n.payload.update({
      collection: 'press-releases',
      id: doc.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect((await get(0, 'json')).body).not.toContain('Freshly')
  })

  it('shows an embargoed release only after its embargo lifts, driven by the jobs queue', async () => {
    const liftAt = Date.now() + 1500
    await create({
      title: 'Embargo lifts soon',
      _status: 'published',
      publishedAt: past(),
      embargoUntil: new Date(liftAt).toISOString(),
      partners: [partner.id],
    })
    for (const format of ['rss', 'atom', 'json'] as const)
      expect((await get(1, format)).body).not.toContain('Embargo lifts soon')
    // Nothing due yet: the queue runs but has nothing to do.
    await n.payload.jobs.run()
    expect((await get(0, 'rss')).body).not.toContain('Embargo lifts soon')
    await new Promise((r) => setTimeout(r, Math.max(0, liftAt - Date.now()) + 100))
    const { jobStatus } = (await n.payload.jobs.run()) as { jobStatus?: Record<string, unknown> }
    expect(Object.keys(jobStatus ?? {}).length).toBeGreaterThan(0)
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect((await get(1, format)).body).toContain('Embargo lifts soon')
      expect((await get(0, format)).body).toContain('Embargo lifts soon')
    }
  })

  it('publishes a scheduled release through the jobs queue', async () => {
    const draft = await create({ title: 'Scheduled for later' }, true)
    await n.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'press-releases', value: String(draft.id) } },
      waitUntil: new Date(Date.now() + 500),
    } as never)
    expect((await get(0, 'rss')).body).not.toContain('Scheduled for later')
    await new Promise((r) => setTimeout(r, 700))
    await n.payload.jobs.run()
    expect((await get(0, 'rss')).body).toContain('Scheduled for later')
  })
})
