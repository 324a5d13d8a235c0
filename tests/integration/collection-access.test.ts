import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Partner, PressRelease } from '@/payload-types'

import { future, past, PNG_1x1, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
let publicRelease: PressRelease['id']
let embargoedRelease: PressRelease['id']
let partnerId: Partner['id']

beforeAll(async () => {
  n = await startTestNewsroom()
  const { payload } = n
  publicRelease = (
    await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past() }),
      overrideAccess: true,
    })
  ).id
  embargoedRelease = (
    await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past(), embargoUntil: future() }),
      overrideAccess: true,
    })
  ).id
  partnerId = (
    await payload.create({
      collection: 'partners',
      data: { name: 'Example Health', kind: 'health-system' },
      overrideAccess: true,
    })
  ).id
})
afterAll(async () => n?.close())

describe('quotes and milestones follow the release they come from', () => {
  it('hides a quote from an embargoed release and shows one from a public release', async () => {
    const quote = (release: PressRelease['id'] | null, text: string) =>
      n.payload.create({
        collection: 'quotes',
        data: {
          _status: 'published',
          text,
          speakerName: 'A. Speaker',
          speakerTitle: 'CEO',
          speakerOrganization: 'Example Health',
          provenance: 'verbatim',
          release,
        },
        overrideAccess: true,
      })
    await quote(publicRelease, 'Words from a public release.')
    await quote(embargoedRelease, 'Words from an embargoed release.')
    await quote(null, 'Words said elsewhere.')
    const { docs } = await n.payload.find({ collection: 'quotes', ...as(null) })
    expect(docs.map((d) => d.text).sort()).toEqual(['Words from a public release.', 'Words said elsewhere.'])
    const staff = await n.payload.find({ collection: 'quotes', ...as(n.users.contributor) })
    expect(staff.totalDocs).toBe(3)
  })

  it('hides a milestone announced by an embargoed release until the release is public', async () => {
    const hidden = await n.payload.create({
      collection: 'milestones',
      data: {
        _status: 'published',
        title: 'First designated partner',
        date: past(),
        kind: 'designation',
        isFirst: true,
        announcedIn: embargoedRelease,
      },
      overrideAccess: true,
    })
    await n.payload.create({
      collection: 'milestones',
      data: {
        _status: 'published',
        title: 'Alliance launched',
        date: past(),
        kind: 'launch',
        announcedIn: publicRelease,
      },
      overrideAccess: true,
    })
    const { docs } = await n.payload.find({ collection: 'milestones', ...as(null) })
    expect(docs.map((d) => d.title)).toEqual(['Alliance launched'])
    await expect(n.payload.findByID({ collection: 'milestones', id: hidden.id, ...as(null) })).rejects.toMatchObject({
      status: 404,
    })
    // The embargo lifts: the milestone appears with no further edit.
    await n.payload.update({
      collection: 'press-releases',
      id: embargoedRelease,
      data: { embargoUntil: past(1000) },
      overrideAccess: true,
    })
    const after = await n.payload.find({ collection: 'milestones', ...as(null) })
    expect(after.docs.map((d) => d.title).sort()).toEqual(['Alliance launched', 'First designated partner'])
  })
})

describe('partners: public profiles, managed by admins', () => {
  it('anyone reads partners', async () => {
    const { docs } = await n.payload.find({ collection: 'partners', ...as(null) })
    expect(docs.map((d) => d.name)).toContain('Example Health')
  })
  it.each(['contributor', 'editor'] as const)('%s cannot create, edit or delete a partner', async (role) => {
    const user = n.users[role]
    await expect(
      n.payload.create({ collection: 'partners', data: { name: 'X', kind: 'other' }, ...as(user) }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      n.payload.update({ collection: 'partners', id: partnerId, data: { name: 'Renamed' }, ...as(user) }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(n.payload.delete({ collection: 'partners', id: partnerId, ...as(user) })).rejects.toMatchObject({
      status: 403,
    })
  })
  it('an admin edits a partner and the old boilerplate stays in its versions', async () => {
    const admin = as(n.users.admin)
    const { richText } = await import('../helpers/fixtures')
    await n.payload.update({
      collection: 'partners',
      id: partnerId,
      data: { about: richText('First wording.') },
      ...admin,
    })
    await n.payload.update({
      collection: 'partners',
      id: partnerId,
      data: { about: richText('Second wording.') },
      ...admin,
    })
    const versions = await n.payload.findVersions({
      collection: 'partners',
      where: { parent: { equals: partnerId } },
      sort: '-updatedAt',
      ...admin,
    })
    const wordings = versions.docs.map((v) => JSON.stringify(v.version.about))
    expect(wordings.some((w) => w.includes('First wording.'))).toBe(true)
    expect(wordings.some((w) => w.includes('Second wording.'))).toBe(true)
  })
  it('anonymous readers cannot read partner versions', async () => {
    await expect(n.payload.findVersions({ collection: 'partners', ...as(null) })).rejects.toMatchObject({ status: 403 })
  })
})

describe('topics, events, media', () => {
  it('contributors cannot manage topics; editors can', async () => {
    await expect(
      n.payload.create({ collection: 'topics', data: { name: 'Clinical trials' }, ...as(n.users.contributor) }),
    ).rejects.toMatchObject({ status: 403 })
    const topic = await n.payload.create({
      collection: 'topics',
      data: { name: 'Clinical trials' },
      ...as(n.users.editor),
    })
    expect(topic.slug).toBe('clinical-trials')
    const { docs } = await n.payload.find({ collection: 'topics', ...as(null) })
    expect(docs).toHaveLength(1)
  })

  it('contributors write event drafts, editors publish and delete them; anyone reads published ones', async () => {
    const event = await n.payload.create({
      collection: 'events',
      data: { title: 'Annual meeting', start: future(), timeZone: 'America/New_York', status: 'scheduled' },
      ...as(n.users.contributor),
    })
    expect(event.status).toBe('scheduled')
    expect(event._status).toBe('draft')
    await expect(
      n.payload.delete({ collection: 'events', id: event.id, ...as(n.users.contributor) }),
    ).rejects.toMatchObject({
      status: 403,
    })
    expect((await n.payload.find({ collection: 'events', ...as(null) })).totalDocs).toBe(0)
    await n.payload.update({
      collection: 'events',
      id: event.id,
      data: { _status: 'published' },
      ...as(n.users.editor),
    })
    expect((await n.payload.find({ collection: 'events', ...as(null) })).totalDocs).toBe(1)
    await n.payload.delete({ collection: 'events', id: event.id, ...as(n.users.editor) })
  })

  it('an event edit bumps its calendar sequence', async () => {
    const event = await n.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Forum',
        start: future(),
        timeZone: 'America/New_York',
        status: 'scheduled',
      },
      ...as(n.users.editor),
    })
    expect(event.sequence).toBe(0)
    const edited = await n.payload.update({
      collection: 'events',
      id: event.id,
      data: { status: 'cancelled' },
      ...as(n.users.editor),
    })
    expect(edited.sequence).toBe(1)
  })

  it('staff upload images; anonymous readers cannot upload', async () => {
    const file = { data: PNG_1x1, mimetype: 'image/png', name: 'dot.png', size: PNG_1x1.length }
    await expect(
      n.payload.create({ collection: 'media', data: { alt: 'A dot' }, file, ...as(null) }),
    ).rejects.toMatchObject({ status: 403 })
    const media = await n.payload.create({
      collection: 'media',
      data: { alt: 'A dot' },
      file,
      ...as(n.users.contributor),
    })
    expect(media.mimeType).toBe('image/png')
  })
})

describe('users', () => {
  it('staff see their colleagues (names in the audit trail and review queue); anonymous readers see no one', async () => {
    expect((await n.payload.find({ collection: 'users', ...as(n.users.admin) })).totalDocs).toBe(3)
    const seen = await n.payload.find({ collection: 'users', sort: 'name', ...as(n.users.contributor) })
    expect(seen.docs.map((u) => u.name)).toEqual(['admin user', 'contributor user', 'editor user'])
    await expect(n.payload.find({ collection: 'users', ...as(null) })).rejects.toMatchObject({ status: 403 })
  })
  it('only the owner or an admin changes an account', async () => {
    await expect(
      n.payload.update({
        collection: 'users',
        id: n.users.editor.id,
        data: { name: 'Renamed' },
        ...as(n.users.contributor),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
  it('a contributor cannot make themselves an editor', async () => {
    const me = await n.payload.update({
      collection: 'users',
      id: n.users.contributor.id,
      data: { role: 'admin' },
      ...as(n.users.contributor),
    })
    expect(me.role).toBe('contributor')
  })
  it.each(['contributor', 'editor'] as const)('%s cannot create users', async (role) => {
    await expect(
      n.payload.create({
        collection: 'users',
        data: { name: 'New', email: `new-${role}@example.org`, password: 'long enough password' },
        ...as(n.users[role]),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
  it('an admin creates an editor', async () => {
    const user = await n.payload.create({
      collection: 'users',
      data: { name: 'New editor', email: 'new-editor@example.org', password: 'long enough password', role: 'editor' },
      ...as(n.users.admin),
    })
    expect(user.role).toBe('editor')
  })
})
