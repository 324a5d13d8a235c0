/**
 * TRUST.md property 3, noninterference: for any anonymous query, over REST or GraphQL, with any
 * `where`, `sort`, `select` and `depth`, the answer with hidden documents present is the answer
 * after deleting them. Hidden releases in every state (draft, scheduled, embargoed, unpublished),
 * their quotes, milestones and media, are linked from public documents (related releases, quotes
 * used, a newer draft of a public release) and link back to them. A seeded generator builds a few
 * hundred queries over every field and relationship path of every collection the public can
 * list; each runs before and after the hidden documents are deleted, and must answer the same,
 * refusals (400) included. A failure prints the query and both answers.
 */
import type { FlattenedField, Payload } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { future, HOUR, past, PNG_1x1, releaseData, richText } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SEED = 20261203
const REST_QUERIES = 220
const GRAPHQL_QUERIES = 120

/** mulberry32: the same queries on every run, so a failure can be replayed. */
const generator = (seed: number) => {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]
  return { next, pick, chance: (p: number) => next() < p }
}

let n: TestNewsroom
let anonymous: Api
const hidden: { collection: 'press-releases' | 'quotes' | 'milestones' | 'media'; id: number }[] = []
const ids: Record<string, number> = {}

const SECRET = 'Zanzibar merger'

beforeAll(async () => {
  n = await startTestNewsroom()
  const { payload } = n
  const create = async (
    key: string,
    collection: 'press-releases' | 'quotes' | 'milestones' | 'partners' | 'topics' | 'events' | 'media',
    data: Record<string, unknown>,
    options: { draft?: boolean; hide?: boolean } = {},
  ) => {
    // Quotes, milestones and events have drafts: these are published unless the data says otherwise.
    const reviewed = collection === 'quotes' || collection === 'milestones' || collection === 'events'
    const doc = await payload.create({
      collection,
      data: (reviewed && !options.draft ? { _status: 'published', ...data } : data) as never,
      draft: options.draft,
      overrideAccess: true,
      ...(collection === 'media'
        ? { file: { data: PNG_1x1, mimetype: 'image/png', name: `${key}.png`, size: PNG_1x1.length } }
        : {}),
    })
    ids[key] = doc.id as number
    if (options.hide) hidden.push({ collection: collection as 'press-releases', id: doc.id as number })
    return doc.id as number
  }
  await create('partner', 'partners', { name: 'Hartford HealthCare', kind: 'health-system' })
  await create('topic', 'topics', { name: 'Research' })
  await create('publicImage', 'media', { alt: 'Public image' })
  await create('sharedImage', 'media', { alt: 'Shared image' })
  await create('secretImage', 'media', { alt: `${SECRET} image` }, { hide: true })
  await create('event', 'events', {
    title: 'Open day',
    start: past(),
    description: richText('An event.'),
    hosts: [ids.partner],
  })

  const secret = (key: string, extra: Record<string, unknown>, draft = false) =>
    create(
      key,
      'press-releases',
      releaseData({
        title: `${SECRET} ${key}`,
        summary: `${SECRET}: the ${key} summary.`,
        body: richText(`The ${SECRET} ${key} body.`),
        heroImage: ids.secretImage,
        partners: [ids.partner],
        topics: [ids.topic],
        ...extra,
      }),
      { draft, hide: true },
    )
  await secret('draft', { _status: 'draft' }, true)
  await secret('scheduled', { _status: 'published', publishedAt: future() })
  await secret('embargoed', { _status: 'published', publishedAt: past(), embargoUntil: future(3 * HOUR) })
  await secret('unpublished', { _status: 'published', publishedAt: past() })
  await payload.update({
    collection: 'press-releases',
    id: ids.unpublished,
    data: { _status: 'draft' },
    overrideAccess: true,
  })
  const secrets = [ids.draft, ids.scheduled, ids.embargoed, ids.unpublished]

  await create(
    'secretQuote',
    'quotes',
    { text: `${SECRET} is near.`, speakerName: 'Ann Secret', release: ids.embargoed },
    { hide: true },
  )
  await create(
    'secretMilestone',
    'milestones',
    {
      title: `${SECRET} milestone`,
      date: '2026-01-01',
      kind: 'agreement',
      announcedIn: ids.scheduled,
    },
    { hide: true },
  )

  const publicRelease = (key: string, extra: Record<string, unknown>) =>
    create(
      key,
      'press-releases',
      releaseData({
        title: `Public ${key}`,
        _status: 'published',
        publishedAt: past(2 * HOUR),
        partners: [ids.partner],
        topics: [ids.topic],
        ...extra,
      }),
    )
  await publicRelease('older', { heroImage: ids.sharedImage, publishedAt: past(5 * HOUR) })
  await create('publicQuote', 'quotes', {
    text: 'Care comes first.',
    speakerName: 'Bo Public',
    release: ids.older,
    partner: ids.partner,
  })
  await create('looseQuote', 'quotes', { text: 'No release needed.', speakerName: 'Cy Loose' })
  await create('publicMilestone', 'milestones', {
    title: 'First member',
    date: '2025-05-01',
    kind: 'agreement',
    announcedIn: ids.older,
    partners: [ids.partner],
  })
  await publicRelease('linking', {
    heroImage: ids.publicImage,
    relatedReleases: [secrets[0], ids.older, secrets[1], secrets[2], secrets[3]],
    quotes: [ids.secretQuote, ids.publicQuote, ids.looseQuote],
    assets: [{ file: ids.publicImage, title: 'Photo' }],
  })
  await publicRelease('embargoLifted', { embargoUntil: past(HOUR), relatedReleases: [ids.linking, secrets[2]] })
  // A public release whose newer draft links hidden ones: the public reads the published version.
  await payload.update({
    collection: 'press-releases',
    id: ids.embargoLifted,
    data: { relatedReleases: secrets, quotes: [ids.secretQuote], summary: `${SECRET} draft words.` },
    draft: true,
    overrideAccess: true,
  })
  // Hidden releases link public ones and share their image.
  for (const id of secrets) {
    await payload.update({
      collection: 'press-releases',
      id,
      data: {
        relatedReleases: [ids.linking, ids.older],
        quotes: [ids.publicQuote, ids.secretQuote],
        heroImage: ids.sharedImage,
      },
      draft: id === ids.draft || id === ids.unpublished,
      overrideAccess: true,
    })
  }
  // Through the cache of anonymous reads: each query is asked again and answered from memory.
  anonymous = await apiAs(payload, null, { cached: true })
}, 120_000)
afterAll(async () => n?.close())

/** Query paths through `fields`, following relationships up to `hops` times. */
const pathsOf = (
  payload: Payload,
  fields: FlattenedField[],
  hops: number,
  prefix = '',
): { path: string; field: FlattenedField }[] =>
  fields.flatMap((field) => {
    if (!('name' in field) || !field.name) return []
    const path = `${prefix}${field.name}`
    const here = [{ path, field }]
    if (field.type === 'relationship' || field.type === 'upload' || field.type === 'join') {
      const target = field.type === 'join' ? field.collection : field.relationTo
      if (typeof target !== 'string' || hops === 0) return here
      const related = (payload.collections as Record<string, { config: { flattenedFields: FlattenedField[] } }>)[target]
      return [...here, ...pathsOf(payload, related.config.flattenedFields, hops - 1, `${path}.`)]
    }
    if ('flattenedFields' in field) {
      return [...here, ...pathsOf(payload, field.flattenedFields, hops, `${path}.`)]
    }
    return here
  })

const PUBLIC_COLLECTIONS = ['press-releases', 'quotes', 'milestones', 'partners', 'events', 'topics', 'media'] as const

type Rng = ReturnType<typeof generator>

const valuesFor = (rng: Rng, field: FlattenedField): [string, unknown] => {
  const hiddenIds = () => hidden.map((h) => h.id)
  const words = ['Zanzibar', SECRET, 'Public', 'draft', 'published', 'Care', 'e', '%', 'Ann']
  const dates = [past(), future(), future(2 * HOUR), past(3 * HOUR), new Date().toISOString()]
  switch (field.type) {
    case 'relationship':
    case 'upload':
    case 'join':
      return rng.pick([
        ['equals', rng.pick(hiddenIds())],
        ['in', hiddenIds().slice(0, 3).join(',')],
        ['exists', rng.pick(['true', 'false'])],
        ['not_equals', rng.pick(Object.values(ids))],
        ['contains', { title: { like: rng.pick(words) } }],
        ['contains', { _status: { equals: 'draft' } }],
      ] as [string, unknown][])
    case 'date':
      return [rng.pick(['greater_than', 'less_than', 'greater_than_equal', 'exists']), rng.pick(dates)]
    case 'number':
      return [rng.pick(['equals', 'greater_than', 'less_than']), String(rng.pick(Object.values(ids)))]
    case 'checkbox':
      return ['equals', rng.pick(['true', 'false'])]
    case 'select':
    case 'radio':
      return [rng.pick(['equals', 'not_equals']), rng.pick(['draft', 'published', 'agreement', 'health-system'])]
    default:
      return [rng.pick(['like', 'contains', 'equals', 'not_like', 'exists']), rng.pick(words)]
  }
}

type Query = { label: string; run: () => Promise<unknown> }

const restQueries = (payload: Payload, rng: Rng): Query[] => {
  const queries: Query[] = []
  const byCollection = Object.fromEntries(
    PUBLIC_COLLECTIONS.map((slug) => [slug, pathsOf(payload, payload.collections[slug].config.flattenedFields, 2)]),
  )
  for (let i = 0; i < REST_QUERIES; i++) {
    const slug = PUBLIC_COLLECTIONS[i % PUBLIC_COLLECTIONS.length]
    const paths = byCollection[slug]
    const params: Record<string, unknown> = { depth: rng.pick([0, 0, 1, 1, 2, 3]), limit: rng.pick([5, 20, 100]) }
    // Half the filters on a collection's own fields, half through its relationships.
    const own = paths.filter((p) => !p.path.includes('.'))
    if (rng.chance(0.85)) {
      const { path, field } = rng.pick(rng.chance(0.5) ? own : paths)
      const [operator, value] = valuesFor(rng, field)
      params.where = rng.chance(0.2)
        ? { or: [{ [path]: { [operator]: value } }, { id: { equals: rng.pick(Object.values(ids)) } }] }
        : { [path]: { [operator]: value } }
    }
    if (rng.chance(0.5)) params.sort = `${rng.chance(0.5) ? '-' : ''}${rng.pick(rng.chance(0.5) ? own : paths).path}`
    if (rng.chance(0.3)) {
      const top = payload.collections[slug].config.flattenedFields.filter((f) => 'name' in f)
      params.select = Object.fromEntries([rng.pick(top), rng.pick(top)].map((f) => [f.name, true]))
    }
    const url = `/api/${slug}?${stringify(params, { addQueryPrefix: false })}`
    queries.push({ label: `GET ${decodeURIComponent(url)}`, run: () => anonymous.rest('GET', url) })
    if (i % 13 === 0) {
      const id = rng.pick(Object.values(ids))
      const one = `/api/${slug}/${id}?depth=${rng.pick([0, 1, 2])}`
      queries.push({ label: `GET ${one}`, run: () => anonymous.rest('GET', one) })
    }
  }
  return queries
}

const GRAPHQL_LISTS: Record<(typeof PUBLIC_COLLECTIONS)[number], string> = {
  'press-releases': 'PressReleases',
  quotes: 'Quotes',
  milestones: 'Milestones',
  partners: 'Partners',
  events: 'Events',
  topics: 'Topics',
  media: 'allMedia',
}

type GqlType = { name: string; kind: string; fields?: GqlField[]; inputFields?: GqlField[]; ofType?: GqlType | null }
type GqlField = { name: string; args?: { name: string; type: GqlType }[]; type: GqlType }

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }'
const named = (type: GqlType): GqlType => (type.ofType ? named(type.ofType) : type)

const graphqlQueries = async (payload: Payload, rng: Rng): Promise<Query[]> => {
  const schema = (await anonymous.graphql(
    `{ __schema { types { name kind fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } inputFields { name type { ${TYPE_REF} } } } } }`,
  )) as { data: { __schema: { types: GqlType[] } } }
  const types = new Map(schema.data.__schema.types.map((t) => [t.name, t]))
  const query = types.get('Query')!
  // The paginated list of every public collection.
  const lists = Object.entries(GRAPHQL_LISTS).map(([slug, name]) => ({
    slug,
    ...(query.fields ?? []).find((f) => f.name === name)!,
  }))
  const selection = (typeName: string, depth: number): string => {
    const type = types.get(typeName)
    const parts = (type?.fields ?? []).flatMap((field) => {
      if (field.args?.some((a) => a.type.kind === 'NON_NULL')) return []
      const inner = types.get(named(field.type).name)
      if (!inner || inner.kind === 'SCALAR' || inner.kind === 'ENUM') return [field.name]
      if (inner.kind !== 'OBJECT' || depth === 0 || !rng.chance(0.7)) return []
      const sub = selection(inner.name, depth - 1)
      return sub ? [`${field.name} { ${sub} }`] : []
    })
    return parts.join(' ')
  }
  const literal = (value: unknown): string => JSON.stringify(value)
  const queries: Query[] = []
  for (let i = 0; i < GRAPHQL_QUERIES; i++) {
    const list = lists[i % lists.length]
    const pageType = types.get(named(list.type).name)!
    const docType = named(pageType.fields!.find((f) => f.name === 'docs')!.type).name
    const whereType = types.get(named(list.args!.find((a) => a.name === 'where')!.type).name)
    const args: string[] = [`limit: ${rng.pick([5, 50])}`]
    const conditions = (whereType?.inputFields ?? []).filter((f) => !['AND', 'OR'].includes(f.name))
    if (rng.chance(0.85) && conditions.length) {
      const field = rng.pick(conditions)
      const operators = types.get(named(field.type).name)?.inputFields ?? []
      const operator = rng.pick(operators)
      const kind = named(operator.type)
      const value =
        kind.name === 'Boolean'
          ? rng.chance(0.5)
          : kind.name === 'DateTime'
            ? rng.pick([past(), future()])
            : kind.kind === 'ENUM'
              ? null
              : kind.name === 'Int' ||
                  kind.name === 'Float' ||
                  (kind.name === 'JSON' && !/like|contains/.test(operator.name))
                ? rng.pick(hidden.map((h) => h.id))
                : rng.pick(['Zanzibar', SECRET, 'draft', 'Public'])
      if (value !== null) args.push(`where: { ${field.name}: { ${operator.name}: ${literal(value)} } }`)
    }
    if (rng.chance(0.5)) {
      const paths = pathsOf(payload, payload.collections[list.slug as 'media'].config.flattenedFields, 1)
      args.push(`sort: ${literal(`${rng.chance(0.5) ? '-' : ''}${rng.pick(paths).path}`)}`)
    }
    const text = `{ ${list.name}(${args.join(', ')}) { totalDocs docs { ${selection(docType, rng.pick([1, 2, 3]))} } } }`
    queries.push({ label: `GraphQL ${text}`, run: () => anonymous.graphql(text) })
  }
  return queries
}

const answersOf = async (queries: Query[]) => {
  const answers: string[] = []
  for (const q of queries) answers.push(JSON.stringify(await q.run()))
  return answers
}

describe('noninterference', () => {
  it('every anonymous query answers the same with and without the hidden documents', async () => {
    const { payload } = n
    const rng = generator(SEED)
    const queries = [...restQueries(payload, rng), ...(await graphqlQueries(payload, rng))]
    expect(queries.length).toBeGreaterThan(300)

    const before = await answersOf(queries)
    // The same queries again come from the cache (src/cache/apiReads.ts), and answer the same.
    const reachedPayload = anonymous.handled()
    const repeated = await answersOf(queries)
    const fromMemory = queries.length - (anonymous.handled() - reachedPayload)
    expect(fromMemory, 'repeated answers from memory').toBeGreaterThan(60)
    const changedByCache = queries.flatMap((q, i) =>
      before[i] === repeated[i] ? [] : [`${q.label}\n  first:  ${before[i].slice(0, 600)}\n  cached: ${repeated[i]}`],
    )
    expect(changedByCache.slice(0, 5).join('\n\n'), 'cached answers differ').toBe('')

    // The world is really there: staff see the hidden links, the public sees the public ones.
    const staff = await apiAs(payload, n.users.editor)
    const linkingAsStaff = await staff.rest('GET', `/api/press-releases/${ids.linking}?depth=0`)
    expect(linkingAsStaff.body.relatedReleases).toHaveLength(5)
    const linkingAsAnonymous = await anonymous.rest('GET', `/api/press-releases/${ids.linking}?depth=0`)
    expect(linkingAsAnonymous.body.relatedReleases).toEqual([ids.older])
    expect(linkingAsAnonymous.body.quotes).toEqual([ids.publicQuote, ids.looseQuote])
    // Both kinds of answer occur often: documents found, and refusals.
    const found = before.filter((a) => /"docs":\[\{/.test(a) || /"status":200,"body":\{"id"/.test(a)).length
    const refused = before.filter((a) => a.includes('"status":400') || a.includes('cannot')).length
    expect(found, 'answers with documents').toBeGreaterThan(60)
    expect(refused, 'refusals').toBeGreaterThan(20)

    for (const { collection, id } of [...hidden].sort((a, b) => order(a.collection) - order(b.collection))) {
      await payload.delete({ collection, id, overrideAccess: true })
    }

    // The deletes dropped the cache: these are read again, then answered from memory once more.
    const after = await answersOf(queries)
    const afterRepeated = await answersOf(queries)
    const differences = queries.flatMap((q, i) =>
      before[i] === after[i] && after[i] === afterRepeated[i]
        ? []
        : [
            `${q.label}\n  with hidden:    ${before[i].slice(0, 600)}\n  without hidden: ${after[i].slice(0, 600)}\n  cached: ${afterRepeated[i].slice(0, 600)}`,
          ],
    )
    expect(differences.slice(0, 5).join('\n\n'), `${differences.length} of ${queries.length} answers differ`).toBe('')
  }, 120_000)
})

/** Quotes and milestones first (a release with quotes tied to it cannot be deleted), media last. */
const order = (collection: string) => ['quotes', 'milestones', 'press-releases', 'media'].indexOf(collection)
