/**
 * Two job runners on one database (TRUST.md property 6, "Exactly once"): two `npm run worker`
 * processes, both autorunning the queue on the same 10-second schedule, so they pick up the same
 * due jobs at the same moment (Payload's job claim is not atomic on PostgreSQL). Ten embargo lifts
 * must give exactly one "became public" entry per release and one delivery per subscriber per
 * release, received once, and neither runner may crash on a job the other one finished.
 * Runs on whichever database the suite runs on (in the PostgreSQL pass: PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { RECEIVER_HOST, startReceiver } from '../helpers/receiver'
import { startWorker, type TestWorker } from '../helpers/worker'

const RELEASES = 10

let n: TestNewsroom
let receiver: Awaited<ReturnType<typeof startReceiver>>
const workers: TestWorker[] = []
const worker = () => {
  const w = startWorker()
  workers.push(w)
  return w
}

const until = async (what: string, check: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

beforeAll(async () => {
  receiver = await startReceiver()
  // The receiver is on loopback, which webhook delivery refuses unless allowed (the workers inherit it).
  process.env.WEBHOOK_ALLOWED_HOSTS = RECEIVER_HOST
  // Sets DATABASE_URI, PAYLOAD_SECRET and MEDIA_DIR, which the workers inherit.
  n = await startTestNewsroom()
  for (const name of ['a', 'b']) {
    await n.payload.create({
      collection: 'webhook-subscribers',
      data: { name: `Partner ${name}`, url: `${receiver.url}/${name}`, secret: `partner-secret-${name}-0123456789` },
      overrideAccess: true,
    })
  }
}, 120_000)

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()))
  await n?.close()
  await receiver?.close()
})

describe('two job runners on one database', () => {
  it('ten embargo lifts: one became-public entry and one delivery per subscriber per release, no runner crashes', async () => {
    const a = worker()
    const b = worker()
    await Promise.all([a.ready(), b.ready()])

    // One lift moment for all ten, far enough ahead that every release is saved (still embargoed)
    // before it, so both runners' next scheduled run finds all ten due at once.
    const liftAt = new Date(Date.now() + 25_000).toISOString()
    const releases = []
    for (let i = 0; i < RELEASES; i++) {
      releases.push(
        await n.payload.create({
          collection: 'press-releases',
          data: releaseData({
            title: `Embargoed ${i}`,
            _status: 'published',
            publishedAt: past(),
            embargoUntil: liftAt,
          }),
          ...as(n.users.editor),
        }),
      )
    }
    expect(Date.now(), 'the releases took too long to save to be embargoed still').toBeLessThan(Date.parse(liftAt))
    const ids = releases.map((r) => r.id)
    const becamePublic = async () =>
      (
        await n.payload.find({
          collection: 'release-activity',
          where: { action: { equals: 'became-public' }, release: { in: ids } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs
    const hooks = () => receiver.received.filter((r) => r.path === '/a' || r.path === '/b')

    await until('every lift to be announced and delivered', async () => hooks().length >= 2 * RELEASES, 120_000)
    // Two more scheduled runs of both workers: any duplicate would arrive by then.
    await new Promise((r) => setTimeout(r, 21_000))

    const entries = await becamePublic()
    expect(entries.map((e) => (typeof e.release === 'object' ? e.release?.id : e.release)).sort()).toEqual(
      [...ids].sort(),
    )
    const deliveries = await n.payload.find({
      collection: 'webhook-deliveries',
      where: { release: { in: ids } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const pairs = deliveries.docs.map((d) => `${d.release}:${d.subscriber}`)
    expect(pairs).toHaveLength(2 * RELEASES)
    expect(new Set(pairs).size).toBe(2 * RELEASES)
    expect(deliveries.docs.map((d) => d.status)).toEqual(deliveries.docs.map(() => 'delivered'))
    const received = hooks().map((h) => `${JSON.parse(h.body).release.slug}:${h.path}`)
    expect(received).toHaveLength(2 * RELEASES)
    expect(new Set(received).size).toBe(2 * RELEASES)

    // Both runners are still running, and neither logged a failed job or an uncaught error.
    for (const w of [a, b]) {
      expect(w.child.exitCode, w.log()).toBeNull()
      expect(w.log()).not.toMatch(/uncaught|unhandled|Error running task|Worker failed/i)
    }
  }, 300_000)
})
