/**
 * Webhooks cannot reach inside the network (src/notify/targets.ts): a subscriber URL on a
 * loopback, private, link-local or unique-local address (IPv4 or IPv6, IPv4 inside IPv6 included)
 * is refused when it is saved and again, on the address it resolves to, when a delivery goes out;
 * a refused delivery is marked failed with the reason and not retried. `WEBHOOK_ALLOWED_HOSTS`
 * lets an operator allow hosts inside the network. The local receiver listens on 127.0.0.1, so
 * the same receiver proves both the refusal and, once allowed, the delivery.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { internalRangeOf } from '@/notify/targets'
import type { WebhookSubscriber } from '@/payload-types'

import { past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { RECEIVER_HOST, startReceiver } from '../helpers/receiver'

let n: TestNewsroom
let payload: Payload
let receiver: Awaited<ReturnType<typeof startReceiver>>
let port: string

beforeAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS
  receiver = await startReceiver()
  port = new URL(receiver.url).port
  n = await startTestNewsroom()
  payload = n.payload
})
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS
  await n?.close()
  await receiver?.close()
})

const subscribe = (url: string) =>
  payload.create({
    collection: 'webhook-subscribers',
    data: { name: `Subscriber ${url}`, url, secret: 'partner-shared-secret-123', partner: null },
    ...as(n.users.admin),
  }) as Promise<WebhookSubscriber>

const saveError = async (url: string): Promise<string> => {
  try {
    await subscribe(url)
    return ''
  } catch (err) {
    return JSON.stringify((err as { data?: unknown }).data ?? String(err))
  }
}

/** Publish a release (which queues one delivery per active subscriber) and run the queue twice. */
const publishAndDeliver = async () => {
  const release = await payload.create({
    collection: 'press-releases',
    data: releaseData({ _status: 'published', publishedAt: past() }),
    ...as(n.users.editor),
  })
  await payload.jobs.run({ queue: 'default', limit: 100 })
  await payload.jobs.run({ queue: 'default', limit: 100 })
  const { docs } = await payload.find({
    collection: 'webhook-deliveries',
    where: { release: { equals: release.id } },
    overrideAccess: true,
  })
  return { release, deliveries: docs }
}

const deactivateAll = () =>
  payload.update({
    collection: 'webhook-subscribers',
    where: { active: { equals: true } },
    data: { active: false },
    overrideAccess: true,
  })

describe('which addresses are inside the network', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:c0a8:0101::1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
  ])('%s is %s', (ip, range) => {
    expect(internalRangeOf(ip)).toContain(range)
  })

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => expect(internalRangeOf(ip)).toBeNull(),
  )
})

describe('saving a subscriber', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://10.0.0.5/hook',
    'https://192.168.1.20/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0:3000/',
    'http://[::1]:3000/hook',
    'http://[::]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://2130706433/hook', // 127.0.0.1 as one number
    'http://localhost:3000/hook', // a name resolving to 127.0.0.1
  ])('refuses %s, naming the field and why', async (url) => {
    const error = await saveError(url)
    expect(error).toContain('"path":"url"')
    expect(error).toMatch(/inside the network/)
    expect(error).toContain('WEBHOOK_ALLOWED_HOSTS')
  })

  it('accepts a public address, and an internal one the operator allows', async () => {
    expect(await saveError('https://partner.example.org/hook')).toBe('')
    process.env.WEBHOOK_ALLOWED_HOSTS = 'hooks.internal, 10.0.0.5'
    try {
      expect(await saveError('http://10.0.0.5/hook')).toBe('')
      expect(await saveError('http://10.0.0.6/hook')).toContain('"path":"url"')
    } finally {
      delete process.env.WEBHOOK_ALLOWED_HOSTS
    }
    await deactivateAll()
  })
})

describe('delivering', () => {
  it('refuses a name that resolves to 127.0.0.1 at delivery time, records why, and does not retry', async () => {
    // Saved while the operator allowed it; the allowance is then withdrawn, as if the name had
    // been re-pointed at a loopback address after the subscriber was saved.
    process.env.WEBHOOK_ALLOWED_HOSTS = 'localhost'
    const sub = await subscribe(`http://localhost:${port}/refused`)
    delete process.env.WEBHOOK_ALLOWED_HOSTS
    const { deliveries } = await publishAndDeliver()
    const delivery = deliveries.find(
      (d) => d.subscriber === sub.id || (d.subscriber as { id?: number })?.id === sub.id,
    )!
    expect(delivery.status).toBe('failed')
    expect(delivery.attempts).toBe(1)
    expect(delivery.lastError).toMatch(/^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/)
    expect(delivery.lastError).toContain('WEBHOOK_ALLOWED_HOSTS')
    expect(receiver.received.filter((r) => r.path === '/refused')).toEqual([])
    // Not retried: another run of the queue sends nothing and counts no further attempt.
    await payload.jobs.run({ queue: 'default', limit: 100 })
    const after = await payload.findByID({ collection: 'webhook-deliveries', id: delivery.id, overrideAccess: true })
    expect(after.attempts).toBe(1)
    expect(receiver.received.filter((r) => r.path === '/refused')).toEqual([])
    await deactivateAll()
  })

  it('refuses an internal IP address written around the save check', async () => {
    const sub = await subscribe('https://partner.example.org/hook')
    await payload.db.updateOne({
      collection: 'webhook-subscribers',
      id: sub.id,
      data: { url: `http://${RECEIVER_HOST}:${port}/literal`, active: true },
    })
    // The delivery takes its URL from the subscriber when it is queued.
    const { deliveries } = await publishAndDeliver()
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0].status).toBe('failed')
    expect(deliveries[0].lastError).toMatch(/^Refused: 127\.0\.0\.1, a loopback address/)
    expect(receiver.received.filter((r) => r.path === '/literal')).toEqual([])
    await deactivateAll()
  })

  it('delivers to the same receiver once the operator allows it (by address, reached by name)', async () => {
    process.env.WEBHOOK_ALLOWED_HOSTS = 'localhost'
    await subscribe(`http://localhost:${port}/allowed`)
    process.env.WEBHOOK_ALLOWED_HOSTS = RECEIVER_HOST
    const { release, deliveries } = await publishAndDeliver()
    expect(deliveries.map((d) => [d.status, d.lastError ?? null])).toEqual([['delivered', null]])
    const got = receiver.received.filter((r) => r.path === '/allowed')
    expect(got).toHaveLength(1)
    expect(JSON.parse(got[0].body).release.slug).toBe(release.slug)
  })
})
