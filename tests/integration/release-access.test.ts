import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease } from '@/payload-types'

import { future, past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
const ids: Record<string, PressRelease['id']> = {}

beforeAll(async () => {
  n = await startTestNewsroom()
  const { payload } = n
  const make = async (key: string, data: Record<string, unknown>, draft = false) => {
    const doc = await payload.create({
      collection: 'press-releases',
      data: releaseData({ title: `Release ${key}`, ...data }),
      draft,
      overrideAccess: true,
    })
    ids[key] = doc.id
  }
  await make('public', { _status: 'published', publishedAt: past() })
  await make('publicEmbargoLifted', { _status: 'published', publishedAt: past(), embargoUntil: past(60_000) })
  await make('draft', { _status: 'draft' }, true)
  await make('embargoed', { _status: 'published', publishedAt: past(), embargoUntil: future() })
  await make('futureDated', { _status: 'published', publishedAt: future() })
  await make('unpublished', { _status: 'published', publishedAt: past() })
  await payload.update({
    collection: 'press-releases',
    id: ids.unpublished,
    data: { _status: 'draft' },
    overrideAccess: true,
  })
  // A published release with a newer unpublished draft: the public sees the published words only.
  await make('publishedWithDraft', { _status: 'published', publishedAt: past(), summary: 'Published words.' })
  await payload.update({
    collection: 'press-releases',
    id: ids.publishedWithDraft,
    data: { summary: 'Unpublished draft words.' },
    draft: true,
    overrideAccess: true,
  })
})
afterAll(async () => n?.close())

const PUBLIC = ['public', 'publicEmbargoLifted', 'publishedWithDraft']
const HIDDEN = ['draft', 'embargoed', 'futureDated', 'unpublished']

describe('anonymous readers', () => {
  it('list only the releases the visibility rule makes public', async () => {
    const { docs } = await n.payload.find({ collection: 'press-releases', limit: 100, ...as(null) })
    expect(docs.map((d) => d.title).sort()).toEqual(PUBLIC.map((k) => `Release ${k}`).sort())
  })

  it('count only public releases', async () => {
    const { totalDocs } = await n.payload.count({ collection: 'press-releases', ...as(null) })
    expect(totalDocs).toBe(PUBLIC.length)
  })

  it.each(HIDDEN)('cannot read the %s release by ID', async (key) => {
    await expect(n.payload.findByID({ collection: 'press-releases', id: ids[key], ...as(null) })).rejects.toMatchObject(
      { status: 404 },
    )
  })

  it.each(HIDDEN)('cannot find the %s release by slug, even asking for drafts', async (key) => {
    const slug = `release-${key.toLowerCase()}`
    const { docs } = await n.payload.find({
      collection: 'press-releases',
      where: { slug: { equals: slug } },
      draft: true,
      ...as(null),
    })
    expect(docs).toHaveLength(0)
  })

  it('get the published words, not a newer draft, even with draft: true', async () => {
    const doc = await n.payload.findByID({
      collection: 'press-releases',
      id: ids.publishedWithDraft,
      draft: true,
      ...as(null),
    })
    expect(doc.summary).toBe('Published words.')
  })

  it('cannot read versions', async () => {
    await expect(n.payload.findVersions({ collection: 'press-releases', ...as(null) })).rejects.toMatchObject({
      status: 403,
    })
  })

  it('cannot create, update or delete', async () => {
    await expect(
      n.payload.create({ collection: 'press-releases', data: releaseData(), ...as(null) }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      n.payload.update({ collection: 'press-releases', id: ids.public, data: { title: 'Hacked' }, ...as(null) }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(n.payload.delete({ collection: 'press-releases', id: ids.public, ...as(null) })).rejects.toMatchObject(
      { status: 403 },
    )
  })
})

describe('staff', () => {
  it.each(['contributor', 'editor', 'admin'] as const)('%s sees every release, drafts included', async (role) => {
    const { totalDocs } = await n.payload.count({ collection: 'press-releases', ...as(n.users[role]) })
    expect(totalDocs).toBe(PUBLIC.length + HIDDEN.length)
    const draft = await n.payload.findByID({
      collection: 'press-releases',
      id: ids.publishedWithDraft,
      draft: true,
      ...as(n.users[role]),
    })
    expect(draft.summary).toBe('Unpublished draft words.')
  })
})

describe('contributors', () => {
  it('create and edit drafts', async () => {
    const doc = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ title: 'Contributor draft' }),
      draft: true,
      ...as(n.users.contributor),
    })
    expect(doc._status).toBe('draft')
    const edited = await n.payload.update({
      collection: 'press-releases',
      id: doc.id,
      data: { subtitle: 'Edited by its author' },
      draft: true,
      ...as(n.users.contributor),
    })
    expect(edited.subtitle).toBe('Edited by its author')
  })

  it('cannot publish a new release', async () => {
    await expect(
      n.payload.create({
        collection: 'press-releases',
        data: releaseData({ _status: 'published' }),
        ...as(n.users.contributor),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('cannot publish an existing draft', async () => {
    await expect(
      n.payload.update({
        collection: 'press-releases',
        id: ids.draft,
        data: { _status: 'published' },
        ...as(n.users.contributor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const after = await n.payload.findByID({ collection: 'press-releases', id: ids.draft, overrideAccess: true })
    expect(after._status).toBe('draft')
  })

  it('cannot unpublish a published release: the save is only a draft on top of it', async () => {
    const saved = await n.payload.update({
      collection: 'press-releases',
      id: ids.public,
      data: { _status: 'draft' },
      ...as(n.users.contributor),
    })
    expect(saved._status).toBe('draft')
    const after = await n.payload.findByID({ collection: 'press-releases', id: ids.public, overrideAccess: true })
    expect(after._status).toBe('published')
  })

  it('may save a draft of a published release without unpublishing it', async () => {
    await n.payload.update({
      collection: 'press-releases',
      id: ids.public,
      data: { subtitle: 'Proposed subtitle' },
      draft: true,
      ...as(n.users.contributor),
    })
    const live = await n.payload.findByID({ collection: 'press-releases', id: ids.public, ...as(null) })
    expect(live._status).toBe('published')
    expect(live.subtitle ?? null).toBeNull()
  })

  it('cannot delete', async () => {
    await expect(
      n.payload.delete({ collection: 'press-releases', id: ids.draft, ...as(n.users.contributor) }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('editors', () => {
  it('publish, and a publish without a date is dated now', async () => {
    const draft = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ title: 'Editor publishes' }),
      draft: true,
      ...as(n.users.contributor),
    })
    const published = await n.payload.update({
      collection: 'press-releases',
      id: draft.id,
      data: { _status: 'published' },
      ...as(n.users.editor),
    })
    expect(published._status).toBe('published')
    expect(Date.parse(published.publishedAt!)).toBeLessThanOrEqual(Date.now())
    const seen = await n.payload.findByID({ collection: 'press-releases', id: draft.id, ...as(null) })
    expect(seen.title).toBe('Editor publishes')
  })

  it('unpublish, which hides the release again', async () => {
    const doc = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past() }),
      ...as(n.users.editor),
    })
    await n.payload.update({
      collection: 'press-releases',
      id: doc.id,
      data: { _status: 'draft' },
      ...as(n.users.editor),
    })
    await expect(n.payload.findByID({ collection: 'press-releases', id: doc.id, ...as(null) })).rejects.toMatchObject({
      status: 404,
    })
  })

  it('delete', async () => {
    const doc = await n.payload.create({
      collection: 'press-releases',
      data: releaseData(),
      draft: true,
      ...as(n.users.editor),
    })
    await n.payload.delete({ collection: 'press-releases', id: doc.id, ...as(n.users.editor) })
    const { totalDocs } = await n.payload.count({
      collection: 'press-releases',
      where: { id: { equals: doc.id } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })
})
