/**
 * Contributors never change what the public sees (src/workflow/contributorWrites.ts): on a
 * public, scheduled or embargoed release, whatever a contributor sends, over whichever API,
 * becomes a draft version on top of the published document, and the publish date, embargo and
 * slug change only by an editor's publish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease } from '@/payload-types'

import { future, past, releaseData } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
let rest: Api
let anonymous: Api
const ids: Record<string, PressRelease['id']> = {}
const STATES = ['public', 'scheduled', 'embargoed', 'draft', 'unpublished'] as const

beforeAll(async () => {
  n = await startTestNewsroom()
  const make = async (key: string, data: Record<string, unknown>) => {
    const doc = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ title: `Release ${key}`, slug: `release-${key}`, ...data }),
      overrideAccess: true,
    })
    ids[key] = doc.id
  }
  await make('public', { _status: 'published', publishedAt: past() })
  await make('scheduled', { _status: 'published', publishedAt: future() })
  await make('embargoed', { _status: 'published', publishedAt: past(), embargoUntil: future() })
  await make('draft', { _status: 'draft' })
  await make('unpublished', { _status: 'published', publishedAt: past() })
  await n.payload.update({
    collection: 'press-releases',
    id: ids.unpublished,
    data: { _status: 'draft' },
    overrideAccess: true,
  })
  rest = await apiAs(n.payload, n.users.contributor)
  anonymous = await apiAs(n.payload, null)
})
afterAll(async () => n?.close())

/** Everything anonymous readers get, plus the published rows themselves (drafts' own rows are nobody's answer). */
const publicSnapshot = async () => {
  const list = await n.payload.find({ collection: 'press-releases', depth: 0, limit: 100, ...as(null) })
  const rows = await n.payload.db.find({ collection: 'press-releases', limit: 100, pagination: false })
  const restList = await anonymous.rest('GET', '/api/press-releases?depth=0&limit=100')
  const strip = (d: Record<string, unknown>) => {
    const { updatedAt: _u, ...rest } = d
    return rest
  }
  return JSON.stringify({
    list: list.docs.map((d) => strip(d as unknown as Record<string, unknown>)),
    rows: rows.docs
      .filter((d) => (d as { _status?: string })._status === 'published')
      .map((d) => strip(d as Record<string, unknown>))
      .sort((a, b) => Number(a.id) - Number(b.id)),
    rest: (restList.body.docs as Record<string, unknown>[]).map(strip),
  })
}

const latestDraft = (id: PressRelease['id']) =>
  n.payload.findByID({ collection: 'press-releases', id, draft: true, depth: 0, ...as(n.users.editor) })

const CHANGES: Record<string, Record<string, unknown>> = {
  'new wording': { title: 'Rewritten by a contributor', summary: 'Unreviewed words.' },
  'lifted embargo': { embargoUntil: null },
  'past publish date': { publishedAt: past(2 * 24 * 3600_000), embargoUntil: null },
  'future publish date': { publishedAt: future(30 * 24 * 3600_000) },
  'new slug': { slug: 'taken-over' },
  unpublish: { _status: 'draft' },
}

describe('a contributor’s writes leave every anonymous answer as it was', () => {
  for (const state of STATES) {
    for (const [change, data] of Object.entries(CHANGES)) {
      it(`${change} on a ${state} release, over the local API, REST and GraphQL`, async () => {
        const before = await publicSnapshot()
        const id = ids[state]
        if ('slug' in data) data.slug = `taken-over-${state}`
        await n.payload.update({ collection: 'press-releases', id, data, ...as(n.users.contributor) })
        expect(await publicSnapshot()).toBe(before)
        const patched = await rest.rest('PATCH', `/api/press-releases/${id}`, data)
        expect(patched.status, JSON.stringify(patched.body)).toBeLessThan(300)
        expect(await publicSnapshot()).toBe(before)
        const gql = await rest.graphql(
          `mutation($id: Int!, $data: mutationPressReleaseUpdateInput!) { updatePressRelease(id: $id, data: $data) { id } }`,
          { id, data },
        )
        expect(gql.errors, JSON.stringify(gql.errors)).toBeUndefined()
        expect(await publicSnapshot()).toBe(before)
      })
    }
  }

  it('a bulk update (PATCH with where) over every release', async () => {
    const before = await publicSnapshot()
    const res = await rest.rest('PATCH', `/api/press-releases?where[id][exists]=true`, {
      title: 'Bulk rewrite',
      embargoUntil: null,
      publishedAt: past(),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await n.payload.update({
      collection: 'press-releases',
      where: { id: { exists: true } },
      data: { _status: 'draft', slug: 'bulk' },
      ...as(n.users.contributor),
    })
    expect(await publicSnapshot()).toBe(before)
  })

  it('publishing is refused with 403, over REST and the local API', async () => {
    const before = await publicSnapshot()
    const res = await rest.rest('PATCH', `/api/press-releases/${ids.embargoed}`, {
      _status: 'published',
      embargoUntil: null,
    })
    expect(res.status).toBe(403)
    await expect(
      n.payload.update({
        collection: 'press-releases',
        id: ids.draft,
        data: { _status: 'published', publishedAt: past() },
        ...as(n.users.contributor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await publicSnapshot()).toBe(before)
  })

  it('a version restore is a draft: refused without ?draft=true, and changes nothing public with it', async () => {
    const id = ids.public
    const { docs } = await n.payload.findVersions({
      collection: 'press-releases',
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      limit: 100,
      overrideAccess: true,
    })
    const before = await publicSnapshot()
    for (const version of docs) {
      const refused = await rest.rest('POST', `/api/press-releases/versions/${version.id}`)
      expect(refused.status).toBe(403)
      expect(JSON.stringify(refused.body)).toContain('draft')
      const asDraft = await rest.rest('POST', `/api/press-releases/versions/${version.id}?draft=true`)
      expect(asDraft.status, JSON.stringify(asDraft.body)).toBe(200)
    }
    expect(await publicSnapshot()).toBe(before)
  })

  it('a review action (submit) changes nothing public', async () => {
    const before = await publicSnapshot()
    for (const state of STATES) {
      const res = await rest.rest('POST', `/api/press-releases/${ids[state]}/review`, { action: 'submit' })
      expect([200, 409]).toContain(res.status)
    }
    expect(await publicSnapshot()).toBe(before)
  })
})

describe('the editor’s publish is what changes the public release', () => {
  it('publishes the contributor’s new words with the published dates and slug', async () => {
    const id = ids.embargoed
    const live = (await n.payload.db.findOne({
      collection: 'press-releases',
      where: { id: { equals: id } },
    })) as PressRelease
    await n.payload.update({
      collection: 'press-releases',
      id,
      data: {
        title: 'Contributor’s final wording',
        embargoUntil: null,
        slug: 'moved',
        publishedAt: past(5 * 3600_000),
      },
      ...as(n.users.contributor),
    })
    const draft = await latestDraft(id)
    expect(draft.title).toBe('Contributor’s final wording')
    expect(draft.embargoUntil).toBe(live.embargoUntil)
    expect(draft.slug).toBe(live.slug)
    expect(draft.publishedAt).toBe(live.publishedAt)

    const published = await n.payload.update({
      collection: 'press-releases',
      id,
      data: { _status: 'published' },
      ...as(n.users.editor),
    })
    expect(published.title).toBe('Contributor’s final wording')
    expect(published.embargoUntil).toBe(live.embargoUntil)
    expect(published.slug).toBe(live.slug)
  })

  it('lets an editor lift an embargo and change the slug', async () => {
    const id = ids.embargoed
    const published = await n.payload.update({
      collection: 'press-releases',
      id,
      data: { _status: 'published', embargoUntil: null, slug: 'lifted-by-editor' },
      ...as(n.users.editor),
    })
    expect(published.embargoUntil ?? null).toBeNull()
    expect(published.slug).toBe('lifted-by-editor')
    const seen = await n.payload.findByID({ collection: 'press-releases', id, depth: 0, ...as(null) })
    expect(seen.title).toBe('Contributor’s final wording')
  })
})
