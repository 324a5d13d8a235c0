/**
 * What feed readers and the W3C validator's rules tripped on (issue 16): enclosure attributes
 * and types, authors of entries without a partner, categories leading to topic pages, `?page=1`,
 * entry ids that followed SITE_URL, and feeds under a renamed partner or topic.
 */
import { sql } from '@payloadcms/db-sqlite'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event, Media, Milestone, Partner, PressRelease, Topic } from '@/payload-types'

import { atomProblems, isRegisteredMediaType, jsonFeedProblems, rssProblems } from '../helpers/feedRules'
import { parseXml, text } from '../helpers/feeds'
import { past, releaseData } from '../helpers/fixtures'
import { startTestNewsroom, testDatabase, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4100'
let n: TestNewsroom
let serve: typeof import('@/feeds/serve')
let invalidate: () => void
let partner: Partner
let topic: Topic
let hero: Media
let withPartner: PressRelease
let byNewsroom: PressRelease
let milestone: Milestone
let event: Event

type Format = 'rss' | 'atom' | 'json'
const FILE: Record<Format, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }

const siteFeed = async (format: Format, query = '', site = SITE) => {
  const res = await serve.serveReleaseFeed(new Request(`${site}/${FILE[format]}${query}`), { kind: 'site' }, format)
  return { res, body: res.status === 200 ? await res.text() : '' }
}

/** Every entry id a reader keys on: RSS guid, Atom id, JSON id, milestone id and iCalendar UID. */
const allIds = async (site: string) => {
  const rss = parseXml((await siteFeed('rss', '', site)).body).rss.channel.item.map((i: { guid: unknown }) =>
    text(i.guid),
  )
  const atom = parseXml((await siteFeed('atom', '', site)).body).feed.entry.map((e: { id: unknown }) => text(e.id))
  const json = JSON.parse((await siteFeed('json', '', site)).body).items.map((i: { id: string }) => i.id)
  const milestones = JSON.parse(
    await (await serve.serveMilestonesFeed(new Request(`${site}/milestones/feed.json`))).text(),
  ).items.map((i: { id: string }) => i.id)
  const ics = (await (await serve.serveEventsCalendar(new Request(`${site}/events.ics`))).text())
    .replace(/\r\n[ \t]/g, '')
    .match(/^UID:.*$/gm)
  return { rss, atom, json, milestones, ics }
}

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  serve = await import('@/feeds/serve')
  invalidate = (await import('@/cache/publicContent')).invalidatePublicContent
  const p = n.payload
  const jpeg = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#225588' } })
    .jpeg()
    .toBuffer()
  // A `.jpg` file name: the feed package typed Atom enclosures `image/jpg` after it.
  hero = await p.create({
    collection: 'media',
    data: { alt: 'A blue picture' },
    file: { data: jpeg, mimetype: 'image/jpeg', name: 'photo.jpg', size: jpeg.length },
    overrideAccess: true,
  })
  partner = await p.create({
    collection: 'partners',
    data: { name: 'Example Health', kind: 'health-system', slug: 'example-health' },
    overrideAccess: true,
  })
  topic = await p.create({
    collection: 'topics',
    data: { name: 'Clinical trials', slug: 'clinical-trials' },
    overrideAccess: true,
  })
  withPartner = (await p.create({
    collection: 'press-releases',
    data: releaseData({
      title: 'With a partner and a hero',
      _status: 'published',
      publishedAt: past(2 * 3600_000),
      partners: [partner.id],
      topics: [topic.id],
      heroImage: hero.id,
    }),
    overrideAccess: true,
  })) as PressRelease
  byNewsroom = (await p.create({
    collection: 'press-releases',
    data: releaseData({ title: 'From the newsroom itself', _status: 'published', publishedAt: past(3600_000) }),
    overrideAccess: true,
  })) as PressRelease
  milestone = await p.create({
    collection: 'milestones',
    data: {
      _status: 'published',
      title: 'A first',
      date: '2026-01-28T12:00:00.000Z',
      kind: 'membership',
      partners: [partner.id],
    },
    overrideAccess: true,
  })
  event = await p.create({
    collection: 'events',
    data: {
      _status: 'published',
      title: 'Annual meeting',
      status: 'scheduled',
      start: '2030-05-01T13:00:00.000Z',
      timeZone: 'America/New_York',
    },
    overrideAccess: true,
  })
})
afterAll(async () => n?.close())

describe('enclosures', () => {
  it('RSS: only url, length and type, with the stored media type (W3C rules)', async () => {
    const { body } = await siteFeed('rss')
    expect(rssProblems(body)).toEqual([])
    const item = parseXml(body).rss.channel.item.find(
      (i: { title: unknown }) => text(i.title) === 'With a partner and a hero',
    )
    expect(Object.keys(item.enclosure).sort()).toEqual(['@length', '@type', '@url'])
    expect(item.enclosure['@type']).toBe('image/jpeg')
    expect(Number(item.enclosure['@length'])).toBe(hero.filesize)
  })

  it('Atom: a registered media type, never image/jpg', async () => {
    const { body } = await siteFeed('atom')
    expect(body).not.toContain('image/jpg"')
    const entry = parseXml(body).feed.entry.find(
      (e: { title: unknown }) => text(e.title) === 'With a partner and a hero',
    )
    const enclosure = entry.link.find((l: Record<string, string>) => l['@rel'] === 'enclosure')
    expect(enclosure['@type']).toBe('image/jpeg')
    expect(isRegisteredMediaType(enclosure['@type'])).toBe(true)
    expect(Number(enclosure['@length'])).toBe(hero.filesize)
  })
})

describe('authors', () => {
  it('an Atom entry with no partner is by the newsroom, and passes RFC 4287 rules', async () => {
    const { body } = await siteFeed('atom')
    expect(atomProblems(body)).toEqual([])
    const entry = parseXml(body).feed.entry.find(
      (e: { title: unknown }) => text(e.title) === 'From the newsroom itself',
    )
    expect(entry.author.map((a: { name: unknown }) => text(a.name))).toEqual(['Partner Newsroom'])
    const other = parseXml(body).feed.entry.find(
      (e: { title: unknown }) => text(e.title) === 'With a partner and a hero',
    )
    expect(other.author.map((a: { name: unknown }) => text(a.name))).toEqual(['Example Health'])
  })

  it('the matching JSON Feed item has authors too', async () => {
    const { body } = await siteFeed('json')
    expect(jsonFeedProblems(body)).toEqual([])
    const item = JSON.parse(body).items.find((i: { title: string }) => i.title === 'From the newsroom itself')
    expect(item.authors).toEqual([{ name: 'Partner Newsroom', url: SITE }])
  })
})

describe('categories', () => {
  it('lead to the topic and partner pages', async () => {
    const rss = parseXml((await siteFeed('rss')).body).rss.channel.item.find(
      (i: { title: unknown }) => text(i.title) === 'With a partner and a hero',
    )
    const domains = rss.category.map((c: Record<string, string>) => c['@domain'])
    expect(domains).toEqual(
      expect.arrayContaining([`${SITE}/topics/clinical-trials`, `${SITE}/partners/example-health`]),
    )
    const atom = parseXml((await siteFeed('atom')).body).feed.entry.find(
      (e: { title: unknown }) => text(e.title) === 'With a partner and a hero',
    )
    const topicCategory = atom.category.find((c: Record<string, string>) => c['@term'] === 'clinical-trials')
    expect(topicCategory['@scheme']).toBe(`${SITE}/topics`)
    expect(topicCategory['@label']).toBe('Clinical trials')
  })
})

describe('?page=1', () => {
  it.each(['rss', 'atom', 'json'] as const)('%s: redirects to the plain URL its self link names', async (format) => {
    const { res } = await siteFeed(format, '?page=1')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`${SITE}/${FILE[format]}`)
    const self = await siteFeed(format)
    const selfLink =
      format === 'json'
        ? JSON.parse(self.body).feed_url
        : format === 'rss'
          ? parseXml(self.body).rss.channel['atom:link'].find((l: Record<string, string>) => l['@rel'] === 'self')[
              '@href'
            ]
          : parseXml(self.body).feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']
    expect(selfLink).toBe(res.headers.get('location'))
  })

  it('the milestones feed too; other parameters are kept', async () => {
    const res = await serve.serveMilestonesFeed(new Request(`${SITE}/milestones/feed.json?page=01&x=1`))
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`${SITE}/milestones/feed.json?x=1`)
  })
})

describe('entry ids', () => {
  it('are the ids stored at creation, and do not change when SITE_URL does', async () => {
    const before = await allIds(SITE)
    expect(before.rss).toEqual(before.atom)
    expect(before.json).toEqual(before.atom)
    expect(before.atom).toEqual(expect.arrayContaining([withPartner.feedId, byNewsroom.feedId]))
    expect(withPartner.feedId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(before.milestones).toEqual([milestone.feedId])
    expect(before.ics).toEqual([`UID:${event.feedId}`])

    process.env.SITE_URL = 'https://news.example.org'
    try {
      invalidate()
      const after = await allIds('https://news.example.org')
      expect(after).toEqual(before)
      // The links did move, so the feeds did change.
      expect((await siteFeed('rss', '', 'https://news.example.org')).body).toContain('https://news.example.org/news/')
    } finally {
      process.env.SITE_URL = SITE
      invalidate()
    }
  })

  it('cannot be set or changed through the API, and an edit keeps them', async () => {
    const edited = await n.payload.update({
      collection: 'press-releases',
      id: withPartner.id,
      data: { title: 'With a partner and a hero', feedId: 'urn:uuid:00000000-0000-0000-0000-000000000000' },
      user: { ...n.users.admin, collection: 'users' },
      overrideAccess: false,
    })
    expect(edited.feedId).toBe(withPartner.feedId)
    const created = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ feedId: 'urn:uuid:00000000-0000-0000-0000-000000000000' }),
      draft: true,
      user: { ...n.users.editor, collection: 'users' },
      overrideAccess: false,
    })
    expect(created.feedId).toMatch(/^urn:uuid:/)
    expect(created.feedId).not.toBe('urn:uuid:00000000-0000-0000-0000-000000000000')
  })

  // A SQLite migration (PostgreSQL's migrations start from a schema that stores the ids from the first).
  it.skipIf(testDatabase() === 'postgres')(
    'the backfill gives documents from before stored ids exactly the ids they were published with',
    async () => {
      const { up } = await import('@/migrations/20261201_230100_backfill_feed_ids_and_calendar_dates')
      const db = (n.payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }).drizzle
      await db.run(sql`UPDATE press_releases SET feed_id = NULL WHERE id = ${byNewsroom.id}`)
      await db.run(sql`UPDATE _press_releases_v SET version_feed_id = NULL WHERE parent_id = ${byNewsroom.id}`)
      await db.run(sql`UPDATE milestones SET feed_id = NULL`)
      await db.run(sql`UPDATE events SET feed_id = NULL`)
      await up({ db, payload: n.payload, req: {} } as never)
      const release = await n.payload.findByID({
        collection: 'press-releases',
        id: byNewsroom.id,
        overrideAccess: true,
      })
      // The formula feeds used before ids were stored.
      expect(release.feedId).toBe(`tag:127.0.0.1,${byNewsroom.createdAt.slice(0, 10)}:press-release:${byNewsroom.id}`)
      const m = await n.payload.findByID({ collection: 'milestones', id: milestone.id, overrideAccess: true })
      expect(m.feedId).toBe(`tag:127.0.0.1,${milestone.createdAt.slice(0, 10)}:milestone:${milestone.id}`)
      const e = await n.payload.findByID({ collection: 'events', id: event.id, overrideAccess: true })
      expect(e.feedId).toBe(`event-${event.id}@127.0.0.1`)
      const { docs: versions } = await n.payload.findVersions({
        collection: 'press-releases',
        where: { parent: { equals: byNewsroom.id } },
        overrideAccess: true,
      })
      for (const v of versions) expect(v.version.feedId).toBe(release.feedId)
    },
  )
})

describe('feeds under an earlier slug', () => {
  it('a renamed partner’s and topic’s feeds answer 301 to the same feed under the new slug', async () => {
    await n.payload.update({
      collection: 'partners',
      id: partner.id,
      data: { slug: 'example-health-2' },
      overrideAccess: true,
    })
    await n.payload.update({ collection: 'topics', id: topic.id, data: { slug: 'trials' }, overrideAccess: true })
    for (const format of ['rss', 'atom', 'json'] as const) {
      const res = await serve.serveReleaseFeed(
        new Request(`${SITE}/partners/example-health/${FILE[format]}`),
        { kind: 'partner', slug: 'example-health' },
        format,
      )
      expect(res.status).toBe(301)
      expect(res.headers.get('location')).toBe(`${SITE}/partners/example-health-2/${FILE[format]}`)
    }
    const topicFeed = await serve.serveReleaseFeed(
      new Request(`${SITE}/topics/clinical-trials/atom.xml`),
      { kind: 'topic', slug: 'clinical-trials' },
      'atom',
    )
    expect(topicFeed.status).toBe(301)
    expect(topicFeed.headers.get('location')).toBe(`${SITE}/topics/trials/atom.xml`)
    const unknown = await serve.serveReleaseFeed(
      new Request(`${SITE}/partners/nobody/feed.xml`),
      { kind: 'partner', slug: 'nobody' },
      'rss',
    )
    expect(unknown.status).toBe(404)
  })
})
