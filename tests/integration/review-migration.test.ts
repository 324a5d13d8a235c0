/**
 * The migration that gave quotes, milestones and events drafts (20261203_073723_review_for_all)
 * keeps every existing one public, with everything tied to it: run down to the schema before it
 * (the later migrations first, newest first), fill that schema as the newsroom had it, run them
 * all up again (each inside a transaction, as the migrator does), and read the result as the
 * public and as staff.
 */
import { sql } from '@payloadcms/db-sqlite'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease } from '@/payload-types'

import { past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
let release: PressRelease
let partnerId: number
let topicId: number

type Db = { run: (q: unknown) => Promise<unknown>; transaction: <T>(fn: (tx: unknown) => Promise<T>) => Promise<T> }

/** This migration and every one after it, in the order the migrator runs them. */
const fromThisMigration = async () => {
  const { migrations } = await import('@/migrations')
  return migrations.slice(migrations.findIndex((m) => m.name === '20261203_073723_review_for_all'))
}

/** Runs down from the newest migration to this one, or up again from this one, in one transaction each. */
const inTransaction = async (step: 'up' | 'down') => {
  const steps = await fromThisMigration()
  const db = (n.payload.db as unknown as { drizzle: Db }).drizzle
  for (const m of step === 'down' ? [...steps].reverse() : steps) {
    const req = await createLocalReq({}, n.payload)
    await db.transaction((tx) => m[step]({ db: tx, payload: n.payload, req } as never))
  }
}

beforeAll(async () => {
  n = await startTestNewsroom()
  const partner = await n.payload.create({
    collection: 'partners',
    data: { name: 'Example Health', kind: 'cancer-center' } as never,
    overrideAccess: true,
  })
  partnerId = partner.id
  topicId = (await n.payload.create({ collection: 'topics', data: { name: 'Screening' }, overrideAccess: true })).id
  release = await n.payload.create({
    collection: 'press-releases',
    data: releaseData({ _status: 'published', publishedAt: past() }),
    overrideAccess: true,
  })

  await inTransaction('down')
  // The newsroom as it was before drafts: rows written straight into that schema.
  const db = (n.payload.db as unknown as { drizzle: Db }).drizzle
  const now = new Date().toISOString()
  await db.run(
    sql`INSERT INTO quotes (id, text, speaker_name, provenance, label, slug, release_id, updated_at, created_at)
        VALUES (1, 'Periwinkle screening saves lives.', 'Dana Reyes', 'verbatim', 'Dana Reyes: “Periwinkle”', 'dana-periwinkle', ${release.id}, ${now}, ${now})`,
  )
  await db.run(sql`INSERT INTO quotes_rels ("order", parent_id, path, topics_id) VALUES (1, 1, 'topics', ${topicId})`)
  await db.run(
    sql`INSERT INTO press_releases_rels ("order", parent_id, path, quotes_id) VALUES (1, ${release.id}, 'quotes', 1)`,
  )
  await db.run(
    sql`INSERT INTO milestones (id, title, slug, date, kind, feed_id, updated_at, created_at)
        VALUES (1, 'Alliance signed', 'alliance-signed', '2025-01-05T12:00:00.000Z', 'agreement', 'm-1', ${now}, ${now})`,
  )
  await db.run(
    sql`INSERT INTO milestones_rels ("order", parent_id, path, partners_id) VALUES (1, 1, 'partners', ${partnerId})`,
  )
  await db.run(
    sql`INSERT INTO events (id, title, slug, status, start, time_zone, sequence, feed_id, updated_at, created_at)
        VALUES (1, 'Annual forum', 'annual-forum', 'scheduled', '2030-05-01T15:00:00.000Z', 'UTC', 3, 'e-1', ${now}, ${now})`,
  )
  await db.run(
    sql`INSERT INTO events_previous_slugs (_order, _parent_id, id, slug) VALUES (1, 1, 'row-1', 'forum-2030')`,
  )
  await inTransaction('up')
})
afterAll(async () => n?.close())

describe('20261203_073723_review_for_all', () => {
  it('keeps every existing quote, milestone and event public, with its relationships', async () => {
    const [quotes, milestones, events] = await Promise.all([
      n.payload.find({ collection: 'quotes', depth: 0, ...as(null) }),
      n.payload.find({ collection: 'milestones', depth: 0, ...as(null) }),
      n.payload.find({ collection: 'events', depth: 0, ...as(null) }),
    ])
    expect(quotes.docs.map((q) => [q.slug, q.topics, q.release])).toEqual([['dana-periwinkle', [topicId], release.id]])
    expect(milestones.docs.map((m) => [m.slug, m.partners])).toEqual([['alliance-signed', [partnerId]]])
    expect(events.docs.map((e) => [e.slug, e.sequence])).toEqual([['annual-forum', 3]])
    // The slug history is staff-only.
    const event = await n.payload.findByID({ collection: 'events', id: 1, ...as(n.users.editor) })
    expect(event.previousSlugs?.map((p) => p.slug)).toEqual(['forum-2030'])
    const used = await n.payload.findByID({ collection: 'press-releases', id: release.id, depth: 0, ...as(null) })
    expect(used.quotes).toEqual([1])
  })

  it('gives each the one published version Payload expects, so the admin and a new draft work as usual', async () => {
    for (const collection of ['quotes', 'milestones', 'events'] as const) {
      const versions = await n.payload.findVersions({ collection, overrideAccess: true, depth: 0 })
      expect(versions.docs).toHaveLength(1)
      expect(versions.docs[0].version._status).toBe('published')
      expect(versions.docs[0].latest).toBe(true)
      const latest = (await n.payload.findByID({ collection, id: 1, draft: true, ...as(n.users.editor) })) as {
        _status?: string
        slug?: string
      }
      expect(latest._status).toBe('published')
      // A contributor's edit is a draft on top of it: the public document stays.
      await n.payload.update({
        collection,
        id: 1,
        data: (collection === 'quotes' ? { text: 'Unreviewed.' } : { title: 'Unreviewed' }) as never,
        ...as(n.users.contributor),
      })
      const outside = await n.payload.findByID({ collection, id: 1, ...as(null) })
      expect(JSON.stringify(outside)).not.toContain('Unreviewed')
    }
  })

  it('keeps the quotes’ full-text index in step (its triggers are made again)', async () => {
    const { searchPublic } = await import('@/search')
    expect((await searchPublic('periwinkle')).quotes.map((h) => h.doc.id)).toEqual([1])
    await n.payload.create({
      collection: 'quotes',
      data: { _status: 'published', text: 'Marigold is new.', speakerName: 'Lee Park', provenance: 'verbatim' },
      ...as(n.users.editor),
    })
    expect((await searchPublic('marigold')).quotes).toHaveLength(1)
  })
})
