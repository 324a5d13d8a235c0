import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RFC3339 } from '../helpers/feeds'
import { future, past, releaseData } from '../helpers/fixtures'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4001'
let n: TestNewsroom
let serve: typeof import('@/feeds/serve')

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  serve = await import('@/feeds/serve')
  const p = n.payload
  const partner = await p.create({
    collection: 'partners',
    data: { name: 'Example Health', kind: 'health-system' },
    overrideAccess: true,
  })
  const open = await p.create({
    collection: 'press-releases',
    data: releaseData({ title: 'Alliance launch', _status: 'published', publishedAt: past() }),
    overrideAccess: true,
  })
  const embargoed = await p.create({
    collection: 'press-releases',
    data: releaseData({ title: 'Designation', _status: 'published', publishedAt: past(), embargoUntil: future() }),
    overrideAccess: true,
  })
  await p.create({
    collection: 'milestones',
    data: {
      _status: 'published',
      title: 'First member',
      date: '2013-09-26T12:00:00.000Z',
      kind: 'membership',
      isFirst: true,
      partners: [partner.id],
      announcedIn: open.id,
    },
    overrideAccess: true,
  })
  await p.create({
    collection: 'milestones',
    data: {
      _status: 'published',
      title: 'First designated partner',
      date: '2026-01-28T12:00:00.000Z',
      kind: 'designation',
      isFirst: true,
      announcedIn: embargoed.id,
    },
    overrideAccess: true,
  })
  await p.create({
    collection: 'events',
    data: {
      _status: 'published',
      title: 'Annual meeting',
      start: '2023-12-13T13:00:00.000Z',
      end: '2023-12-13T17:30:00.000Z',
      timeZone: 'America/New_York',
      status: 'scheduled',
      venue: { name: 'Hotel, with a comma; and semicolon', city: 'Rocky Hill', region: 'CT' },
      registrationUrl: 'https://example.org/register?a=1&b=2',
      hosts: [partner.id],
    },
    overrideAccess: true,
  })
})
afterAll(async () => n?.close())

describe('/milestones/feed.json', () => {
  it('is JSON Feed 1.1 with one item per public milestone and a _milestone object', async () => {
    const res = await serve.serveMilestonesFeed(new Request(`${SITE}/milestones/feed.json`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const feed = await res.json()
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items).toHaveLength(1) // the designation's release is still embargoed
    const [item] = feed.items
    expect(item.title).toBe('First member')
    expect(item.date_published).toMatch(RFC3339)
    expect(item.url).toBe(`${SITE}/news/alliance-launch`)
    expect(item._milestone).toEqual({
      date: '2013-09-26',
      date_precision: 'day',
      date_source: null,
      kind: 'membership',
      first: true,
      partners: [{ name: 'Example Health', slug: 'example-health', url: `${SITE}/partners/example-health` }],
      announced_in: `${SITE}/news/alliance-launch`,
    })
  })
})

describe('/events.ics', () => {
  const calendar = async () => {
    const res = await serve.serveEventsCalendar(new Request(`${SITE}/events.ics`))
    return { res, body: await res.text() }
  }
  // RFC 5545 folds long lines; unfold before reading properties.
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')

  it('is an RFC 5545 calendar with stable UIDs, UTC times and escaped text', async () => {
    const { res, body } = await calendar()
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(body).toContain('VERSION:2.0')
    expect(body).toMatch(/PRODID:/)
    const text = unfold(body)
    // The UID minted when the event was created (a UUID, RFC 7986), not one built from SITE_URL.
    expect(text).toMatch(/UID:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\r?\n/)
    expect(text).toContain('DTSTART:20231213T130000Z')
    expect(text).toContain('DTEND:20231213T173000Z')
    expect(text).toContain('SEQUENCE:0')
    expect(text).toContain('STATUS:CONFIRMED')
    expect(text).toContain('LOCATION:Hotel\\, with a comma\\; and semicolon')
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
  })

  it('bumps SEQUENCE and marks a cancelled event STATUS:CANCELLED, keeping its UID', async () => {
    const uid = unfold((await calendar()).body).match(/UID:(\S+)/)![1]
    const { docs } = await n.payload.find({ collection: 'events', overrideAccess: true })
    await n.payload.update({
      collection: 'events',
      id: docs[0].id,
      data: { status: 'cancelled' },
      overrideAccess: true,
    })
    const text = unfold((await calendar()).body)
    expect(text).toContain(`UID:${uid}`)
    expect(text).toContain('SEQUENCE:1')
    expect(text).toContain('STATUS:CANCELLED')
  })
})
