/**
 * Permalinks survive slug edits (issue 16): every slug a release, partner, event or topic was
 * public under is kept, leads to the current one, and can never be taken by another document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease } from '@/payload-types'

import { past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
let currentSlugOf: typeof import('@/data/slugRedirects').currentSlugOf

const publish = (data: Record<string, unknown>) =>
  n.payload.create({
    collection: 'press-releases',
    data: releaseData({ _status: 'published', publishedAt: past(), ...data }),
    overrideAccess: true,
  }) as Promise<PressRelease>

/** The field-level error a save was refused with, as the REST answer names it. */
const refusal = async (save: Promise<unknown>) => {
  try {
    await save
  } catch (err) {
    const errors = (err as { data?: { errors?: { path: string; message: string }[] } }).data?.errors ?? []
    return { status: (err as { status?: number }).status, errors }
  }
  throw new Error('the save was accepted')
}

beforeAll(async () => {
  process.env.SITE_URL = 'http://127.0.0.1:4300'
  n = await startTestNewsroom()
  currentSlugOf = (await import('@/data/slugRedirects')).currentSlugOf
})
afterAll(async () => n?.close())

describe('releases', () => {
  it('keep the slug they were public under and lead from it to the current one', async () => {
    const release = await publish({ title: 'Alliance launches', slug: 'alliance-launches' })
    const editor = as(n.users.editor)
    await n.payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { slug: 'alliance-launches-in-connecticut', _status: 'published' },
      ...editor,
    })
    const saved = await n.payload.findByID({ collection: 'press-releases', id: release.id, overrideAccess: true })
    expect(saved.previousSlugs?.map((r) => r.slug)).toEqual(['alliance-launches'])
    expect(await currentSlugOf('press-releases', 'alliance-launches')).toBe('alliance-launches-in-connecticut')
    // A second rename: both earlier slugs lead to the newest.
    await n.payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { slug: 'msk-alliance-launches', _status: 'published' },
      ...editor,
    })
    expect(await currentSlugOf('press-releases', 'alliance-launches')).toBe('msk-alliance-launches')
    expect(await currentSlugOf('press-releases', 'alliance-launches-in-connecticut')).toBe('msk-alliance-launches')
  })

  it('refuse, with an error naming `slug`, a slug another release has or ever had', async () => {
    const owner = await publish({ title: 'Owner', slug: 'owner-first' })
    await n.payload.update({
      collection: 'press-releases',
      id: owner.id,
      data: { slug: 'owner-second', _status: 'published' },
      overrideAccess: true,
    })
    const other = await publish({ title: 'Other' })
    for (const slug of ['owner-first', 'owner-second']) {
      const { status, errors } = await refusal(
        n.payload.update({
          collection: 'press-releases',
          id: other.id,
          data: { slug, _status: 'published' },
          ...as(n.users.editor),
        }),
      )
      expect(status).toBe(400)
      expect(errors.map((e) => e.path)).toContain('slug')
    }
    // A new release cannot take it either, even as a draft.
    const { errors } = await refusal(
      n.payload.create({
        collection: 'press-releases',
        data: releaseData({ slug: 'owner-first' }),
        draft: true,
        ...as(n.users.contributor),
      }),
    )
    expect(errors[0]?.path).toBe('slug')
    expect(errors[0]?.message).toMatch(/belonged to another document/)
  })

  it('may go back to an earlier slug of their own', async () => {
    const release = await publish({ slug: 'back-and-forth' })
    await n.payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { slug: 'forth', _status: 'published' },
      overrideAccess: true,
    })
    const back = await n.payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { slug: 'back-and-forth', _status: 'published' },
      overrideAccess: true,
    })
    expect(back.slug).toBe('back-and-forth')
    const saved = await n.payload.findByID({ collection: 'press-releases', id: release.id, overrideAccess: true })
    expect(saved.previousSlugs?.map((r) => r.slug)).toEqual(['forth'])
    expect(await currentSlugOf('press-releases', 'forth')).toBe('back-and-forth')
  })

  it('do not record slugs only a draft had, and never lead anywhere for a hidden release', async () => {
    const draft = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ slug: 'secret-working-title' }),
      draft: true,
      overrideAccess: true,
    })
    await n.payload.update({
      collection: 'press-releases',
      id: draft.id,
      data: { slug: 'public-title', _status: 'published', publishedAt: past() },
      overrideAccess: true,
    })
    const saved = await n.payload.findByID({ collection: 'press-releases', id: draft.id, overrideAccess: true })
    expect(saved.previousSlugs ?? []).toEqual([])
    expect(await currentSlugOf('press-releases', 'secret-working-title')).toBeNull()

    const gone = await publish({ slug: 'soon-hidden' })
    await n.payload.update({
      collection: 'press-releases',
      id: gone.id,
      data: { slug: 'soon-hidden-renamed', _status: 'published' },
      overrideAccess: true,
    })
    await n.payload.update({
      collection: 'press-releases',
      id: gone.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect(await currentSlugOf('press-releases', 'soon-hidden')).toBeNull()
  })

  it('keep the history from anonymous readers', async () => {
    const { docs } = await n.payload.find({ collection: 'press-releases', ...as(null), limit: 100 })
    const renamed = docs.find((d) => d.slug === 'msk-alliance-launches')
    expect(renamed).toBeDefined()
    expect(renamed?.previousSlugs ?? []).toEqual([])
    expect(JSON.stringify(docs)).not.toContain('alliance-launches-in-connecticut')
  })
})

describe('partners, topics and events', () => {
  it.each(['partners', 'topics', 'events'] as const)('%s keep their earlier slugs too', async (collection) => {
    const data =
      collection === 'partners'
        ? { name: 'Example Center', kind: 'cancer-center', slug: 'example-center' }
        : collection === 'topics'
          ? { name: 'Screening', slug: 'example-center' }
          : {
              _status: 'published',
              title: 'Forum',
              slug: 'example-center',
              start: '2030-01-01T12:00:00.000Z',
              timeZone: 'UTC',
            }
    const doc = await n.payload.create({ collection, data: data as never, overrideAccess: true })
    const admin = as(n.users.admin)
    await n.payload.update({ collection, id: doc.id, data: { slug: 'example-center-renamed' }, ...admin })
    expect(await currentSlugOf(collection, 'example-center')).toBe('example-center-renamed')
    const second = await n.payload.create({
      collection,
      data: { ...data, slug: 'another-one' } as never,
      overrideAccess: true,
    })
    const { errors } = await refusal(
      n.payload.update({ collection, id: second.id, data: { slug: 'example-center' }, ...admin }),
    )
    expect(errors.map((e) => e.path)).toContain('slug')
  })
})
