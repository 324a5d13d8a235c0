import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseXml, RFC3339, text } from '../helpers/feeds'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

/**
 * Dates carry their precision: the demo content shows no date more precisely than its source,
 * and the milestones and release feeds never give an exact day that the source does not.
 */
const SITE = 'http://127.0.0.1:4002'
const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds')
const sources = ['msk-cancer-alliance-launch.txt', 'hhc-msk-care-partner-release.txt', 'ct-cancer-partnership-home.txt']
  .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'))
  .map((s) => s.replace(/\s+/g, ' '))

let n: TestNewsroom
let serve: typeof import('@/feeds/serve')

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  serve = await import('@/feeds/serve')
  const { seedDemoContent } = await import('@/seed')
  await seedDemoContent(n.payload)
})
afterAll(async () => n?.close())

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const ABBREVIATED = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']

/** Whether a source document names this day: "January 28, 2026", "Jan. 28, 2026", or "December 1" in a document of that year. */
const sourceNames = (ymd: string): boolean => {
  const [y, m, d] = ymd.split('-').map(Number)
  const days = [`${MONTHS[m - 1]} ${d}`, `${ABBREVIATED[m - 1]} ${d}`, `${MONTHS[m - 1].slice(0, 3)} ${d}`]
  return sources.some(
    (s) =>
      days.some((day) => s.includes(`${day}, ${y}`)) ||
      (days.some((day) => s.includes(`${day} `)) && s.includes(String(y))),
  )
}

const dayIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  )

describe('the demo content', () => {
  it('gives as an exact day only days its source documents name', async () => {
    const all = async <T>(collection: 'milestones' | 'quotes' | 'press-releases' | 'events') =>
      (await n.payload.find({ collection, limit: 100, overrideAccess: true, depth: 0 })).docs as T[]
    type Dated = {
      title?: string
      slug?: string
      date?: string | null
      publishedAt?: string | null
      datePrecision?: string | null
    }
    const dayPrecise: { what: string; day: string }[] = []
    for (const m of await all<Dated>('milestones'))
      if (m.datePrecision === 'day') dayPrecise.push({ what: `milestone ${m.slug}`, day: dayIn(m.date!, 'UTC') })
    for (const q of await all<Dated>('quotes'))
      if (q.date && q.datePrecision === 'day') dayPrecise.push({ what: `quote ${q.slug}`, day: dayIn(q.date, 'UTC') })
    for (const r of await all<Dated>('press-releases'))
      if (r.datePrecision === 'day')
        dayPrecise.push({ what: `release ${r.slug}`, day: dayIn(r.publishedAt!, 'America/New_York') })
    for (const e of await all<{ slug: string; start: string; timeZone: string; registrationDeadline?: string | null }>(
      'events',
    )) {
      dayPrecise.push({ what: `event ${e.slug}`, day: dayIn(e.start, e.timeZone) })
      if (e.registrationDeadline)
        dayPrecise.push({ what: `deadline of ${e.slug}`, day: dayIn(e.registrationDeadline, 'UTC') })
    }
    expect(dayPrecise.length).toBeGreaterThanOrEqual(8)
    for (const { what, day } of dayPrecise) expect(sourceNames(day), `${what}: ${day}`).toBe(true)
  })

  it('dates the undated alliance launch only as “c. 2013”, with where that comes from', async () => {
    const { docs } = await n.payload.find({ collection: 'milestones', sort: 'date', ...as(null) })
    const launch = docs.filter((m) => m.date.startsWith('2013'))
    expect(launch.map((m) => m.slug).sort()).toEqual([
      'first-msk-alliance-clinical-trials-site-hartford-hospital',
      'hartford-healthcare-first-msk-cancer-alliance-member',
      'msk-cancer-alliance-launched',
    ])
    for (const m of launch) {
      expect(m.datePrecision).toBe('approximate')
      expect(m.date).toBe('2013-01-01T12:00:00.000Z') // no invented day, even over the API
      expect(m.dateSource).toMatch(/undated/)
    }
    // Sorting still works: the 2013 milestones come before the 2026 ones.
    expect(docs.map((m) => m.date.slice(0, 4))).toEqual(['2013', '2013', '2013', '2026', '2026'])
    const { formatPreciseDate } = await import('@/lib/datePrecision')
    expect(formatPreciseDate(launch[0].date, launch[0].datePrecision)).toBe('c. 2013')
  })
})

describe('a date with a precision', () => {
  it('is printed and reduced as precisely as it is known', async () => {
    const { formatPreciseDate, reducedIsoDate } = await import('@/lib/datePrecision')
    const at = '2013-09-26T12:00:00.000Z'
    expect(['day', 'month', 'year', 'approximate'].map((p) => formatPreciseDate(at, p))).toEqual([
      'September 26, 2013',
      'September 2013',
      '2013',
      'c. 2013',
    ])
    expect(['day', 'month', 'year', 'approximate'].map((p) => reducedIsoDate(at, p))).toEqual([
      '2013-09-26',
      '2013-09',
      '2013',
      '2013',
    ])
  })

  it('stores a milestone or quote date cut back to its month or year, whichever API writes it', async () => {
    const m = await n.payload.create({
      collection: 'milestones',
      data: { title: 'Agreement signed', date: '2020-05-17', datePrecision: 'month', kind: 'agreement' },
      ...as(n.users.contributor),
    })
    expect(m.date).toBe('2020-05-01T12:00:00.000Z')
    const y = await n.payload.update({
      collection: 'milestones',
      id: m.id,
      data: { datePrecision: 'year' },
      ...as(n.users.editor),
    })
    expect(y.date).toBe('2020-01-01T12:00:00.000Z')
    const plain = await n.payload.create({
      collection: 'milestones',
      data: { _status: 'published', title: 'Site opened', date: '2021-03-04', kind: 'site-opening' },
      ...as(n.users.editor),
    })
    expect(plain.datePrecision).toBe('day') // the default, as for every row written before precisions
    expect(plain.date).toBe('2021-03-04T12:00:00.000Z')
    await n.payload.delete({ collection: 'milestones', where: { id: { in: [m.id, plain.id] } }, overrideAccess: true })
  })
})

describe('feeds', () => {
  it('/milestones/feed.json gives the precision and no exact date_published for an approximate date', async () => {
    const res = await serve.serveMilestonesFeed(new Request(`${SITE}/milestones/feed.json`))
    const feed = await res.json()
    const launch = feed.items.find((i: { title: string }) => i.title === 'MSK Cancer Alliance launched')
    expect(launch._milestone).toMatchObject({ date: '2013', date_precision: 'approximate' })
    expect(launch._milestone.date_source).toMatch(/undated/)
    expect(launch).not.toHaveProperty('date_published')
    const designation = feed.items.find((i: { _milestone: { kind: string } }) => i._milestone.kind === 'designation')
    expect(designation._milestone).toMatchObject({ date: '2026-01-28', date_precision: 'day' })
    expect(designation.date_published).toMatch(RFC3339)
    // Newest first, as before.
    expect(feed.items.at(-1)._milestone.date).toBe('2013')
  })

  it('release feeds give no exact publication date for the undated launch, and say how precise it is', async () => {
    const { SITE_SCOPE } = await import('@/feeds/formats')
    const get = async (format: 'rss' | 'atom' | 'json') =>
      (await serve.serveReleaseFeed(new Request(`${SITE}/feed`), SITE_SCOPE, format)).text()
    const isLaunch = (title: string) => /Launches the MSK Cancer Alliance/.test(title)

    const rss = parseXml(await get('rss')).rss.channel.item as Record<string, unknown>[]
    const rssLaunch = rss.find((i) => isLaunch(text(i.title)))!
    expect(rssLaunch).not.toHaveProperty('pubDate')
    expect(text(rssLaunch['dc:date'])).toBe('2013')
    const rssDesignation = rss.find((i) => !isLaunch(text(i.title)))!
    expect(text(rssDesignation.pubDate)).toMatch(/^Wed, 28 Jan 2026 /)

    const atom = parseXml(await get('atom')).feed.entry as Record<string, unknown>[]
    const atomLaunch = atom.find((e) => isLaunch(text(e.title)))!
    expect(atomLaunch).not.toHaveProperty('published')
    expect(text(atomLaunch.updated)).toMatch(RFC3339) // required by Atom: the last edit, which is exact
    expect(text(atom.find((e) => !isLaunch(text(e.title)))!.published)).toMatch(/^2026-01-28T/)

    const json = JSON.parse(await get('json')).items as Record<string, unknown>[]
    const jsonLaunch = json.find((i) => isLaunch(String(i.title)))!
    expect(jsonLaunch).not.toHaveProperty('date_published')
    expect(jsonLaunch._release).toMatchObject({ date: '2013', date_precision: 'approximate' })
    const jsonDesignation = json.find((i) => !isLaunch(String(i.title)))!
    expect(jsonDesignation.date_published).toMatch(/^2026-01-28T/)
    expect(jsonDesignation).not.toHaveProperty('_release')
  })
})
