/**
 * Partner staff (src/access/partnerScope.ts): comms staff of partner A read and write what involves
 * A — never the drafts, quotes, milestones, media, versions or audit trail of what involves only
 * partner B — over the local API as the admin calls it (`overrideAccess: false`), REST and GraphQL;
 * they edit their own profile's boilerplate and contacts, not their own account's partners or role;
 * a joint release (A and B) is theirs and B's alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Partner, User } from '@/payload-types'

import { past, PNG_1x1, releaseData, richText } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
let A: Partner
let B: Partner
let staffA: User
let staffB: User
let editorA: User
let restA: Api
const id: Record<string, number> = {}

const SECRET = 'Secret of B'

const makeUser = (name: string, role: User['role'], partners: number[]) =>
  n.payload.create({
    collection: 'users',
    data: {
      name,
      email: `${name.replace(/\W/g, '').toLowerCase()}@example.org`,
      password: 'correct horse battery',
      role,
      partners,
    },
    overrideAccess: true,
  })

beforeAll(async () => {
  n = await startTestNewsroom()
  const { payload } = n
  const system = { overrideAccess: true } as const
  A = await payload.create({ collection: 'partners', data: { name: 'Alpha Health', kind: 'health-system' }, ...system })
  B = await payload.create({
    collection: 'partners',
    data: { name: 'Beta Cancer Center', kind: 'cancer-center' },
    ...system,
  })
  staffA = await makeUser('Alpha Comms', 'contributor', [A.id])
  staffB = await makeUser('Beta Comms', 'contributor', [B.id])
  editorA = await makeUser('Alpha Editor', 'editor', [A.id])
  const release = async (key: string, partners: number[], data: Record<string, unknown> = {}) => {
    const published = data._status === 'published'
    id[key] = (
      await payload.create({
        collection: 'press-releases',
        data: releaseData({ title: `${key} release`, partners, _status: 'draft', ...data }),
        draft: !published,
        ...system,
      })
    ).id
  }
  await release('aDraft', [A.id])
  await release('bDraft', [B.id], { title: `${SECRET}: draft release` })
  await release('joint', [A.id, B.id])
  await release('bPublic', [B.id], { _status: 'published', publishedAt: past() })
  await payload.update({
    collection: 'press-releases',
    id: id.bPublic,
    data: { summary: `${SECRET}: unpublished wording` },
    draft: true,
    ...system,
  })
  const quote = async (key: string, data: Record<string, unknown>) => {
    id[key] = (
      await payload.create({
        collection: 'quotes',
        data: { _status: 'draft', speakerName: 'A. Speaker', provenance: 'verbatim', ...data },
        draft: true,
        ...system,
      })
    ).id
  }
  await quote('bQuote', { text: `${SECRET}: quote`, partner: B.id })
  await quote('bReleaseQuote', { text: `${SECRET}: quote in a release`, release: id.bDraft })
  await quote('aQuote', { text: 'Alpha words', partner: A.id })
  const milestone = async (key: string, data: Record<string, unknown>) => {
    id[key] = (
      await payload.create({
        collection: 'milestones',
        data: { _status: 'draft', date: '2024-05-01', kind: 'membership', ...data },
        draft: true,
        ...system,
      })
    ).id
  }
  await milestone('bMilestone', { title: `${SECRET}: milestone`, partners: [B.id] })
  await milestone('bAnnounced', { title: `${SECRET}: announced milestone`, announcedIn: id.bDraft })
  await milestone('aMilestone', { title: 'Alpha milestone', partners: [A.id] })
  const file = { data: PNG_1x1, mimetype: 'image/png', name: 'b.png', size: PNG_1x1.length }
  // Uploaded by B's staff: tagged with B.
  id.bMedia = (await payload.create({ collection: 'media', data: { alt: `${SECRET}: image` }, file, ...as(staffB) })).id
  restA = await apiAs(payload, staffA)
})
afterAll(async () => n?.close())

const texts = (docs: unknown[]) => JSON.stringify(docs)

describe('partner staff read only what involves their partners', () => {
  it('the local API (as the admin asks it) never gives A’s staff B’s drafts, quotes, milestones, media, versions or trail', async () => {
    const asA = { ...as(staffA), draft: true, pagination: false, depth: 1 } as const
    const releases = await n.payload.find({ collection: 'press-releases', ...asA })
    // B's published release has a newer draft of B's: the drafts list leaves it out ...
    expect(releases.docs.map((d) => d.title).sort()).toEqual(['aDraft release', 'joint release'])
    // ... and the published list shows it as the public sees it.
    const live = await n.payload.find({ collection: 'press-releases', ...as(staffA), pagination: false })
    expect(live.docs.map((d) => d.title)).toContain('bPublic release')
    expect(texts(live.docs)).not.toContain(SECRET)
    expect(texts(releases.docs)).not.toContain(SECRET)
    for (const collection of ['quotes', 'milestones', 'media'] as const) {
      const { docs } = await n.payload.find({ collection, ...asA })
      expect(texts(docs), collection).not.toContain(SECRET)
    }
    expect((await n.payload.find({ collection: 'quotes', ...asA })).docs.map((d) => d.id)).toEqual([id.aQuote])
    expect((await n.payload.find({ collection: 'milestones', ...asA })).docs.map((d) => d.id)).toEqual([id.aMilestone])
    const versions = await n.payload.findVersions({ collection: 'press-releases', ...as(staffA), pagination: false })
    expect(versions.docs.length).toBeGreaterThan(0)
    expect(texts(versions.docs)).not.toContain(SECRET)
    const trail = await n.payload.find({ collection: 'release-activity', ...as(staffA), pagination: false })
    expect(texts(trail.docs)).not.toContain(SECRET)
    await expect(
      n.payload.findByID({ collection: 'press-releases', id: id.bDraft, draft: true, ...as(staffA) }),
    ).rejects.toMatchObject({ status: 404 })
    // The published B release reads as the public sees it, not its newer draft.
    const bPublic = await n.payload.findByID({
      collection: 'press-releases',
      id: id.bPublic,
      draft: true,
      ...as(staffA),
    })
    expect(bPublic.summary).not.toContain(SECRET)
  })

  it('REST and GraphQL give A’s staff none of B’s drafts', async () => {
    for (const path of [
      '/api/press-releases?draft=true&limit=100',
      '/api/quotes?draft=true&limit=100',
      '/api/milestones?draft=true&limit=100',
      '/api/media?limit=100',
      '/api/press-releases/versions?limit=100',
      '/api/quotes/versions?limit=100',
      '/api/release-activity?limit=100',
      `/api/press-releases/${id.bPublic}?draft=true`,
    ]) {
      const res = await restA.rest('GET', path)
      expect(res.status, path).toBe(200)
      expect(JSON.stringify(res.body), path).not.toContain(SECRET)
    }
    expect((await restA.rest('GET', `/api/press-releases/${id.bDraft}?draft=true`)).status).toBe(404)
    // Filtering their own documents on another document's fields would tell B's titles.
    const probe = await restA.rest('GET', `/api/quotes?draft=true&where[release.title][like]=Secret`)
    expect(probe.status).toBe(400)
    const gql = await restA.graphql(`{
      PressReleases(draft: true, limit: 100) { docs { id title summary } }
      Quotes(draft: true, limit: 100) { docs { id text } }
      Milestones(draft: true, limit: 100) { docs { id title } }
      versionsPressReleases(limit: 100) { docs { id version { title summary } } }
    }`)
    expect(gql.errors).toBeUndefined()
    expect(JSON.stringify(gql.data)).not.toContain(SECRET)
    expect(JSON.stringify(gql.data)).toContain('joint release')
  })
})

describe('partner staff write only what involves their partners', () => {
  const unchanged = async (collection: 'press-releases' | 'quotes' | 'milestones', key: string, field: string) => {
    const doc = (await n.payload.findByID({
      collection,
      id: id[key],
      draft: true,
      overrideAccess: true,
    })) as unknown as Record<string, unknown>
    expect(String(doc[field])).not.toContain('Changed by A')
  }

  it('refuses, over REST, GraphQL and the local API, every write to what involves only B', async () => {
    for (const [collection, key, field] of [
      ['press-releases', 'bDraft', 'title'],
      ['press-releases', 'bPublic', 'title'],
      ['quotes', 'bQuote', 'text'],
      ['quotes', 'bReleaseQuote', 'text'],
      ['milestones', 'bMilestone', 'title'],
      ['milestones', 'bAnnounced', 'title'],
    ] as const) {
      const rest = await restA.rest('PATCH', `/api/${collection}/${id[key]}?draft=true`, { [field]: 'Changed by A' })
      expect([403, 404], `${collection} ${key}`).toContain(rest.status)
      await expect(
        n.payload.update({ collection, id: id[key], data: { [field]: 'Changed by A' }, draft: true, ...as(staffA) }),
      ).rejects.toMatchObject({ status: expect.any(Number) })
      await unchanged(collection, key, field)
    }
    const gql = await restA.graphql(
      `mutation($id: Int!) { updatePressRelease(id: $id, draft: true, data: { title: "Changed by A" }) { id } }`,
      {
        id: id.bDraft,
      },
    )
    expect(gql.errors?.length).toBeGreaterThan(0)
    await unchanged('press-releases', 'bDraft', 'title')
    // Nor delete it, nor upload over B's file, nor publish (a contributor's role still applies).
    expect([403, 404]).toContain((await restA.rest('PATCH', `/api/media/${id.bMedia}`, { alt: 'Changed by A' })).status)
    expect([403, 404]).toContain((await restA.rest('DELETE', `/api/press-releases/${id.bDraft}`)).status)
  })

  it('refuses to hand one of their documents to B alone, or to create one that involves only B', async () => {
    const moved = await restA.rest('PATCH', `/api/press-releases/${id.aDraft}?draft=true`, { partners: [B.id] })
    expect(moved.status).toBe(403)
    expect(JSON.stringify(moved.body)).toContain('must list one of your partners')
    const created = await restA.rest('POST', '/api/press-releases?draft=true', releaseData({ partners: [B.id] }))
    expect(created.status).toBe(403)
    const quote = await restA.rest('POST', '/api/quotes?draft=true', {
      text: 'Words for B',
      speakerName: 'B. Speaker',
      provenance: 'verbatim',
      partner: B.id,
    })
    expect(quote.status).toBe(403)
    // Left empty, a new release lists their partner.
    const mine = await restA.rest('POST', '/api/press-releases?draft=true', releaseData({ title: 'Alpha new' }))
    expect(mine.status).toBe(201)
    expect(
      (mine.body.doc as { partners: unknown[] }).partners.map((p) => (typeof p === 'object' ? (p as Partner).id : p)),
    ).toEqual([A.id])
  })

  it('a joint release is visible to and editable by the staff of both partners', async () => {
    const restB = await apiAs(n.payload, staffB)
    for (const [api, words] of [
      [restA, 'Alpha edit'],
      [restB, 'Beta edit'],
    ] as const) {
      const read = await api.rest('GET', `/api/press-releases/${id.joint}?draft=true`)
      expect(read.status).toBe(200)
      const edit = await api.rest('PATCH', `/api/press-releases/${id.joint}?draft=true`, { subtitle: words })
      expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    }
    const list = await restB.rest('GET', '/api/press-releases?draft=true&limit=100')
    const titles = (list.body.docs as { title: string }[]).map((d) => d.title)
    expect(titles).toContain('joint release')
    expect(titles).not.toContain('aDraft release')
  })

  it('an editor with partners publishes releases of their partner only', async () => {
    const restEditor = await apiAs(n.payload, editorA)
    const published = await restEditor.rest('PATCH', `/api/press-releases/${id.aDraft}`, { _status: 'published' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect([403, 404]).toContain(
      (await restEditor.rest('PATCH', `/api/press-releases/${id.bDraft}`, { _status: 'published' })).status,
    )
    expect((await restEditor.rest('POST', '/api/topics', { name: 'A topic' })).status).toBe(403)
  })
})

describe('partner profiles and accounts', () => {
  it('partner staff edit their own boilerplate and media contacts (kept in Versions), not another partner’s or the name', async () => {
    const res = await restA.rest('PATCH', `/api/partners/${A.id}`, {
      about: richText('About Alpha Health, as its comms team words it.'),
      mediaContacts: [{ name: 'Ada Press', email: 'press@alpha.example.org' }],
      name: 'Renamed by A',
    })
    expect(res.status).toBe(200)
    const saved = await n.payload.findByID({ collection: 'partners', id: A.id, overrideAccess: true })
    expect(JSON.stringify(saved.about)).toContain('as its comms team words it')
    expect(saved.mediaContacts?.[0]?.name).toBe('Ada Press')
    expect(saved.name).toBe('Alpha Health')
    const versions = await restA.rest('GET', `/api/partners/versions?where[parent][equals]=${A.id}`)
    expect(versions.status).toBe(200)
    expect((versions.body.docs as unknown[]).length).toBeGreaterThan(0)
    const otherVersions = await restA.rest('GET', `/api/partners/versions?where[parent][equals]=${B.id}`)
    expect(otherVersions.body.totalDocs).toBe(0)
    expect([403, 404]).toContain(
      (await restA.rest('PATCH', `/api/partners/${B.id}`, { summary: 'Changed by A' })).status,
    )
    expect(
      (await n.payload.findByID({ collection: 'partners', id: B.id, overrideAccess: true })).summary ?? '',
    ).not.toContain('Changed by A')
  })

  it('partner staff cannot change their own partners or role', async () => {
    const res = await restA.rest('PATCH', `/api/users/${staffA.id}`, { partners: [A.id, B.id], role: 'editor' })
    expect([200, 403]).toContain(res.status)
    const me = await n.payload.findByID({ collection: 'users', id: staffA.id, depth: 0, overrideAccess: true })
    expect(me.partners).toEqual([A.id])
    expect(me.role).toBe('contributor')
  })

  it('admins always belong to the newsroom', async () => {
    await expect(
      n.payload.update({ collection: 'users', id: n.users.admin.id, data: { partners: [A.id] }, ...as(n.users.admin) }),
    ).rejects.toMatchObject({ status: 400 })
  })
})
