/**
 * Date-only fields (milestone date, quote date, registration deadline) mean one calendar day
 * everywhere (issue 16): a milestone dated through REST as `2026-11-30T00:00Z` showed as
 * November 29, the instant's day in New York.
 */
import { sql } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { calendarDay, formatCalendarDate, toCalendarDate } from '@/lib/calendarDate'

import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4400'
let n: TestNewsroom
let token: string

/** A REST request through Payload's own handler, signed in as the admin. */
const rest = async (method: string, path: string, body?: unknown) => {
  // Imported only now: the config reads DATABASE_URI, which startTestNewsroom sets.
  const [{ handleEndpoints }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  const res = await handleEndpoints({
    config,
    request: new Request(`${SITE}/api${path}`, {
      method,
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  })
  return { status: res.status, json: (await res.json()) as Record<string, any> }
}

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  token = (
    await n.payload.login({
      collection: 'users',
      data: { email: 'admin@example.org', password: 'correct horse battery' },
    })
  ).token!
})
afterAll(async () => n?.close())

describe('the calendar-date rule', () => {
  it('reads the day as written, whatever the time or offset', () => {
    expect(toCalendarDate('2026-11-30T00:00Z')).toBe('2026-11-30T12:00:00.000Z')
    expect(toCalendarDate('2026-11-30T23:30:00-05:00')).toBe('2026-11-30T12:00:00.000Z')
    expect(toCalendarDate('2026-11-30')).toBe('2026-11-30T12:00:00.000Z')
    expect(toCalendarDate(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30T12:00:00.000Z')
    expect(toCalendarDate('2026-02-31')).toBeNull()
    expect(toCalendarDate('not a date')).toBeNull()
    expect(formatCalendarDate('2026-11-30T12:00:00.000Z')).toBe('November 30, 2026')
  })
})

describe('over REST', () => {
  it('a milestone dated 2026-11-30T00:00Z is November 30, stored and shown', async () => {
    const { status, json } = await rest('POST', '/milestones', {
      _status: 'published',
      title: 'Fairfield designated',
      date: '2026-11-30T00:00Z',
      kind: 'designation',
    })
    expect(status).toBe(201)
    expect(json.doc.date).toBe('2026-11-30T12:00:00.000Z')
    expect(formatCalendarDate(json.doc.date)).toBe('November 30, 2026')
    expect(calendarDay(json.doc.date)).toBe('2026-11-30')
    const feed = await (await import('@/feeds/serve')).serveMilestonesFeed(new Request(`${SITE}/milestones/feed.json`))
    const item = (await feed.json()).items.find((i: { title: string }) => i.title === 'Fairfield designated')
    expect(item._milestone.date).toBe('2026-11-30')
  })

  it('a quote date and a registration deadline keep their day too', async () => {
    const quote = await rest('POST', '/quotes', {
      text: 'Words.',
      speakerName: 'A Speaker',
      provenance: 'verbatim',
      date: '2026-01-28T00:00:00.000Z',
    })
    expect(quote.status).toBe(201)
    expect(formatCalendarDate(quote.json.doc.date)).toBe('January 28, 2026')
    const event = await rest('POST', '/events', {
      title: 'Annual meeting',
      start: '2026-12-13T13:00:00.000Z',
      timeZone: 'America/New_York',
      registrationDeadline: '2026-12-01T00:00Z',
    })
    expect(event.status).toBe(201)
    expect(formatCalendarDate(event.json.doc.registrationDeadline)).toBe('December 1, 2026')
  })

  it('a date that is not one is still refused with a 400 naming the field', async () => {
    const { status, json } = await rest('POST', '/milestones', { title: 'Bad', date: '2026-11-31x', kind: 'launch' })
    expect(status).toBe(400)
    expect(JSON.stringify(json)).toContain('date')
  })
})

describe('the backfill', () => {
  it('moves a stored midnight-UTC date to noon of the day it named, and leaves noon dates alone', async () => {
    const db = (n.payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }).drizzle
    const a = await n.payload.create({
      collection: 'milestones',
      data: { _status: 'published', title: 'Old style', date: '2025-03-01', kind: 'launch' },
      overrideAccess: true,
    })
    const b = await n.payload.create({
      collection: 'milestones',
      data: { _status: 'published', title: 'Picker style', date: '2025-03-02', kind: 'launch' },
      overrideAccess: true,
    })
    await db.run(sql`UPDATE milestones SET date = '2025-03-01T00:00:00.000Z' WHERE id = ${a.id}`)
    const { up } = await import('@/migrations/20261201_230100_backfill_feed_ids_and_calendar_dates')
    await up({ db, payload: n.payload, req: {} } as never)
    const after = await n.payload.find({
      collection: 'milestones',
      where: { id: { in: [a.id, b.id] } },
      overrideAccess: true,
    })
    expect(Object.fromEntries(after.docs.map((d) => [d.title, d.date]))).toEqual({
      'Old style': '2025-03-01T12:00:00.000Z',
      'Picker style': '2025-03-02T12:00:00.000Z',
    })
  })
})
