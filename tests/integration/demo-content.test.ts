import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const COLLECTIONS = ['press-releases', 'quotes', 'partners', 'milestones', 'events', 'topics', 'media'] as const
const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds')

let n: TestNewsroom
const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      COLLECTIONS.map(
        async (c) => [c, (await n.payload.count({ collection: c, overrideAccess: true })).totalDocs] as const,
      ),
    ),
  )

beforeAll(async () => {
  n = await startTestNewsroom()
  const { seedDemoContent } = await import('@/seed')
  await seedDemoContent(n.payload)
})
afterAll(async () => n?.close())

describe('the demo content', () => {
  it('is idempotent: seeding again creates nothing new', async () => {
    const before = await counts()
    const { seedDemoContent } = await import('@/seed')
    await seedDemoContent(n.payload)
    expect(await counts()).toEqual(before)
    expect(before['press-releases']).toBe(2)
    expect(before.events).toBe(2)
  })

  it('publishes both announcements publicly, with partners, topics, quotes and milestones', async () => {
    const { docs } = await n.payload.find({ collection: 'press-releases', depth: 1, ...as(null) })
    expect(docs).toHaveLength(2)
    const carePartner = docs.find((d) => /Care Partner/.test(d.title))!
    expect(carePartner.publishedAt?.slice(0, 10)).toBe('2026-01-28')
    expect(carePartner.dateline).toBe('HARTFORD, Conn.')
    expect(carePartner.partners?.length).toBeGreaterThanOrEqual(2)
    expect(carePartner.quotes?.length).toBeGreaterThan(0)
    const milestones = await n.payload.find({ collection: 'milestones', ...as(null) })
    expect(milestones.docs.some((m) => m.isFirst && m.kind === 'designation')).toBe(true)
    expect(milestones.docs.some((m) => m.isFirst && m.kind === 'membership')).toBe(true)
  })

  it('presents as verbatim only words that the speakers really said', async () => {
    const sources = ['msk-cancer-alliance-launch.txt', 'hhc-msk-care-partner-release.txt']
      .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'))
      .join('\n')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // markdown links → their text
    const normalise = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ')
    const { docs } = await n.payload.find({ collection: 'quotes', limit: 100, overrideAccess: true })
    expect(docs.length).toBeGreaterThan(0)
    for (const quote of docs.filter((q) => q.provenance === 'verbatim')) {
      expect(normalise(sources), `${quote.speakerName}: ${quote.text}`).toContain(normalise(quote.text))
    }
  })

  it('creates no user account', async () => {
    const { totalDocs } = await n.payload.count({ collection: 'users', overrideAccess: true })
    expect(totalDocs).toBe(3) // the three test users of startTestNewsroom, nothing more
  })
})
