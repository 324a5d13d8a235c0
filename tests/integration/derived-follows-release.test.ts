/**
 * Derived content follows its release (src/access/visibility.ts, src/workflow/claimDerived.ts):
 * a quote chosen or created from within an embargoed release ("Quotes used") belongs to it, so
 * it is hidden on every surface (REST, GraphQL, the local API, search, the partner page) until
 * the embargo lifts, then public. A contributor's choice never hides a quote that is public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease, Quote } from '@/payload-types'

import { past, releaseData } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
let anonymous: Api
let release: PressRelease
let embargoUntil: string
let partnerSlug: string
let partnerId: number
const quotes: Record<'editors' | 'contributors' | 'standalone', Quote['id']> = {
  editors: 0,
  contributors: 0,
  standalone: 0,
}
const WORDS = { editors: 'zinnia', contributors: 'hollyhock', standalone: 'foxglove' } as const

const EMBARGO_MS = 15_000

beforeAll(async () => {
  n = await startTestNewsroom()
  anonymous = await apiAs(n.payload, null)
  const partner = await n.payload.create({
    collection: 'partners',
    data: { name: 'Example Health', kind: 'cancer-center' } as never,
    overrideAccess: true,
  })
  partnerId = partner.id
  partnerSlug = partner.slug!
  embargoUntil = new Date(Date.now() + EMBARGO_MS).toISOString()
  release = await n.payload.create({
    collection: 'press-releases',
    data: releaseData({ _status: 'published', publishedAt: past(), embargoUntil, partners: [partnerId] }),
    ...as(n.users.editor),
  })
  const quote = (words: string) => ({
    text: `A ${words} of a partnership.`,
    speakerName: 'Dana Reyes',
    provenance: 'verbatim' as const,
    partner: partnerId,
  })

  // A public quote of its own, before any release chose it.
  quotes.standalone = (
    await n.payload.create({
      collection: 'quotes',
      data: { ...quote(WORDS.standalone), _status: 'published' },
      ...as(n.users.editor),
    })
  ).id
  // An editor makes a quote in the release's drawer and publishes it there; the release form
  // then autosaves with it in "Quotes used".
  quotes.editors = (
    await n.payload.create({
      collection: 'quotes',
      data: { ...quote(WORDS.editors), _status: 'published' },
      ...as(n.users.editor),
    })
  ).id
  await n.payload.update({
    collection: 'press-releases',
    id: release.id,
    data: { quotes: [quotes.editors] },
    draft: true,
    ...as(n.users.editor),
  })
  // A contributor does the same: their quote is a draft, and so is their save of the release,
  // where they also choose the public standalone quote.
  const contributor = await apiAs(n.payload, n.users.contributor)
  const made = await contributor.rest('POST', '/api/quotes', quote(WORDS.contributors))
  quotes.contributors = (made.body.doc as Quote).id
  const saved = await contributor.rest('PATCH', `/api/press-releases/${release.id}?draft=true&autosave=true`, {
    quotes: [quotes.editors, quotes.contributors, quotes.standalone],
  })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  // The editor reviews the contributor's quote and publishes it, before the embargo lifts.
  await n.payload.update({
    collection: 'quotes',
    id: quotes.contributors,
    data: { _status: 'published' },
    ...as(n.users.editor),
  })
})
afterAll(async () => n?.close())

/** Which of our quotes each public surface shows. */
const visibleEverywhere = async () => {
  const ours = new Map(Object.entries(quotes).map(([k, id]) => [String(id), k]))
  const names = (ids: unknown[]) =>
    ids
      .map((id) => ours.get(String(id)))
      .filter(Boolean)
      .sort()
  const local = await n.payload.find({ collection: 'quotes', depth: 0, limit: 100, ...as(null) })
  const rest = await anonymous.rest('GET', '/api/quotes?depth=0&limit=100')
  const gql = (await anonymous.graphql('{ Quotes(limit: 100) { docs { id } } }')) as {
    data?: { Quotes?: { docs: { id: number }[] } }
  }
  const { searchPublic } = await import('@/search')
  const searched = await Promise.all(Object.values(WORDS).map((w) => searchPublic(w)))
  const { partnerBySlug } = await import('@/data/newsroom')
  const page = await partnerBySlug(partnerSlug)
  return {
    local: names(local.docs.map((d) => d.id)),
    rest: names((rest.body.docs as { id: number }[]).map((d) => d.id)),
    graphql: names((gql.data?.Quotes?.docs ?? []).map((d) => d.id)),
    search: names(searched.flatMap((s) => s.quotes.map((h) => h.doc.id))),
    partnerPage: names((page?.quotes ?? []).map((q) => q.id)),
  }
}

const everySurface = (names: string[]) => ({
  local: names,
  rest: names,
  graphql: names,
  search: names,
  partnerPage: names,
})

describe('a quote chosen in an embargoed release', () => {
  it('belongs to that release, unless it was public before a contributor chose it', async () => {
    const read = (id: Quote['id']) => n.payload.findByID({ collection: 'quotes', id, depth: 0, ...as(n.users.editor) })
    expect((await read(quotes.editors)).release).toBe(release.id)
    expect((await read(quotes.contributors)).release).toBe(release.id)
    expect((await read(quotes.standalone)).release ?? null).toBeNull()
  })

  it('is hidden on every surface until the embargo lifts, then public', async () => {
    expect(Date.now()).toBeLessThan(Date.parse(embargoUntil))
    expect(await visibleEverywhere()).toEqual(everySurface(['standalone']))

    await new Promise((resolve) => setTimeout(resolve, Date.parse(embargoUntil) - Date.now() + 100))
    expect(await visibleEverywhere()).toEqual(everySurface(['contributors', 'editors', 'standalone']))
  })
})
