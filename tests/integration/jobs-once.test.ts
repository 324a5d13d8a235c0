import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { once } from '@/jobs/once'
import type { PressRelease } from '@/payload-types'

import { past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { RECEIVER_HOST, startReceiver } from '../helpers/receiver'

// Exactly once (TRUST.md property 6): a second runner running the same job, or a retry, never
// writes a second audit entry or sends a second delivery.

let n: TestNewsroom
let payload: Payload
let receiver: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  receiver = await startReceiver()
  // The receiver stands in for a partner site on 127.0.0.1, inside the network: allowed as an operator would.
  process.env.WEBHOOK_ALLOWED_HOSTS = RECEIVER_HOST
  n = await startTestNewsroom()
  payload = n.payload
  await payload.create({
    collection: 'webhook-subscribers',
    data: { name: 'Partner site', url: `${receiver.url}/hook`, secret: 'partner-shared-secret-123', partner: null },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await n?.close()
  await receiver?.close()
  delete process.env.WEBHOOK_ALLOWED_HOSTS
})

const req = () => createLocalReq({}, payload)
// Due jobs start together, so a twin job races its original as a second runner would.
const runJobs = () => payload.jobs.run({ queue: 'default', limit: 100 })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const count = async (collection: 'release-activity' | 'webhook-deliveries', where: Record<string, unknown>) =>
  (await payload.count({ collection, where: where as never, overrideAccess: true })).totalDocs

const writeActivity = (r: Awaited<ReturnType<typeof req>>, detail: string) =>
  payload.create({
    collection: 'release-activity',
    data: { action: 'edited', releaseTitle: 'once test', detail },
    overrideAccess: true,
    req: r,
  })

describe('once()', () => {
  it('runs a key’s effect once, and hands later callers { ran: false } without calling them', async () => {
    let calls = 0
    const first = await once(await req(), 'test:plain', async () => ++calls)
    const second = await once(await req(), 'test:plain', async () => ++calls)
    expect(first).toEqual({ ran: true, value: 1 })
    expect(second).toEqual({ ran: false })
    expect(calls).toBe(1)
  })

  it('rolls back the claim and what the effect wrote when it throws, so a retry does it again', async () => {
    await expect(
      once(await req(), 'test:rollback', async (r) => {
        await writeActivity(r, 'rolled-back')
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await count('release-activity', { detail: { equals: 'rolled-back' } })).toBe(0)

    const retry = await once(await req(), 'test:rollback', async (r) => (await writeActivity(r, 'kept'), 'done'))
    expect(retry).toEqual({ ran: true, value: 'done' })
    expect(await count('release-activity', { detail: { equals: 'kept' } })).toBe(1)
  })

  it('external effects: a failure gives the claim back, a success keeps it, a dead holder’s claim expires', async () => {
    let sends = 0
    const send = async () => {
      sends++
    }
    await expect(
      once(await req(), 'test:external', async () => Promise.reject(new Error('503')), { external: true }),
    ).rejects.toThrow('503')
    expect(await once(await req(), 'test:external', send, { external: true })).toEqual({ ran: true, value: undefined })
    expect(await once(await req(), 'test:external', send, { external: true })).toEqual({ ran: false })
    expect(sends).toBe(1)

    // A holder that never finished (its process died): taken over only once its lease ran out.
    await payload.create({
      collection: 'once-keys',
      data: { key: 'test:dead-holder', state: 'claimed', leaseUntil: new Date(Date.now() + 300).toISOString() },
      overrideAccess: true,
    })
    expect(await once(await req(), 'test:dead-holder', send, { external: true })).toEqual({ ran: false })
    await sleep(400)
    expect(await once(await req(), 'test:dead-holder', send, { external: true })).toEqual({
      ran: true,
      value: undefined,
    })
    expect(sends).toBe(2)
  })

  it('is closed to every API', async () => {
    await expect(payload.find({ collection: 'once-keys', ...as(n.users.admin) })).rejects.toThrow()
  })
})

describe('jobs run twice (two runners, or a retry)', () => {
  it('an embargo lift writes one became-public entry and one delivery per subscriber, sent once', async () => {
    const embargoUntil = new Date(Date.now() + 800).toISOString()
    const doc: PressRelease = await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past(), embargoUntil }),
      ...as(n.users.editor),
    })
    // What a second runner does: run the same lift job again (here: a twin queued beside it).
    await payload.jobs.queue({
      task: 'announceVisibility',
      input: { release: String(doc.id), at: embargoUntil },
      waitUntil: new Date(embargoUntil),
    })
    await sleep(Date.parse(embargoUntil) - Date.now() + 50)
    await runJobs()

    expect(await count('release-activity', { release: { equals: doc.id }, action: { equals: 'became-public' } })).toBe(
      1,
    )
    const deliveries = await payload.find({
      collection: 'webhook-deliveries',
      where: { release: { equals: doc.id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(deliveries.docs).toHaveLength(1)

    // The delivery job while another runner holds its claim (mid-send): the twin sends nothing;
    // once that runner's lease has run out (it died), one more run sends it, once.
    const delivery = deliveries.docs[0]
    const held = await payload.create({
      collection: 'once-keys',
      data: {
        key: `delivery:${delivery.id}`,
        state: 'claimed',
        leaseUntil: new Date(Date.now() + 60_000).toISOString(),
      },
      overrideAccess: true,
    })
    await runJobs()
    const hits = () =>
      receiver.received.filter((r) => r.path === '/hook' && JSON.parse(r.body).release.slug === doc.slug)
    expect(hits()).toHaveLength(0)
    await payload.update({
      collection: 'once-keys',
      id: held.id,
      data: { leaseUntil: past(1000) },
      overrideAccess: true,
    })
    await payload.jobs.queue({ task: 'deliverNotification', input: { delivery: String(delivery.id) } })
    await payload.jobs.queue({ task: 'deliverNotification', input: { delivery: String(delivery.id) } })
    await runJobs()
    expect(hits()).toHaveLength(1)
    const after = await payload.findByID({ collection: 'webhook-deliveries', id: delivery.id, overrideAccess: true })
    expect(after.status).toBe('delivered')
  })
})
