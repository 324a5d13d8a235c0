/**
 * Sign-off of joint releases (src/workflow/signOff.ts): a release listing two partners is neither
 * published nor scheduled, over REST, GraphQL, the local API with access control or the admin's
 * schedule, until a designated approver of each has approved its current text; an edit resets
 * that; refusals, approvals and their versions are in the audit trail.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Partner, PressRelease, User } from '@/payload-types'

import { future, past, releaseData, richText } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
let payload: Payload
let hartford: Partner
let msk: Partner
let unstaffed: Partner
let single: Partner
let approverH: User
let approverM: User
let editorApi: Api
let approverHApi: Api

const makeUser = (name: string, role: User['role'] = 'contributor') =>
  payload.create({
    collection: 'users',
    data: {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
      password: 'correct horse battery',
      role,
    },
    overrideAccess: true,
  })

beforeAll(async () => {
  n = await startTestNewsroom()
  payload = n.payload
  approverH = await makeUser('Hana Approver')
  approverM = await makeUser('Mo Approver')
  const partner = (name: string, approvers: number[]) =>
    payload.create({
      collection: 'partners',
      data: { name, kind: 'health-system', approvers } as never,
      overrideAccess: true,
    })
  hartford = await partner('Hartford HealthCare', [approverH.id])
  msk = await partner('Memorial Sloan Kettering', [approverM.id])
  unstaffed = await partner('Unstaffed Clinic', [])
  single = await partner('Solo Partner', [approverH.id])
  editorApi = await apiAs(payload, n.users.editor)
  approverHApi = await apiAs(payload, approverH)
})
afterAll(async () => {
  await n?.close()
})

const reqAs = (user: User) => createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)

// The latest version as staff see it (readers without a staff session never get drafts).
const latest = (id: number) =>
  payload.findByID({ collection: 'press-releases', id, draft: true, depth: 0, ...as(n.users.admin) })

const versionOf = async (id: number) => {
  const { textVersion } = await import('@/workflow/signOff')
  return textVersion((await latest(id)) as never)
}

const decide = async (user: User, id: number, action: string, version: unknown, comment?: string) => {
  const { takeReviewAction } = await import('@/workflow/takeReviewAction')
  return takeReviewAction(await reqAs(user), 'press-releases', id, action, comment, { version })
}

const jointDraft = async (partners = [hartford.id, msk.id]) =>
  payload.create({
    collection: 'press-releases',
    data: releaseData({ partners }),
    draft: true,
    ...as(n.users.editor),
  }) as Promise<PressRelease>

const publishOverRest = (id: number, extra: Record<string, unknown> = {}) =>
  editorApi.rest('PATCH', `/api/press-releases/${id}`, { _status: 'published', publishedAt: past(), ...extra })

const errorOf = (res: { body: Record<string, unknown> }) =>
  String((res.body.errors as { message?: string }[] | undefined)?.[0]?.message ?? '')

const trail = async (id: number) =>
  (
    await payload.find({
      collection: 'release-activity',
      where: { and: [{ release: { equals: id } }, { action: { in: ['signed-off', 'sign-off-refused'] } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
  ).docs.map((a) => ({ action: a.action, user: a.user, partner: a.partner, version: a.version, comment: a.comment }))

describe('a joint release', () => {
  it('is neither published nor scheduled, over any API, until each partner’s approver signs off', async () => {
    const draft = await jointDraft()
    const version = await versionOf(draft.id)

    const rest = await publishOverRest(draft.id)
    expect(rest.status).toBe(409)
    expect(errorOf(rest)).toMatch(/Hartford HealthCare and Memorial Sloan Kettering/)

    const scheduled = await publishOverRest(draft.id, { publishedAt: future() })
    expect(scheduled.status).toBe(409)

    const gql = await editorApi.graphql(
      `mutation ($id: Int!) { updatePressRelease(id: $id, data: { _status: published }) { id } }`,
      { id: draft.id },
    )
    expect(JSON.stringify(gql.errors)).toMatch(/Memorial Sloan Kettering/)

    await expect(
      payload.update({
        collection: 'press-releases',
        id: draft.id,
        data: { _status: 'published' },
        ...as(n.users.editor),
      }),
    ).rejects.toMatchObject({ status: 409 })

    const { refuseUnsignedSchedule } = await import('@/workflow/requireSignOff')
    const scheduleArgs = { type: 'publish', doc: { relationTo: 'press-releases', value: String(draft.id) } }
    expect(await refuseUnsignedSchedule(await reqAs(n.users.editor), scheduleArgs)).toMatch(/Hartford HealthCare/)

    // One approval: only the other partner is missing.
    const first = await approverHApi.rest('POST', `/api/press-releases/${draft.id}/review`, {
      action: 'approve',
      version,
    })
    expect(first.status).toBe(200)
    expect((first.body.signOff as { missing: string[] }).missing).toEqual(['Memorial Sloan Kettering'])
    const stillMissing = await publishOverRest(draft.id)
    expect(stillMissing.status).toBe(409)
    expect(errorOf(stillMissing)).toMatch(/Memorial Sloan Kettering/)
    expect(errorOf(stillMissing)).not.toMatch(/Hartford/)

    expect((await decide(approverM, draft.id, 'approve', version)).ok).toBe(true)
    expect(await refuseUnsignedSchedule(await reqAs(n.users.editor), scheduleArgs)).toBeNull()
    const published = await publishOverRest(draft.id)
    expect(published.status).toBe(200)
    expect((await latest(draft.id))._status).toBe('published')

    // Saving it again with the same words (a new topic, a date) needs no new sign-off.
    const resaved = await editorApi.rest('PATCH', `/api/press-releases/${draft.id}`, {
      _status: 'published',
      dateline: (await latest(draft.id)).dateline,
    })
    expect(resaved.status).toBe(200)
    // New words on the published release do.
    const reworded = await editorApi.rest('PATCH', `/api/press-releases/${draft.id}`, {
      _status: 'published',
      summary: 'A summary neither partner has read.',
    })
    expect(reworded.status).toBe(409)
  })

  it('loses an approval when its text is edited, and an approval of the old version does not count', async () => {
    const draft = await jointDraft()
    const before = await versionOf(draft.id)
    expect((await decide(approverH, draft.id, 'approve', before)).ok).toBe(true)

    await payload.update({
      collection: 'press-releases',
      id: draft.id,
      draft: true,
      data: { body: richText('A changed first paragraph.') },
      ...as(n.users.contributor),
    })
    const after = await versionOf(draft.id)
    expect(after).not.toBe(before)

    const { signOffStatus } = await import('@/workflow/signOff')
    const status = await signOffStatus(payload, (await latest(draft.id)) as never)
    expect(status.missing).toEqual(['Hartford HealthCare', 'Memorial Sloan Kettering'])

    const stale = await decide(approverM, draft.id, 'approve', before)
    expect(stale).toMatchObject({ ok: false, status: 409 })
    expect(stale.ok ? '' : stale.message).toMatch(/edited after you read it/)
    expect((await signOffStatus(payload, (await latest(draft.id)) as never)).missing).toHaveLength(2)

    const rest = await publishOverRest(draft.id)
    expect(errorOf(rest)).toMatch(/Hartford HealthCare and Memorial Sloan Kettering/)
  })

  it('records a refusal with its comment and sends a release awaiting review back to its author', async () => {
    const draft = await jointDraft()
    const version = await versionOf(draft.id)
    expect((await decide(n.users.editor, draft.id, 'submit', undefined)).ok).toBe(true)

    const noComment = await decide(approverM, draft.id, 'refuse', version)
    expect(noComment).toMatchObject({ ok: false, status: 400, field: 'comment' })

    const refused = await decide(approverM, draft.id, 'refuse', version, 'Our CEO’s title is wrong in paragraph two.')
    expect(refused.ok).toBe(true)
    const doc = await latest(draft.id)
    expect(doc.reviewStatus).toBe('changes_requested')
    expect(doc.reviewComment).toMatch(/Sign-off refused for Memorial Sloan Kettering: Our CEO’s title is wrong/)
    expect(await trail(draft.id)).toEqual([
      {
        action: 'sign-off-refused',
        user: approverM.id,
        partner: msk.id,
        version,
        comment: 'Our CEO’s title is wrong in paragraph two.',
      },
    ])
  })

  it('keeps in the trail who approved which version', async () => {
    const draft = await jointDraft()
    const v1 = await versionOf(draft.id)
    await decide(approverH, draft.id, 'approve', v1)
    await payload.update({
      collection: 'press-releases',
      id: draft.id,
      draft: true,
      data: { title: 'A retitled joint release' },
      ...as(n.users.editor),
    })
    const v2 = await versionOf(draft.id)
    await decide(approverH, draft.id, 'approve', v2)
    await decide(approverM, draft.id, 'approve', v2)
    expect(await trail(draft.id)).toEqual([
      { action: 'signed-off', user: approverH.id, partner: hartford.id, version: v1, comment: null },
      { action: 'signed-off', user: approverH.id, partner: hartford.id, version: v2, comment: null },
      { action: 'signed-off', user: approverM.id, partner: msk.id, version: v2, comment: null },
    ])
    expect((await publishOverRest(draft.id)).status).toBe(200)
  })

  it('cannot be signed off by anyone but a designated approver of a partner it lists', async () => {
    const draft = await jointDraft()
    const version = await versionOf(draft.id)
    for (const user of [n.users.contributor, n.users.editor, n.users.admin]) {
      const res = await decide(user, draft.id, 'approve', version)
      expect(res).toMatchObject({ ok: false, status: 403 })
      expect(res.ok ? '' : res.message).toMatch(/Hartford HealthCare \(Hana Approver\)/)
    }
    const viaRest = await editorApi.rest('POST', `/api/press-releases/${draft.id}/review`, {
      action: 'approve',
      version,
    })
    expect(viaRest.status).toBe(403)
    const noVersion = await approverHApi.rest('POST', `/api/press-releases/${draft.id}/review`, { action: 'approve' })
    expect(noVersion.status).toBe(400)
    expect(errorOf(noVersion)).toMatch(/"version" is required/)
    expect(await trail(draft.id)).toEqual([])
  })

  it('takes an editor’s sign-off for a partner with no designated approver', async () => {
    const draft = await jointDraft([hartford.id, unstaffed.id])
    const version = await versionOf(draft.id)
    expect((await decide(approverH, draft.id, 'approve', version)).ok).toBe(true)
    expect(errorOf(await publishOverRest(draft.id))).toMatch(/Unstaffed Clinic/)
    const standIn = await decide(n.users.editor, draft.id, 'approve', version)
    expect(standIn.ok).toBe(true)
    expect((await publishOverRest(draft.id)).status).toBe(200)
  })

  it('mails each partner’s approvers when it is submitted for review', async () => {
    const draft = await jointDraft()
    const queued = async () =>
      (
        await payload.find({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'sendEmail' } },
          limit: 500,
          overrideAccess: true,
        })
      ).docs
        .map((j) => (j.input as { email: { to: string; subject: string } }).email)
        .filter((e) => e.subject === `Sign-off needed: ${draft.title}`)
        .map((e) => e.to)
        .sort()
    expect(await queued()).toEqual([])
    expect((await decide(n.users.contributor, draft.id, 'submit', undefined)).ok).toBe(true)
    expect(await queued()).toEqual([approverH.email, approverM.email].sort())
  })
})

describe('a release with one partner', () => {
  it('publishes as before, without sign-off, and has nothing to sign off', async () => {
    const draft = await jointDraft([single.id])
    expect((await publishOverRest(draft.id)).status).toBe(200)
    const res = await decide(approverH, draft.id, 'approve', await versionOf(draft.id))
    expect(res).toMatchObject({ ok: false, status: 400, field: 'action' })
  })
})
