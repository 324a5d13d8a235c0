/**
 * Public caches follow the change log in the database (src/cache/changes.ts), not a counter
 * bumped inside the write: a read made while a write is still uncommitted must not leave the old
 * content cached once it commits, and a change made by another process (seen here only through
 * the database) must reach this process's caches within the poll interval.
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease } from '@/payload-types'

import { inWriteFlow } from '../../scripts/server/writeFlows.mjs'
import { past, releaseData } from '../helpers/fixtures'
import { startTestNewsroom, testDatabase, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4101'
let n: TestNewsroom
let serve: typeof import('@/feeds/serve')
let release: PressRelease

/** The site-wide RSS feed as an anonymous reader gets it, in a flow of work of its own. */
const feed = () =>
  inWriteFlow(async () =>
    (await serve.serveReleaseFeed(new Request(`${SITE}/feed.xml`), { kind: 'site' }, 'rss')).text(),
  ) as Promise<string>

const publicChanges = () =>
  inWriteFlow(
    async () => (await n.payload.count({ collection: 'public-changes', overrideAccess: true })).totalDocs,
  ) as Promise<number>

const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return check()
}

/** A change record of the release, as another process's commit makes it visible (no hook runs here). */
const recordChangeElsewhere = () =>
  n.payload.db.create({
    collection: 'public-changes',
    data: { collectionSlug: 'press-releases', documentId: String(release.id), reason: 'change' },
  })

/** The feed shows `text` within the poll interval (and some slack). */
const showsWithinAPoll = async (text: string) => {
  const started = Date.now()
  expect(await waitFor(async () => (await feed()).includes(text), 3000)).toBe(true)
  expect(Date.now() - started).toBeLessThan(2000)
}

/**
 * Renames the release in a transaction that pauses after the write (its change record written)
 * and before the commit: `written` settles at the pause, `commit()` lets it commit and waits.
 */
const pausedRename = (title: string) => {
  let resume!: () => void
  const paused = new Promise<void>((r) => (resume = r))
  let wrote!: () => void
  const written = new Promise<void>((r) => (wrote = r))
  const writer = inWriteFlow(async () => {
    const req = await createLocalReq({}, n.payload)
    await initTransaction(req)
    await n.payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { title, _status: 'published' },
      overrideAccess: true,
      req,
    })
    wrote()
    await paused
    await commitTransaction(req)
  })
  return {
    written,
    commit: () => {
      resume()
      return writer
    },
  }
}

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  serve = await import('@/feeds/serve')
  release = await n.payload.create({
    collection: 'press-releases',
    data: releaseData({ title: 'The first wording', _status: 'published', publishedAt: past() }),
    overrideAccess: true,
  })
  // The first read of the change log has happened: caching is on.
  await waitFor(async () => (await import('@/cache/store.mjs')).publicContentStore().watching, 5000)
})
afterAll(async () => n?.close())

describe('the pre-commit race', () => {
  it('a read between a write and its commit leaves nothing stale once it commits', async () => {
    expect(await feed()).toContain('The first wording')
    const recordsBefore = await publicChanges()
    // The write, paused after its change record is written and before it commits.
    const write = pausedRename('The second wording')
    await write.written
    // Uncommitted: other readers still see the old wording and no change record, and the feed
    // they build now is cached with the old wording.
    expect(await publicChanges()).toBe(recordsBefore)
    const during = await feed()
    expect(during).toContain('The first wording')
    expect(during).not.toContain('The second wording')
    await write.commit()
    expect(await publicChanges()).toBe(recordsBefore + 1)
    // The writing process drops its caches at the commit: the very next read is current.
    const after = await feed()
    expect(after).toContain('The second wording')
    expect(after).not.toContain('The first wording')
  })

  it('a write that is rolled back leaves neither a change record nor its content', async () => {
    const recordsBefore = await publicChanges()
    await inWriteFlow(async () => {
      const req = await createLocalReq({}, n.payload)
      await initTransaction(req)
      await n.payload.update({
        collection: 'press-releases',
        id: release.id,
        data: { title: 'A wording never committed', _status: 'published' },
        overrideAccess: true,
        req,
      })
      await killTransaction(req)
    })
    expect(await publicChanges()).toBe(recordsBefore)
    expect(await feed()).not.toContain('A wording never committed')
  })
})

describe('changes made by another process', () => {
  it('reach the caches through the change log within the poll interval, and not without it', async () => {
    expect(await feed()).toContain('The second wording')
    // What another process's write looks like from here: rows in the database, no hook in this
    // process. First the release alone, as a write without its change record would be.
    await n.payload.db.updateOne({
      collection: 'press-releases',
      id: release.id,
      data: { title: 'Written elsewhere' },
    })
    await new Promise((r) => setTimeout(r, 1500))
    expect(await feed()).toContain('The second wording')
    // Then its change record, as the other process's commit makes it visible.
    await recordChangeElsewhere()
    await showsWithinAPoll('Written elsewhere')
  })
})

describe('a flood of changes (a bulk import)', () => {
  it('keeps caching on, drops nothing while nothing changes, and the next change still arrives within a poll', async () => {
    const { publicContentStore } = await import('@/cache/store.mjs')
    // More records in the poll's window than it reads (1000): which are new can no longer be told.
    for (let i = 0; i < 1050; i++) await recordChangeElsewhere()
    await new Promise((r) => setTimeout(r, 1200))
    // Still caching: a read is kept (until the next poll drops it) rather than nothing cached at all.
    expect(publicContentStore().watching).toBe(true)
    const kept = () => [...publicContentStore().replay.keys()].some((key) => key.startsWith('/feed.xml'))
    // (A poll may drop it between the read and the look; one of a few reads in a row is seen kept.)
    let seenKept = false
    for (let i = 0; i < 5 && !seenKept; i++) seenKept = (await feed()) !== '' && kept()
    expect(seenKept).toBe(true)
    // Nothing changes for three polls: the feed is not dropped (nor rebuilt) at each of them.
    await new Promise((r) => setTimeout(r, 1600))
    expect(kept()).toBe(true)
    await n.payload.db.updateOne({ collection: 'press-releases', id: release.id, data: { title: 'After the flood' } })
    await recordChangeElsewhere()
    await showsWithinAPoll('After the flood')
  })
})

type PgClient = {
  on: (event: 'notification', listener: (message: { channel: string }) => void) => void
  query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>
  release: () => void
}

describe.runIf(testDatabase() === 'postgres')('change notifications on PostgreSQL', () => {
  it('this process listens, and a change record notifies at its commit, never before', async () => {
    const pool = (n.payload.db as unknown as { pool: { connect: () => Promise<PgClient> } }).pool
    const listener = await pool.connect()
    try {
      // The newsroom's own listening connection (src/cache/changes.ts) is there.
      const { rows } = await listener.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN public_changes'",
      )
      expect(rows[0].n).toBeGreaterThanOrEqual(1)
      const heard: string[] = []
      listener.on('notification', (m) => heard.push(m.channel))
      await listener.query('LISTEN public_changes')
      const write = pausedRename('The notified wording')
      await write.written
      await new Promise((r) => setTimeout(r, 300))
      expect(heard, 'no notification before the commit').toEqual([])
      await write.commit()
      expect(await waitFor(async () => heard.length > 0, 2000), 'a notification at the commit').toBe(true)
      expect(heard[0]).toBe('public_changes')
      expect(await waitFor(async () => (await feed()).includes('The notified wording'), 2000)).toBe(true)
    } finally {
      await listener.query('UNLISTEN public_changes').catch(() => {})
      listener.release()
    }
  })
})
