/**
 * The write matrix (TRUST.md property 2): role × collection × change × starting state × API.
 *
 * - Every contributor cell: a snapshot of every anonymous surface (REST lists and documents by
 *   id, GraphQL, the pages' data from the public data layer in src/data/, every feed, search and
 *   the sitemap) is taken before and after the write, and must be identical, whatever the API
 *   answered. Contributors write drafts; nothing they send changes what the public sees.
 * - Every editor and admin cell: the write succeeds where the role may write the collection
 *   (and is refused, changing nothing, where it may not), and anonymous readers then see the
 *   intended change and only it: the document is visible exactly when the visibility rule says
 *   it should be, with the new value, and every other field and document as it was.
 *
 * A collection is one entry of ENTRIES. One database holds every starting state; a document is
 * restored after the cells that changed it. Releases and media start in every release state;
 * quotes, milestones and events have drafts and review of their own (src/workflow/reviewed.ts)
 * and start as a draft and published, quotes and milestones also published but belonging to an
 * embargoed release (which hides them, src/access/visibility.ts).
 */
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { future, past, PNG_1x1, releaseData, richText } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const ROLES = ['contributor', 'editor', 'admin'] as const
const APIS = ['local', 'rest', 'graphql'] as const
const STATES = ['draft', 'scheduled', 'embargoed', 'public', 'unpublished'] as const
/** A quote's or milestone's states: its own draft, published, published in a release that is not public. */
const DERIVED_STATES = ['draft', 'public', 'of a hidden release'] as const
type Role = (typeof ROLES)[number]
type ApiName = (typeof APIS)[number]
type ReleaseState = (typeof STATES)[number]
type State = ReleaseState | (typeof DERIVED_STATES)[number]
type Doc = Record<string, unknown> & { id: number }
type Data = Record<string, unknown>

let n: TestNewsroom
let payload: Payload
let anonymous: Api
const apis = {} as Record<Role, Api>
/**
 * Documents the changes point at: another partner, topic, quote, an unused image, a public control
 * release and an embargoed one (the release a hidden quote or milestone belongs to).
 */
const refs = {} as Record<
  'partner' | 'partner2' | 'topic' | 'topic2' | 'quote' | 'image' | 'control' | 'hidden',
  number
>
/** The document under test, per collection and starting state. */
const targets: Record<string, Partial<Record<State, number>>> = {}

const WORD = 'Matrixword'
const o = { overrideAccess: true } as const

/** The release in a starting state, as the contributor-writes tests make it. */
const releaseIn = async (state: ReleaseState, extra: Data = {}): Promise<number> => {
  const data = releaseData({
    title: `${WORD} release ${state} ${Math.random().toString(36).slice(2, 7)}`,
    summary: `${WORD} summary.`,
    partners: [refs.partner],
    topics: [refs.topic],
    ...extra,
  })
  const at: Data =
    state === 'draft'
      ? { _status: 'draft' }
      : state === 'scheduled'
        ? { _status: 'published', publishedAt: future() }
        : state === 'embargoed'
          ? { _status: 'published', publishedAt: past(), embargoUntil: future() }
          : { _status: 'published', publishedAt: past() }
  const doc = await payload.create({ collection: 'press-releases', data: { ...data, ...at }, ...o })
  if (state === 'unpublished')
    await payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'draft' }, ...o })
  return doc.id as number
}

const upload = async (alt: string) =>
  (
    await payload.create({
      collection: 'media',
      data: { alt },
      file: { data: PNG_1x1, mimetype: 'image/png', name: `${alt.replace(/\W+/g, '-')}.png`, size: PNG_1x1.length },
      ...o,
    })
  ).id as number

type Change = { data: () => Data; gql?: () => Data }

type Entry = {
  slug: CollectionSlug
  /** GraphQL's update mutation and its input type. */
  gql: [mutation: string, input: string]
  states: readonly State[]
  /** Who may write the collection at all; other roles are refused and change nothing. */
  writers: readonly Role[]
  /** The document under test in a starting state. */
  make: (state: State) => Promise<number>
  changes: Record<string, Change>
  /** Whether anonymous readers should see the document after an editor's write of `data`. */
  visibleAfter: (before: Doc, data: Data) => boolean
}

const releaseVisible = (before: Doc, data: Data) => {
  const after = { ...before, ...data }
  if (after._status === 'published' && !after.publishedAt) after.publishedAt = new Date().toISOString()
  const t = Date.now()
  return (
    after._status === 'published' &&
    Date.parse(after.publishedAt as string) <= t &&
    (!after.embargoUntil || Date.parse(after.embargoUntil as string) <= t)
  )
}

const text = (value: string): Change => ({ data: () => ({ [value.split('=')[0]]: value.split('=')[1] }) })

/** Quotes, milestones and events: published in every starting state but the draft. */
const statusOf = (state: State) => (state === 'draft' ? 'draft' : 'published')

/** The release a quote or milestone starts in: none for its draft, the public control, or the embargoed one. */
const releaseOfState = (state: State) =>
  state === 'of a hidden release' ? refs.hidden : state === 'public' ? refs.control : null

/** Tying a quote or milestone to no release, the embargoed one and the public one. */
const releaseChanges = (field: string): Record<string, Change> => ({
  [`${field} (none)`]: { data: () => ({ [field]: null }) },
  [`${field} (an embargoed release)`]: { data: () => ({ [field]: refs.hidden }) },
  [`${field} (a public release)`]: { data: () => ({ [field]: refs.control }) },
})

/** What every reviewed collection's document may be asked besides its own fields: slug and status. */
const reviewedChanges: Record<string, Change> = {
  slug: { data: () => ({ slug: `moved-${Math.random().toString(36).slice(2, 8)}` }) },
  'status: unpublish': { data: () => ({ _status: 'draft' }) },
  'status: publish': { data: () => ({ _status: 'published' }) },
}

/**
 * The visibility rule for quotes and milestones: published, and belonging to no release or a
 * public one (refs.control is the only public release the changes name).
 */
const derivedVisible = (field: string) => (before: Doc, data: Data) => {
  const after = { ...before, ...data }
  const release = after[field] ?? null
  return after._status === 'published' && (release === null || release === refs.control)
}

const ENTRIES: Entry[] = [
  {
    slug: 'press-releases',
    gql: ['updatePressRelease', 'mutationPressReleaseUpdateInput'],
    states: STATES,
    writers: ['contributor', 'editor', 'admin'],
    make: (state) => releaseIn(state as ReleaseState),
    changes: {
      title: text(`title=${WORD} rewritten title`),
      subtitle: text('subtitle=An unreviewed subtitle'),
      summary: text('summary=An unreviewed summary.'),
      dateline: text('dateline=NOWHERE, Conn.'),
      body: { data: () => ({ body: richText(`${WORD} unreviewed body.`) }) },
      footnotes: { data: () => ({ footnotes: [{ marker: '*', text: 'An unreviewed footnote.' }] }) },
      heroImage: { data: () => ({ heroImage: refs.image }) },
      assets: { data: () => ({ assets: [{ file: refs.image, title: 'Unreviewed asset' }] }) },
      partners: { data: () => ({ partners: [refs.partner2] }) },
      topics: { data: () => ({ topics: [refs.topic2] }) },
      quotes: { data: () => ({ quotes: [refs.quote] }) },
      relatedReleases: { data: () => ({ relatedReleases: [refs.control] }) },
      mediaContacts: { data: () => ({ mediaContacts: [{ name: 'Unreviewed Contact', email: 'press@example.org' }] }) },
      source: { data: () => ({ source: { distributor: 'Unreviewed Wire' } }) },
      meta: { data: () => ({ meta: { title: 'Unreviewed SEO title', description: 'Unreviewed.' } }) },
      datePrecision: { data: () => ({ datePrecision: 'month', dateSource: 'An unreviewed source' }) },
      'publishedAt (past)': { data: () => ({ publishedAt: past(48 * 3600_000) }) },
      'publishedAt (future)': { data: () => ({ publishedAt: future(30 * 24 * 3600_000) }) },
      'embargoUntil (lifted)': { data: () => ({ embargoUntil: null }) },
      'embargoUntil (future)': { data: () => ({ embargoUntil: future(7 * 24 * 3600_000) }) },
      'embargo lifted and dated in the past': {
        data: () => ({ embargoUntil: null, publishedAt: past(48 * 3600_000) }),
      },
      slug: { data: () => ({ slug: `moved-${Math.random().toString(36).slice(2, 8)}` }) },
      'status: unpublish': { data: () => ({ _status: 'draft' }) },
      'status: publish': { data: () => ({ _status: 'published' }) },
    },
    visibleAfter: releaseVisible,
  },
  {
    slug: 'partners',
    gql: ['updatePartner', 'mutationPartnerUpdateInput'],
    // Partners have no drafts: always public.
    states: ['public'],
    writers: ['admin'],
    make: async () =>
      (
        await payload.create({
          collection: 'partners',
          data: { name: `${WORD} partner under test`, kind: 'health-system' },
          ...o,
        })
      ).id as number,
    changes: {
      name: text(`name=${WORD} renamed partner`),
      shortName: text('shortName=RNM'),
      kind: { data: () => ({ kind: 'coalition' }) },
      location: text('location=Nowhere, CT'),
      summary: text('summary=An unreviewed partner summary.'),
      about: { data: () => ({ about: richText('Unreviewed boilerplate.') }) },
      logo: { data: () => ({ logo: refs.image }) },
      keyFacts: { data: () => ({ keyFacts: [{ label: 'Colleagues', value: '1' }] }) },
      slug: { data: () => ({ slug: `partner-moved-${Math.random().toString(36).slice(2, 8)}` }) },
    },
    visibleAfter: () => true,
  },
  {
    slug: 'media',
    gql: ['updateMedia', 'mutationMediaUpdateInput'],
    // An image is public while a public document uses it: the state is that of the release using it.
    states: STATES,
    writers: ['contributor', 'editor', 'admin'],
    make: async (state) => {
      const image = await upload(`${WORD} image of a ${state} release`)
      await releaseIn(state as ReleaseState, { heroImage: image })
      return image
    },
    changes: {
      alt: text(`alt=${WORD} unreviewed alt text`),
      caption: text('caption=An unreviewed caption.'),
      credit: text('credit=Unreviewed Photographer'),
    },
    visibleAfter: (before) => before.__visible === true,
  },
  {
    slug: 'quotes',
    gql: ['updateQuote', 'mutationQuoteUpdateInput'],
    states: DERIVED_STATES,
    writers: ['contributor', 'editor', 'admin'],
    make: async (state) =>
      (
        await payload.create({
          collection: 'quotes',
          data: {
            text: `${WORD} quote, ${state}.`,
            speakerName: 'A Speaker',
            release: releaseOfState(state),
            _status: statusOf(state),
          } as never,
          ...o,
        })
      ).id as number,
    changes: {
      text: text(`text=${WORD} unreviewed quote.`),
      speakerName: text('speakerName=Somebody Else'),
      speakerTitle: text('speakerTitle=Unreviewed Title'),
      ...releaseChanges('release'),
      partner: { data: () => ({ partner: refs.partner2 }) },
      topics: { data: () => ({ topics: [refs.topic2] }) },
      date: { data: () => ({ date: '2024-03-05T12:00:00.000Z' }) },
      ...reviewedChanges,
    },
    visibleAfter: derivedVisible('release'),
  },
  {
    slug: 'milestones',
    gql: ['updateMilestone', 'mutationMilestoneUpdateInput'],
    states: DERIVED_STATES,
    writers: ['contributor', 'editor', 'admin'],
    make: async (state) =>
      (
        await payload.create({
          collection: 'milestones',
          data: {
            title: `${WORD} milestone, ${state}`,
            date: '2025-06-02T12:00:00.000Z',
            kind: 'other',
            announcedIn: releaseOfState(state),
            _status: statusOf(state),
          } as never,
          ...o,
        })
      ).id as number,
    changes: {
      title: text(`title=${WORD} unreviewed milestone`),
      summary: text('summary=Unreviewed.'),
      ...releaseChanges('announcedIn'),
      date: { data: () => ({ date: '2024-03-05T12:00:00.000Z' }) },
      isFirst: { data: () => ({ isFirst: true }) },
      partners: { data: () => ({ partners: [refs.partner2] }) },
      ...reviewedChanges,
    },
    visibleAfter: derivedVisible('announcedIn'),
  },
  {
    slug: 'events',
    gql: ['updateEvent', 'mutationEventUpdateInput'],
    states: ['draft', 'public'],
    writers: ['contributor', 'editor', 'admin'],
    make: async (state) =>
      (
        await payload.create({
          collection: 'events',
          data: {
            title: `${WORD} event, ${state}`,
            start: future(),
            timeZone: 'America/New_York',
            _status: statusOf(state),
          } as never,
          ...o,
        })
      ).id as number,
    changes: {
      title: text(`title=${WORD} unreviewed event`),
      summary: text('summary=Unreviewed.'),
      start: { data: () => ({ start: future(60 * 24 * 3600_000) }) },
      status: { data: () => ({ status: 'cancelled' }) },
      venue: { data: () => ({ venue: { name: 'Unreviewed Hall', city: 'Nowhere' } }) },
      hosts: { data: () => ({ hosts: [refs.partner2] }) },
      image: { data: () => ({ image: refs.image }) },
      ...reviewedChanges,
    },
    visibleAfter: (before, data) => ({ ...before, ...data })._status === 'published',
  },
]

const PUBLIC_COLLECTIONS = ['press-releases', 'quotes', 'partners', 'milestones', 'events', 'topics', 'media'] as const

const slugsOf = async (collection: 'press-releases' | 'partners' | 'topics') =>
  (await payload.find({ collection, limit: 500, depth: 0, select: { slug: true }, ...o })).docs.map(
    (d) => (d as { slug: string }).slug,
  )
/** Every slug in the database once the fixtures exist, public or not: the pages and feeds a snapshot reads. */
const slugs = { releases: [] as string[], partners: [] as string[], topics: [] as string[] }

/** Every anonymous surface, as strings by surface name. */
const snapshot = async (): Promise<Record<string, string>> => {
  const { dropPublicCaches } = await import('@/cache/publicCache')
  dropPublicCaches()
  const data = await import('@/data/newsroom')
  const topicsData = await import('@/data/topics')
  const { buildReleaseFeed } = await import('@/feeds/releaseFeed')
  const { buildMilestonesFeed } = await import('@/feeds/milestonesFeed')
  const { buildEventsCalendar } = await import('@/feeds/eventsCalendar')
  const { searchPublic } = await import('@/search')
  const { buildSitemap } = await import('@/seo/sitemap')
  const { releases: releaseSlugs, partners: partnerSlugs, topics: topicSlugs } = slugs
  const ids: [string, number][] = Object.entries(targets).flatMap(([collection, byState]) =>
    Object.values(byState).map((id) => [collection, id as number] as [string, number]),
  )
  const surfaces: Record<string, () => Promise<unknown>> = {}
  for (const c of PUBLIC_COLLECTIONS)
    surfaces[`REST /api/${c}`] = () => anonymous.rest('GET', `/api/${c}?depth=1&limit=200&sort=id`)
  for (const [c, id] of ids) surfaces[`REST /api/${c}/${id}`] = () => anonymous.rest('GET', `/api/${c}/${id}?depth=1`)
  surfaces.GraphQL = () =>
    anonymous.graphql(`{
      PressReleases(limit: 200, sort: "id") { docs { id title subtitle summary slug publishedAt embargoUntil updatedAt body
        partners { id name } topics { id name } quotes { id text } heroImage { id alt url } } }
      Quotes(limit: 200, sort: "id") { docs { id text speakerName updatedAt } }
      Partners(limit: 200, sort: "id") { docs { id name slug summary updatedAt logo { id alt } } }
      Milestones(limit: 200, sort: "id") { docs { id title date updatedAt } }
      Events(limit: 200, sort: "id") { docs { id title start status updatedAt } }
      allMedia(limit: 200, sort: "id") { docs { id alt caption credit url updatedAt } }
    }`)
  surfaces['data: latest'] = () => data.latestReleases()
  surfaces['data: archive'] = () => data.archive({ page: 1 })
  surfaces['data: years'] = () => data.releaseYears()
  surfaces['data: partners'] = () => data.allPartners()
  surfaces['data: topics'] = () => topicsData.topicsWithCounts()
  surfaces['data: timeline'] = () => data.timeline()
  surfaces['data: events'] = () => data.allEvents()
  surfaces['data: sitemap entries'] = () => data.sitemapEntries()
  // Every slug a document had when the fixtures were made, public or not.
  for (const slug of releaseSlugs) surfaces[`data: /news/${slug}`] = () => data.releaseBySlug(slug)
  for (const slug of partnerSlugs) surfaces[`data: /partners/${slug}`] = () => data.partnerBySlug(slug)
  for (const slug of topicSlugs) surfaces[`data: /topics/${slug}`] = () => topicsData.topicBySlug(slug)
  for (const format of ['rss', 'atom', 'json'] as const)
    surfaces[`feed ${format}`] = () => buildReleaseFeed({ kind: 'site' }, format, 1)
  for (const slug of partnerSlugs)
    surfaces[`feed partner ${slug}`] = () => buildReleaseFeed({ kind: 'partner', slug }, 'json', 1)
  for (const slug of topicSlugs)
    surfaces[`feed topic ${slug}`] = () => buildReleaseFeed({ kind: 'topic', slug }, 'json', 1)
  surfaces['feed milestones'] = () => buildMilestonesFeed(1)
  surfaces['feed events.ics'] = () => buildEventsCalendar()
  surfaces.search = () => searchPublic(WORD)
  surfaces['search (changed words)'] = () => searchPublic('unreviewed')
  surfaces.sitemap = () => buildSitemap()
  const entries = await Promise.all(
    Object.entries(surfaces).map(async ([name, read]) => [name, JSON.stringify(await read())] as const),
  )
  return Object.fromEntries(entries)
}

/** The surfaces whose answers differ (a missing surface counts). */
const differences = (before: Record<string, string>, after: Record<string, string>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k])

/** Writes `data` to one document as `role` over `api`; says whether the write was accepted. */
const write = async (
  role: Role,
  api: ApiName,
  entry: Entry,
  id: number,
  data: Data,
  gqlData = data,
): Promise<boolean> => {
  if (api === 'local') {
    try {
      await payload.update({ collection: entry.slug, id, data, ...as(n.users[role]) } as never)
      return true
    } catch {
      return false
    }
  }
  if (api === 'rest') {
    const res = await apis[role].rest('PATCH', `/api/${entry.slug}/${id}`, data)
    return res.status < 300
  }
  const [mutation, input] = entry.gql
  const res = await apis[role].graphql(
    `mutation($id: Int!, $data: ${input}!) { ${mutation}(id: $id, data: $data) { id } }`,
    { id, data: gqlData },
  )
  return !res.errors?.length
}

/** The document as staff see it (its published row), and as a restore writes it back. */
const liveRow = async (entry: Entry, id: number) =>
  (await payload.db.findOne({ collection: entry.slug, where: { id: { equals: id } } })) as Doc

/** Puts back every field any change of the entry writes (status, dates, slug, words, relationships). */
const restore = async (entry: Entry, id: number, row: Doc) => {
  const keys = new Set(Object.values(entry.changes).flatMap((c) => Object.keys(c.data())))
  if ('_status' in row) keys.add('_status')
  const data = Object.fromEntries([...keys].map((k) => [k, row[k] ?? null]))
  await payload.update({ collection: entry.slug, id, data, context: { seeding: true }, ...o } as never)
  // A release's "quotes" change claims the standalone quote for that release (derived content
  // follows its release, src/workflow/claimDerived.ts): it is set free again for the next cell.
  if (entry.slug === 'press-releases') {
    await payload.update({ collection: 'quotes', id: refs.quote, data: { release: null }, ...o } as never)
  }
}

const anonymousDoc = async (entry: Entry, id: number) => {
  const res = await anonymous.rest('GET', `/api/${entry.slug}/${id}?depth=0`)
  return res.status === 200 ? (res.body as Doc) : null
}

const anonymousOthers = async (entry: Entry, id: number) => {
  const res = await anonymous.rest('GET', `/api/${entry.slug}?depth=0&limit=500&sort=id&where[id][not_equals]=${id}`)
  return JSON.stringify(res.body.docs)
}

/**
 * Fields that follow from a change (the slug's history, the file's sizes, a quote's label, an
 * event's calendar revision), not part of what was sent.
 */
const DERIVED = new Set([
  'updatedAt',
  'previousSlugs',
  'reviewStatus',
  'datePrecision',
  'dateSource',
  'searchText',
  'bodyMedia',
  'label',
  'sequence',
])

/** `sent` as readers see it at depth 0: a relationship as its id, a group or array by its own keys. */
const expectSeen = (seen: unknown, sent: unknown, field: string) => {
  if (sent === null) expect(seen ?? null, field).toBeNull()
  else if (typeof sent === 'object') expect(seen, field).toMatchObject(sent as object)
  else expect(seen, field).toEqual(sent)
}

beforeAll(async () => {
  n = await startTestNewsroom()
  payload = n.payload
  refs.partner = (
    await payload.create({ collection: 'partners', data: { name: `${WORD} partner`, kind: 'coalition' }, ...o })
  ).id
  refs.partner2 = (
    await payload.create({ collection: 'partners', data: { name: 'Second partner', kind: 'other' }, ...o })
  ).id
  refs.topic = (await payload.create({ collection: 'topics', data: { name: `${WORD} topic` }, ...o })).id
  refs.topic2 = (await payload.create({ collection: 'topics', data: { name: 'Second topic' }, ...o })).id
  refs.quote = (
    await payload.create({
      collection: 'quotes',
      data: { text: 'A standalone public quote.', speakerName: 'Someone', _status: 'published' } as never,
      ...o,
    })
  ).id
  refs.image = await upload('An image nothing uses yet')
  refs.control = await releaseIn('public')
  refs.hidden = await releaseIn('embargoed')
  // A public milestone and event, so their feeds carry dates of their own (an empty one is dated now).
  await payload.create({
    collection: 'milestones',
    data: { title: `${WORD} standing milestone`, date: past(), kind: 'other', _status: 'published' } as never,
    ...o,
  })
  await payload.create({
    collection: 'events',
    data: {
      title: `${WORD} standing event`,
      start: future(),
      timeZone: 'America/New_York',
      _status: 'published',
    } as never,
    ...o,
  })
  for (const entry of ENTRIES) {
    targets[entry.slug] = {}
    for (const state of entry.states) targets[entry.slug][state] = await entry.make(state)
  }
  slugs.releases = await slugsOf('press-releases')
  slugs.partners = await slugsOf('partners')
  slugs.topics = await slugsOf('topics')
  anonymous = await apiAs(payload, null)
  for (const role of ROLES) apis[role] = await apiAs(payload, n.users[role])
}, 180_000)
afterAll(async () => n?.close())

describe('the snapshot', () => {
  it('is stable when nothing is written, and holds the public control and no hidden document', async () => {
    const first = await snapshot()
    expect(differences(first, await snapshot())).toEqual([])
    const releases = JSON.parse(first['REST /api/press-releases']).body.docs as Doc[]
    expect(releases.map((d) => d.id)).toContain(refs.control)
    expect(releases.map((d) => d.id)).toContain(targets['press-releases'].public)
    for (const state of ['draft', 'scheduled', 'embargoed', 'unpublished'] as const)
      expect(releases.map((d) => d.id)).not.toContain(targets['press-releases'][state])
  })
})

for (const entry of ENTRIES) {
  describe(entry.slug, () => {
    for (const state of entry.states) {
      describe(`starting ${state}`, () => {
        let baseline: Record<string, string>
        let row: Doc
        const id = () => targets[entry.slug][state]!

        beforeAll(async () => {
          row = await liveRow(entry, id())
          baseline = await snapshot()
        }, 60_000)

        for (const [name, change] of Object.entries(entry.changes)) {
          it(`contributor: ${name}, over the local API, REST and GraphQL, changes no anonymous answer`, async () => {
            const writeOver = async (api: ApiName) => {
              const data = change.data()
              await write('contributor', api, entry, id(), data, change.gql?.() ?? data)
            }
            // One snapshot after all three writes (a contributor cannot undo a leak, so none can
            // hide another); when something changed, each API is replayed alone to name it.
            for (const api of APIS) await writeOver(api)
            if (!differences(baseline, await snapshot()).length) return
            const leaks: Record<string, string[]> = {}
            for (const api of APIS) {
              await restore(entry, id(), row)
              baseline = await snapshot()
              await writeOver(api)
              const changed = differences(baseline, await snapshot())
              if (changed.length) leaks[api] = changed
            }
            await restore(entry, id(), row)
            baseline = await snapshot()
            expect(leaks, 'anonymous surfaces changed by the contributor, by API').toEqual({})
          })
        }

        describe('editors and admins', () => {
          // Start from the document as it was before the contributors' drafts.
          beforeAll(() => restore(entry, id(), row), 60_000)
          for (const role of ['editor', 'admin'] as const) {
            for (const [name, change] of Object.entries(entry.changes)) {
              it(`${role}: ${name}, over the local API, REST and GraphQL, is the intended change and only it`, async () => {
                // The previous cell left the document restored; each API after the first starts from it again.
                for (const [i, api] of APIS.entries()) {
                  if (i > 0) await restore(entry, id(), row)
                  const before = await anonymousDoc(entry, id())
                  const others = await anonymousOthers(entry, id())
                  const data = change.data()
                  const accepted = await write(role, api, entry, id(), data, change.gql?.() ?? data)
                  const after = await anonymousDoc(entry, id())
                  expect(await anonymousOthers(entry, id()), `${api}: other ${entry.slug} changed`).toBe(others)
                  if (!entry.writers.includes(role)) {
                    expect(accepted, `${api}: a ${role} may not write ${entry.slug}`).toBe(false)
                    expect(after, `${api}: refused, yet the document changed`).toEqual(before)
                    continue
                  }
                  expect(accepted, `${api}: the ${role}'s write was refused`).toBe(true)
                  const visible = entry.visibleAfter({ ...row, __visible: before !== null }, data)
                  expect(after !== null, `${api}: visible to anonymous readers afterwards`).toBe(visible)
                  if (!after) continue
                  for (const [field, value] of Object.entries(data)) {
                    if (field === '_status' || field === 'slug') continue
                    expectSeen(after[field], value, `${api}: ${field}`)
                  }
                  if (before) {
                    const unchanged = (doc: Doc) =>
                      Object.fromEntries(Object.entries(doc).filter(([k]) => !(k in data) && !DERIVED.has(k)))
                    expect(unchanged(after), `${api}: fields that were not sent changed`).toEqual(unchanged(before))
                  }
                }
                await restore(entry, id(), row)
              })
            }
          }
        })
      })
    }
  })
}
