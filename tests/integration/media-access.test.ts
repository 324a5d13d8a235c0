import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'

import { future, past, PNG_1x1, releaseData, richText } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
const media: Record<string, Media> = {}
let beforeAnyUse: unknown[] = []

const upload = (key: string) =>
  n.payload.create({
    collection: 'media',
    data: { alt: `Image ${key}` },
    file: { data: PNG_1x1, mimetype: 'image/png', name: `${key}.png`, size: PNG_1x1.length },
    overrideAccess: true,
  })

const bodyWithImage = (id: Media['id']) => {
  const body = richText('Text before the image.')
  ;(body.root.children as unknown[]).push({
    type: 'upload',
    version: 3,
    format: '',
    relationTo: 'media',
    value: id,
    fields: null,
  })
  return body
}

const anonymousIds = async () =>
  (await n.payload.find({ collection: 'media', pagination: false, ...as(null) })).docs.map((d) => d.id).sort()

beforeAll(async () => {
  n = await startTestNewsroom()
  for (const key of [
    'public',
    'kit',
    'inBody',
    'logo',
    'event',
    'draft',
    'embargoed',
    'futureDated',
    'newDraftImage',
    'unused',
  ]) {
    media[key] = await upload(key)
  }
  beforeAnyUse = await anonymousIds()
  const release = (data: Record<string, unknown>, draft = false) =>
    n.payload.create({ collection: 'press-releases', data: releaseData(data), draft, overrideAccess: true })

  const published = await release({
    _status: 'published',
    publishedAt: past(),
    heroImage: media.public.id,
    assets: [{ file: media.kit.id }],
    body: bodyWithImage(media.inBody.id),
  })
  // A newer, unpublished draft of a public release adds an image: it stays private.
  await n.payload.update({
    collection: 'press-releases',
    id: published.id,
    data: { meta: { image: media.newDraftImage.id } },
    draft: true,
    overrideAccess: true,
  })
  await release({ _status: 'draft', heroImage: media.draft.id }, true)
  await release({ _status: 'published', publishedAt: past(), embargoUntil: future(), heroImage: media.embargoed.id })
  await release({ _status: 'published', publishedAt: future(), assets: [{ file: media.futureDated.id }] })
  await n.payload.create({
    collection: 'partners',
    data: { name: 'Partner', kind: 'other', logo: media.logo.id },
    overrideAccess: true,
  })
  await n.payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      title: 'Forum',
      start: future(),
      timeZone: 'America/New_York',
      status: 'scheduled',
      image: media.event.id,
    },
    overrideAccess: true,
  })
})

afterAll(() => n?.close())

describe('media access', () => {
  it('uploaded files are private until something public uses them', () => {
    expect(beforeAnyUse).toEqual([])
  })

  it('anonymous readers see only media a public document uses', async () => {
    const expected = ['public', 'kit', 'inBody', 'logo', 'event'].map((k) => media[k].id).sort()
    expect(await anonymousIds()).toEqual(expected)
  })

  it('a file used only by a non-public release, or by nothing, is not found for anonymous readers', async () => {
    for (const key of ['draft', 'embargoed', 'futureDated', 'newDraftImage', 'unused']) {
      await expect(
        n.payload.findByID({ collection: 'media', id: media[key].id, ...as(null) }),
        key,
      ).rejects.toMatchObject({ status: 404 })
    }
  })

  it('staff read every file', async () => {
    for (const role of ['contributor', 'editor'] as const) {
      const { totalDocs } = await n.payload.find({ collection: 'media', ...as(n.users[role]) })
      expect(totalDocs).toBe(Object.keys(media).length)
    }
  })

  it('public releases still show their images to anonymous readers', async () => {
    const { docs } = await n.payload.find({ collection: 'press-releases', depth: 1, ...as(null) })
    expect(docs).toHaveLength(1)
    expect(docs[0].heroImage).toMatchObject({
      id: media.public.id,
      url: expect.stringContaining('/api/media/file/public'),
    })
    expect(docs[0].assets?.[0]?.file).toMatchObject({ id: media.kit.id })
  })

  it('an edit that does not touch the body keeps its images public', async () => {
    const { docs } = await n.payload.find({
      collection: 'press-releases',
      where: { heroImage: { equals: media.public.id } },
      overrideAccess: true,
    })
    // Published again with a new subtitle. (Without `_status`, Payload would merge the edit onto the
    // release's newer draft, status included, and so unpublish it: images hidden, rightly.)
    await n.payload.update({
      collection: 'press-releases',
      id: docs[0].id,
      data: { subtitle: 'Edited', _status: 'published' },
      overrideAccess: true,
    })
    expect(await anonymousIds()).toContain(media.inBody.id)
  })

  it('publishing a release makes its images public; unpublishing hides them again', async () => {
    const draftImage = media.draft.id
    const { docs } = await n.payload.find({
      collection: 'press-releases',
      where: { heroImage: { equals: draftImage } },
      draft: true,
      overrideAccess: true,
    })
    const id = docs[0].id
    await n.payload.update({
      collection: 'press-releases',
      id,
      data: { _status: 'published', publishedAt: past() },
      overrideAccess: true,
    })
    expect(await anonymousIds()).toContain(draftImage)
    await n.payload.update({ collection: 'press-releases', id, data: { _status: 'draft' }, overrideAccess: true })
    expect(await anonymousIds()).not.toContain(draftImage)
  })

  it('an embargo lift makes the images public at that moment, with no edit', async () => {
    const image = await upload('liftsSoon')
    await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past(), embargoUntil: future(1500), heroImage: image.id }),
      overrideAccess: true,
    })
    expect(await anonymousIds()).not.toContain(image.id)
    await new Promise((r) => setTimeout(r, 1700))
    expect(await anonymousIds()).toContain(image.id)
  })
})
