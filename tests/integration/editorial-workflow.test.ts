import { createHmac } from 'node:crypto'

import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease, User } from '@/payload-types'

import { past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { RECEIVER_HOST, startReceiver } from '../helpers/receiver'

// Read by the config and the notifier: short back-off so a retry is due within the test.
process.env.WEBHOOK_RETRY_DELAY_MS = '300'

let n: TestNewsroom
let payload: Payload
let receiver: Awaited<ReturnType<typeof startReceiver>>
let partnerId: number

beforeAll(async () => {
  receiver = await startReceiver()
  // The receiver stands in for a partner site on 127.0.0.1, inside the network: allowed as an operator would.
  process.env.WEBHOOK_ALLOWED_HOSTS = RECEIVER_HOST
  process.env.WEBSUB_HUB_URL = `${receiver.url}/hub`
  n = await startTestNewsroom()
  payload = n.payload
  const partner = await payload.create({
    collection: 'partners',
    data: { name: 'Hartford HealthCare', kind: 'health-system' } as never,
    overrideAccess: true,
  })
  partnerId = partner.id
  await payload.create({
    collection: 'webhook-subscribers',
    data: {
      name: 'Partner site',
      url: `${receiver.url}/hook`,
      secret: 'partner-shared-secret-123',
      partner: partnerId,
    },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'webhook-subscribers',
    data: {
      name: 'Another partner',
      url: `${receiver.url}/other`,
      secret: 'other-shared-secret-1234',
      partner: null,
      active: false,
    },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await n?.close()
  await receiver?.close()
  delete process.env.WEBHOOK_ALLOWED_HOSTS
  delete process.env.WEBSUB_HUB_URL
})

const reqAs = (user: User | null) =>
  createLocalReq({ user: user ? ({ ...user, collection: 'users' } as never) : undefined }, payload)

const review = async (user: User | null, id: PressRelease['id'], action: string, comment?: string) => {
  const { takeReviewAction } = await import('@/workflow/takeReviewAction')
  return takeReviewAction(await reqAs(user), 'press-releases', id, action, comment)
}

// The latest version as staff see it in the admin (draft replacement needs a staff user).
const latest = (id: PressRelease['id']) =>
  payload.findByID({ collection: 'press-releases', id, draft: true, depth: 0, ...as(n.users.admin) })

const activity = async (id: PressRelease['id']) =>
  (
    await payload.find({
      collection: 'release-activity',
      where: { release: { equals: id } },
      sort: 'createdAt',
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
  ).docs.map((a) => ({ action: a.action, user: a.user, comment: a.comment ?? null }))

const isPublic = async (id: PressRelease['id']) =>
  (await payload.find({ collection: 'press-releases', where: { id: { equals: id } }, ...as(null) })).totalDocs === 1

const deliveriesFor = async (id: PressRelease['id']) =>
  (
    await payload.find({
      collection: 'webhook-deliveries',
      where: { release: { equals: id } },
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
  ).docs

const runJobs = () => payload.jobs.run({ queue: 'default', limit: 100 })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const createDraftAs = async (user: User, overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'press-releases',
    data: releaseData({ partners: [partnerId], ...overrides }),
    draft: true,
    ...as(user),
  })

describe('review flow', () => {
  it('takes a contributor’s draft through submit, send back, resubmit and an editor’s publish, recording each step', async () => {
    const { contributor, editor } = n.users
    const draft = await createDraftAs(contributor)
    expect((await latest(draft.id)).reviewStatus).toBe('in_progress')

    const submitted = await review(contributor, draft.id, 'submit')
    expect(submitted.ok).toBe(true)
    expect((await latest(draft.id)).reviewStatus).toBe('awaiting_review')
    expect((await latest(draft.id)).submittedBy).toBe(contributor.id)

    // Contributors cannot send back, and an editor must say why.
    expect(await review(contributor, draft.id, 'send-back', 'no')).toMatchObject({ ok: false, status: 403 })
    expect(await review(editor, draft.id, 'send-back', '  ')).toMatchObject({
      ok: false,
      status: 400,
      field: 'comment',
    })
    expect(await review(editor, draft.id, 'approve')).toMatchObject({ ok: false, status: 400, field: 'action' })
    expect(await review(null, draft.id, 'submit')).toMatchObject({ ok: false, status: 403 })

    expect(await review(editor, draft.id, 'send-back', 'Please add the dateline and a partner quote.')).toMatchObject({
      ok: true,
    })
    const sentBack = await latest(draft.id)
    expect(sentBack.reviewStatus).toBe('changes_requested')
    expect(sentBack.reviewComment).toBe('Please add the dateline and a partner quote.')

    // The contributor edits (the comment stays until resubmission) and submits again.
    await payload.update({
      collection: 'press-releases',
      id: draft.id,
      data: { dateline: 'NEW YORK' },
      draft: true,
      ...as(contributor),
    })
    expect((await latest(draft.id)).reviewStatus).toBe('changes_requested')
    expect(await review(contributor, draft.id, 'submit')).toMatchObject({ ok: true })
    expect(await review(contributor, draft.id, 'submit')).toMatchObject({ ok: false, status: 409 })

    // Only an editor publishes; publishing approves and clears the comment.
    await expect(
      payload.update({
        collection: 'press-releases',
        id: draft.id,
        data: { _status: 'published' },
        ...as(contributor),
      }),
    ).rejects.toThrow()
    await payload.update({ collection: 'press-releases', id: draft.id, data: { _status: 'published' }, ...as(editor) })
    const published = await latest(draft.id)
    expect(published._status).toBe('published')
    expect(published.reviewStatus).toBe('approved')
    expect(published.reviewComment ?? null).toBeNull()
    expect(await isPublic(draft.id)).toBe(true)

    expect(await activity(draft.id)).toEqual([
      { action: 'created', user: contributor.id, comment: null },
      { action: 'submitted', user: contributor.id, comment: null },
      { action: 'sent-back', user: editor.id, comment: 'Please add the dateline and a partner quote.' },
      { action: 'edited', user: contributor.id, comment: null },
      { action: 'submitted', user: contributor.id, comment: null },
      { action: 'published', user: editor.id, comment: null },
    ])
  })

  it('lets nobody set the review state by editing the release directly', async () => {
    const { contributor } = n.users
    const draft = await createDraftAs(contributor)
    await payload.update({
      collection: 'press-releases',
      id: draft.id,
      data: { reviewStatus: 'approved', reviewComment: 'self-approved' } as never,
      draft: true,
      ...as(contributor),
    })
    const after = await latest(draft.id)
    expect(after.reviewStatus).toBe('in_progress')
    expect(after.reviewComment ?? null).toBeNull()
  })

  it('hides the review fields and the audit trail from the public API', async () => {
    const { editor } = n.users
    const doc = await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past() }),
      ...as(editor),
    })
    const seen = (await payload.findByID({
      collection: 'press-releases',
      id: doc.id,
      ...as(null),
    })) as unknown as Record<string, unknown>
    expect(seen.title).toBe(doc.title)
    for (const field of ['reviewStatus', 'reviewComment', 'submittedBy', 'submittedAt'])
      expect(seen).not.toHaveProperty(field)
    expect(seen).not.toHaveProperty('activity')
    await expect(payload.find({ collection: 'release-activity', ...as(null) })).rejects.toThrow()
  })

  it('records unpublishing and deletion, and keeps the trail append-only', async () => {
    const { editor } = n.users
    const doc = await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past() }),
      ...as(editor),
    })
    await payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'draft' }, ...as(editor) })
    expect((await activity(doc.id)).map((a) => a.action)).toEqual(['created', 'published', 'unpublished'])
    const entry = (
      await payload.find({
        collection: 'release-activity',
        where: { release: { equals: doc.id } },
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]
    await expect(
      payload.update({
        collection: 'release-activity',
        id: entry.id,
        data: { comment: 'rewritten' },
        ...as(n.users.admin),
      }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'release-activity', id: entry.id, ...as(n.users.admin) }),
    ).rejects.toThrow()

    await payload.delete({ collection: 'press-releases', id: doc.id, ...as(editor) })
    const deleted = await payload.find({
      collection: 'release-activity',
      where: { and: [{ action: { equals: 'deleted' } }, { releaseTitle: { equals: doc.title } }] },
      overrideAccess: true,
    })
    expect(deleted.totalDocs).toBe(1)
    expect(deleted.docs[0].user).toMatchObject({ id: editor.id })
  })
})

describe('scheduled publishing and embargo lifts on the jobs queue', () => {
  it('publishes a scheduled release when its time comes, as the editor who scheduled it', async () => {
    const { editor } = n.users
    const draft = await createDraftAs(editor)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'press-releases', value: draft.id },
        user: { relationTo: 'users', value: editor.id },
      },
      waitUntil: new Date(Date.now() + 800),
      req: await reqAs(editor),
    })
    await runJobs()
    expect(await isPublic(draft.id)).toBe(false)
    await sleep(900)
    await runJobs()
    expect(await isPublic(draft.id)).toBe(true)
    // Published in the scheduling editor's name.
    expect(await activity(draft.id)).toEqual([
      { action: 'created', user: editor.id, comment: null },
      { action: 'published', user: editor.id, comment: null },
    ])
  })

  it('does not publish a release a contributor tried to schedule', async () => {
    const { contributor } = n.users
    const draft = await createDraftAs(contributor)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'press-releases', value: draft.id },
        user: { relationTo: 'users', value: contributor.id },
      },
      waitUntil: new Date(Date.now() - 1000),
      req: await reqAs(contributor),
    })
    await runJobs()
    expect((await latest(draft.id))._status).toBe('draft')
    expect(await isPublic(draft.id)).toBe(false)
  })

  it('lifts an embargo by itself: hidden and silent before, public, recorded and announced after', async () => {
    const { editor } = n.users
    const embargoUntil = new Date(Date.now() + 1500).toISOString()
    const doc = await payload.create({
      collection: 'press-releases',
      data: releaseData({ partners: [partnerId], _status: 'published', publishedAt: past(), embargoUntil }),
      ...as(editor),
    })
    await runJobs()
    expect(await isPublic(doc.id)).toBe(false)
    expect(await deliveriesFor(doc.id)).toEqual([])

    await sleep(Date.parse(embargoUntil) - Date.now() + 50)
    expect(await isPublic(doc.id)).toBe(true)
    await runJobs() // the lift, which queues the deliveries
    await runJobs() // the deliveries
    expect((await activity(doc.id)).map((a) => a.action)).toEqual(['created', 'published', 'became-public'])
    const deliveries = await deliveriesFor(doc.id)
    expect(deliveries.filter((d) => d.kind === 'webhook')).toHaveLength(1)
    expect(deliveries.filter((d) => d.kind === 'webhook')[0].status).toBe('delivered')
  })
})

describe('notifying partner sites', () => {
  const hooksFor = (slug: string) =>
    receiver.received.filter((r) => r.path === '/hook' && JSON.parse(r.body).release.slug === slug)

  it('sends nothing for drafts, submissions or embargoed releases', async () => {
    const { contributor, editor } = n.users
    const draft = await createDraftAs(contributor)
    await review(contributor, draft.id, 'submit')
    const embargoed = await payload.create({
      collection: 'press-releases',
      data: releaseData({
        partners: [partnerId],
        _status: 'published',
        publishedAt: past(),
        embargoUntil: new Date(Date.now() + 3600_000).toISOString(),
      }),
      ...as(editor),
    })
    await runJobs()
    expect(hooksFor(draft.slug!)).toEqual([])
    expect(hooksFor(embargoed.slug!)).toEqual([])
    expect(await deliveriesFor(draft.id)).toEqual([])
    expect(await deliveriesFor(embargoed.id)).toEqual([])
  })

  it('delivers a signed, timestamped webhook on publish and pings the WebSub hub for each feed', async () => {
    const { editor } = n.users
    const doc = await payload.create({
      collection: 'press-releases',
      data: releaseData({ partners: [partnerId], _status: 'published', publishedAt: past() }),
      ...as(editor),
    })
    await runJobs()
    const [hit] = hooksFor(doc.slug!)
    expect(hit).toBeDefined()
    const timestamp = String(hit.headers['x-newsroom-timestamp'])
    const expected = `sha256=${createHmac('sha256', 'partner-shared-secret-123').update(`${timestamp}.${hit.body}`).digest('hex')}`
    expect(hit.headers['x-newsroom-signature']).toBe(expected)
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60)
    expect(hit.headers['x-newsroom-event']).toBe('release.published')
    const body = JSON.parse(hit.body)
    expect(body.release).toMatchObject({ id: String(doc.id), slug: doc.slug, title: doc.title })
    expect(body.release.url).toMatch(new RegExp(`/news/${doc.slug}$`))
    // The inactive subscriber got nothing.
    expect(receiver.received.filter((r) => r.path === '/other')).toEqual([])

    const pings = receiver.received.filter((r) => r.path === '/hub').map((r) => new URLSearchParams(r.body))
    const pinged = pings.filter((p) => p.get('hub.mode') === 'publish').map((p) => p.get('hub.url'))
    expect(pinged).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/feed\.xml$/),
        expect.stringMatching(/\/partners\/hartford-healthcare\/atom\.xml$/),
      ]),
    )
  })

  it('retries a failed delivery with back-off and logs every attempt', async () => {
    const { editor } = n.users
    receiver.failNext(1)
    const doc = await payload.create({
      collection: 'press-releases',
      // No partner: only the WebSub pings and no webhook would go out, so name the partner.
      data: releaseData({ partners: [partnerId], _status: 'published', publishedAt: past() }),
      ...as(editor),
    })
    // The first request to arrive fails; whichever delivery it was must be retried.
    await runJobs()
    const afterFirst = await deliveriesFor(doc.id)
    const failed = afterFirst.find((d) => d.status === 'retrying')
    expect(failed).toBeDefined()
    expect(failed!.attempts).toBe(1)
    expect(failed!.responseStatus).toBe(500)

    await sleep(700)
    await runJobs()
    const retried = (await deliveriesFor(doc.id)).find((d) => d.id === failed!.id)!
    expect(retried.status).toBe('delivered')
    expect(retried.attempts).toBe(2)
    expect(retried.log?.map((l) => l.responseStatus)).toEqual([500, 204])
    expect(hooksFor(doc.slug!).length).toBeGreaterThanOrEqual(1)
  })
})
