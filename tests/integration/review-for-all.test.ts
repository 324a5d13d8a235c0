/**
 * Quotes, milestones and events get the releases' review (src/workflow/reviewed.ts): contributors
 * write drafts and submit them, editors publish, the public only ever sees published documents,
 * and nothing a contributor sends to a published one, over any API, changes an anonymous answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiAs, type Api } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

type Slug = 'quotes' | 'milestones' | 'events'

let n: TestNewsroom
let contributor: Api
let editor: Api
let anonymous: Api

/** A valid new document, and a change to its words and its slug, per collection. */
const KINDS: Record<
  Slug,
  { data: () => Record<string, unknown>; edit: Record<string, unknown>; gql: string; title: string }
> = {
  quotes: {
    data: () => ({ text: 'We are proud to join.', speakerName: 'Dana Reyes', provenance: 'verbatim' }),
    edit: { text: 'Words no editor read.', speakerName: 'Someone else' },
    gql: 'Quote',
    title: 'label',
  },
  milestones: {
    data: () => ({ title: 'Alliance signed', date: '2026-01-05', kind: 'agreement' }),
    edit: { title: 'A milestone no editor read' },
    gql: 'Milestone',
    title: 'title',
  },
  events: {
    data: () => ({ title: 'Annual forum', start: '2030-05-01T15:00:00.000Z', timeZone: 'America/New_York' }),
    edit: { title: 'An event no editor read', start: '2030-06-01T15:00:00.000Z' },
    gql: 'Event',
    title: 'title',
  },
}
const SLUGS = Object.keys(KINDS) as Slug[]

beforeAll(async () => {
  n = await startTestNewsroom()
  contributor = await apiAs(n.payload, n.users.contributor)
  editor = await apiAs(n.payload, n.users.editor)
  anonymous = await apiAs(n.payload, null)
})
afterAll(async () => n?.close())

const strip = (d: Record<string, unknown>) => {
  const { updatedAt: _u, ...rest } = d
  return rest
}

/** Everything anonymous readers get of a collection (local API, REST, GraphQL), and its published rows. */
const publicSnapshot = async (collection: Slug) => {
  const local = await n.payload.find({ collection, depth: 0, limit: 100, sort: 'id', ...as(null) })
  const rest = await anonymous.rest('GET', `/api/${collection}?depth=0&limit=100&sort=id&draft=true`)
  const plural = `${KINDS[collection].gql}s`
  const gql = await anonymous.graphql(`{ ${plural}(limit: 100, sort: "id", draft: true) { docs { id slug } } }`)
  const rows = await n.payload.db.find({ collection, limit: 100, pagination: false })
  return JSON.stringify({
    local: local.docs.map((d) => strip(d as unknown as Record<string, unknown>)),
    rest: ((rest.body.docs ?? []) as Record<string, unknown>[]).map(strip),
    gql,
    rows: rows.docs
      .filter((d) => (d as { _status?: string })._status === 'published')
      .map((d) => strip(d as Record<string, unknown>))
      .sort((a, b) => Number(a.id) - Number(b.id)),
  })
}

const publicIds = async (collection: Slug) =>
  (await n.payload.find({ collection, depth: 0, limit: 100, ...as(null) })).docs.map((d) => d.id)

describe.each(SLUGS)('%s: contributors write drafts, editors publish', (collection) => {
  it('a contributor’s new one is a draft nobody outside sees, until an editor publishes it', async () => {
    const created = await contributor.rest('POST', `/api/${collection}`, KINDS[collection].data())
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const doc = created.body.doc as { id: number; _status: string }
    expect(doc._status).toBe('draft')
    expect(await publicIds(collection)).not.toContain(doc.id)
    expect((await anonymous.rest('GET', `/api/${collection}/${doc.id}`)).status).toBe(404)

    // Publishing is the editor's: refused to the contributor over REST and the local API.
    expect((await contributor.rest('PATCH', `/api/${collection}/${doc.id}`, { _status: 'published' })).status).toBe(403)
    await expect(
      n.payload.update({ collection, id: doc.id, data: { _status: 'published' }, ...as(n.users.contributor) }),
    ).rejects.toMatchObject({ status: 403 })

    const submitted = await contributor.rest('POST', `/api/${collection}/${doc.id}/review`, { action: 'submit' })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    expect(submitted.body.reviewStatus).toBe('awaiting_review')
    // What the editors' review queue lists.
    const queue = await n.payload.find({
      collection,
      draft: true,
      where: { reviewStatus: { equals: 'awaiting_review' } },
      ...as(n.users.editor),
    })
    expect(queue.docs.map((d) => d.id)).toContain(doc.id)
    expect(await publicIds(collection)).not.toContain(doc.id)

    const published = await editor.rest('PATCH', `/api/${collection}/${doc.id}`, { _status: 'published' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect((published.body.doc as { reviewStatus: string }).reviewStatus).toBe('approved')
    expect(await publicIds(collection)).toContain(doc.id)

    const trail = await n.payload.find({
      collection: 'release-activity',
      where: { [collection.replace(/s$/, '')]: { equals: doc.id } },
      sort: 'createdAt',
      ...as(n.users.editor),
    })
    expect(trail.docs.map((e) => [e.action, e.subjectType])).toEqual([
      ['created', collection],
      ['submitted', collection],
      ['published', collection],
    ])
    // The review fields and the audit trail are staff-only.
    const outside = await anonymous.rest('GET', `/api/${collection}/${doc.id}`)
    expect(outside.status).toBe(200)
    expect(outside.body).not.toHaveProperty('reviewStatus')
    expect((await anonymous.rest('GET', `/api/release-activity`)).status).toBe(403)
  })

  it('whatever a contributor sends to a published one, over any API, no anonymous answer changes', async () => {
    const live = await n.payload.create({
      collection,
      data: { ...KINDS[collection].data(), slug: `live-${collection}`, _status: 'published' } as never,
      ...as(n.users.editor),
    })
    const id = live.id
    const before = await publicSnapshot(collection)
    const change = { ...KINDS[collection].edit, slug: `taken-over-${collection}` }

    await n.payload.update({ collection, id, data: change as never, ...as(n.users.contributor) })
    expect(await publicSnapshot(collection)).toBe(before)

    const patched = await contributor.rest('PATCH', `/api/${collection}/${id}`, change)
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    expect(await publicSnapshot(collection)).toBe(before)

    const unpublish = await contributor.rest('PATCH', `/api/${collection}/${id}`, { _status: 'draft' })
    expect(unpublish.status).toBeLessThan(500)
    expect(await publicSnapshot(collection)).toBe(before)

    const gql = await contributor.graphql(
      `mutation($id: Int!, $data: mutation${KINDS[collection].gql}UpdateInput!) { update${KINDS[collection].gql}(id: $id, data: $data) { id } }`,
      { id, data: change },
    )
    expect(gql.errors, JSON.stringify(gql.errors)).toBeUndefined()
    expect(await publicSnapshot(collection)).toBe(before)

    const bulk = await contributor.rest('PATCH', `/api/${collection}?where[id][exists]=true`, change)
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
    await n.payload.update({
      collection,
      where: { id: { exists: true } },
      data: { _status: 'draft' },
      ...as(n.users.contributor),
    })
    expect(await publicSnapshot(collection)).toBe(before)

    const { docs: versions } = await n.payload.findVersions({
      collection,
      where: { parent: { equals: id } },
      limit: 100,
      overrideAccess: true,
    })
    expect(versions.length).toBeGreaterThan(1)
    for (const version of versions) {
      const refused = await contributor.rest('POST', `/api/${collection}/versions/${version.id}`)
      expect(refused.status).toBe(403)
      const asDraft = await contributor.rest('POST', `/api/${collection}/versions/${version.id}?draft=true`)
      expect(asDraft.status, JSON.stringify(asDraft.body)).toBe(200)
    }
    expect(await publicSnapshot(collection)).toBe(before)

    // The contributor's words wait as a draft, with the published slug; the editor's publish makes them public.
    const draft = (await n.payload.findByID({
      collection,
      id,
      draft: true,
      ...as(n.users.editor),
    })) as unknown as Record<string, unknown>
    expect(draft._status).toBe('draft')
    expect(draft.slug).toBe(live.slug)
    await n.payload.update({ collection, id, data: KINDS[collection].edit as never, ...as(n.users.contributor) })
    const published = (await n.payload.update({
      collection,
      id,
      data: { _status: 'published' },
      ...as(n.users.editor),
    })) as unknown as Record<string, unknown>
    for (const [field, value] of Object.entries(KINDS[collection].edit)) {
      expect(published[field]).toBe(value)
    }
    expect(published.slug).toBe(live.slug)
    expect(await publicSnapshot(collection)).not.toBe(before)
  })
})
