/**
 * What anyone without a staff session may ask of the REST and GraphQL APIs, in one place, so
 * that no anonymous answer depends on a document the visibility rule hides (TRUST.md property 3,
 * noninterference). Collection read access (src/access/) already keeps hidden documents out of
 * every list; this module closes the two ways around it, for every collection at once:
 *
 * - **Answers.** A relationship value pointing at a hidden document (a public release's
 *   `relatedReleases` listing a draft, its `quotes` listing a quote of an embargoed release) is
 *   dropped from every answer, at every depth, over REST, GraphQL and the local API with
 *   `overrideAccess: false`: hasMany lists lose the entry, single values become null, exactly as
 *   if the hidden document had been deleted.
 * - **Questions.** `where`, `sort`, `joins` and `distinct` may follow a relationship only where
 *   every document it reaches from a public one is public too: to collections that hide nothing
 *   (partners, topics, events), and from a quote or milestone to the release it follows (it is
 *   public only while that release is, src/access/releases.ts `readDerivedFrom`). Any other path
 *   (`relatedReleases.title`, `quotes`, `heroImage.alt`, `submittedBy`) is refused with a 400
 *   naming it, for filters on the related id as much as on its fields: `relatedReleases equals 59`
 *   would tell whether release 59 exists.
 *
 * Which collections hide documents is read from their access: every collection whose read access
 * is not `anyone` (src/access/roles.ts). Which documents are public is asked of that same access,
 * as an anonymous reader, and cached with the public content (src/cache/publicCache.ts), so the
 * one visibility rule (src/access/visibility.ts) decides here as everywhere.
 *
 * The same hook bounds what one request may cost (TRUST.md property 4): anonymous readers get at
 * most `depth` 2 (Payload's default; more is a 400 naming `depth`) and pages of at most 100
 * documents (a larger `limit`, `limit=0` or `pagination=false` is clamped to 100: the answer's own
 * `limit` and `hasNextPage` say so); and for everyone, `where` trees and patterns stay far below
 * what SQLite refuses (a 400 naming the parameter instead of a database error).
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type Field,
  type FieldHook,
  type FlattenedField,
  type Payload,
  type PayloadRequest,
  type Plugin,
  type SanitizedCollectionConfig,
} from 'payload'

import { isPartnerStaff } from '@/access/partnerScope'
import { derivedRelationOf } from '@/access/releases'
import { anyone, isStaff } from '@/access/roles'
import { cachedPublic } from '@/cache/publicCache'

/**
 * Depth, page size and nesting for anonymous readers. A filter's sizes (conditions, list values,
 * value length) are checked once, for everyone, by src/security/querySize.ts
 * (scripts/server/requestLimits.mjs `WHERE_LIMITS`).
 */
export const PUBLIC_QUERY_LIMITS = {
  /** Anonymous `depth` (Payload's default depth). */
  depth: 2,
  /** Anonymous page size; larger pages are clamped to it. */
  limit: 100,
  /** Nesting of `and`/`or` and nested relationship queries in one `where` (both count here). */
  whereDepth: 8,
} as const

/** Set on the context of the lookups below (and src/access/media.ts's), which must see raw values. */
export const PUBLIC_ID_LOOKUP = 'publicIdLookup'

type Id = number | string
type Problem = { path: string; message: string }
type Relational = Extract<FlattenedField, { type: 'relationship' | 'upload' | 'join' }>

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const fromTheApi = (req: PayloadRequest) => req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'

const collectionOf = (payload: Payload, slug: string): SanitizedCollectionConfig | undefined =>
  (payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[slug]?.config

const hidesDocuments = (payload: Payload, slug: string): boolean => collectionOf(payload, slug)?.access.read !== anyone

const targetsOf = (field: Relational): string[] =>
  [field.type === 'join' ? field.collection : field.relationTo].flat() as string[]

/** Every document reached through `field` from a public document of `owner` is public. */
const leadsOnlyToPublic = (
  payload: Payload,
  owner: SanitizedCollectionConfig,
  field: Relational,
  topLevel: boolean,
  trustDerived: boolean,
) => {
  const targets = targetsOf(field)
  if (targets.every((slug) => !hidesDocuments(payload, slug))) return true
  if (!trustDerived) return false
  // A quote's `release`: the quote is public only while that release is.
  if (field.type !== 'join' && topLevel && derivedRelationOf(owner.access.read) === field.name) return true
  // A release's milestones, joined on `announcedIn`: each is public because that release is.
  if (field.type === 'join' && targets.length === 1) {
    return derivedRelationOf(collectionOf(payload, targets[0])?.access.read) === field.on
  }
  return false
}

type Walk = { refusedAt?: string; through?: string; reached?: SanitizedCollectionConfig }

/**
 * Follows a query path (`partners.name`, GraphQL's `partners__name`) through `collection`'s
 * fields. Unknown segments are left to Payload's own path validation (a 400 naming the path).
 */
const walkPath = (payload: Payload, collection: SanitizedCollectionConfig, path: string, trustDerived = true): Walk => {
  let owner = collection
  let fields: FlattenedField[] = collection.flattenedFields
  let topLevel = true
  let reached: SanitizedCollectionConfig | undefined
  const segments = path.replace(/__/g, '.').split('.')
  for (const [i, segment] of segments.entries()) {
    const field = fields.find((f) => f.name === segment)
    if (!field) return {}
    reached = undefined
    if (field.type === 'relationship' || field.type === 'upload' || field.type === 'join') {
      if (!leadsOnlyToPublic(payload, owner, field, topLevel, trustDerived)) {
        return { refusedAt: segments.slice(0, i + 1).join('.'), through: targetsOf(field).join(', ') }
      }
      const targets = targetsOf(field)
      if (targets.length !== 1) return {}
      const next = collectionOf(payload, targets[0])
      if (!next) return {}
      owner = next
      fields = owner.flattenedFields
      topLevel = true
      reached = owner
    } else if (field.type === 'blocks') {
      fields = field.blocks.flatMap((block) => block.flattenedFields)
      topLevel = false
    } else if ('flattenedFields' in field) {
      fields = field.flattenedFields
      topLevel = false
    } else {
      return {}
    }
  }
  return { reached }
}

const refusal = (what: string, path: string, walk: Walk): Problem => ({
  path,
  message: `The public API cannot ${what} "${path}": "${walk.refusedAt}" leads to ${walk.through}, which holds documents that are not public. Use the collection's own fields, or paths through partners, topics and events.`,
})

/**
 * `restricted`: filters and sorts may not follow paths into hidden documents (anonymous readers and
 * partner staff, who must not learn another partner's drafts by filtering their own documents on
 * `relatedReleases.title`); `trustDerived`: a quote's or milestone's release counts as public when
 * the quote is (true only for anonymous readers: partner staff also read quotes of their partners
 * whose release is another partner's draft).
 */
type WhereCheck = {
  payload: Payload
  restricted: boolean
  trustDerived: boolean
  problems: Problem[]
  conditions: number
}

const checkWhere = (
  check: WhereCheck,
  collection: SanitizedCollectionConfig,
  where: unknown,
  prefix: string,
  depth: number,
) => {
  if (!isPlainObject(where)) return
  const { whereDepth } = PUBLIC_QUERY_LIMITS
  if (depth > whereDepth) {
    check.problems.push({ path: prefix || 'where', message: `"where" is nested more than ${whereDepth} levels deep.` })
    return
  }
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : []
      list.forEach((sub, i) => checkWhere(check, collection, sub, `${prefix}${key}.${i}.`, depth + 1))
      continue
    }
    const path = `${prefix}${key}`
    const walk = walkPath(check.payload, collection, key, check.trustDerived)
    if (check.restricted && walk.refusedAt) check.problems.push(refusal('filter on', path, walk))
    const operators = isPlainObject(value) ? Object.entries(value) : [['equals', value] as const]
    for (const [operator, operand] of operators) {
      check.conditions += 1
      if (isPlainObject(operand) && walk.reached) {
        checkWhere(check, walk.reached, operand, `${path}.${operator}.`, depth + 1)
      }
    }
  }
}

const checkSort = (check: WhereCheck, collection: SanitizedCollectionConfig, sort: unknown) => {
  if (!check.restricted || sort === undefined || sort === null) return
  const paths = [sort]
    .flat()
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim().replace(/^-/, ''))
    .filter(Boolean)
  for (const path of paths) {
    const walk = walkPath(check.payload, collection, path, check.trustDerived)
    if (walk.refusedAt) check.problems.push(refusal('sort on', path, walk))
  }
}

type ReadArgs = {
  overrideAccess?: boolean
  where?: unknown
  sort?: unknown
  joins?: unknown
  field?: unknown
  depth?: number
  limit?: number
  pagination?: boolean
}

/** A page size within the anonymous maximum; `undefined` keeps Payload's default (10). */
const clampLimit = (limit: unknown, pagination?: boolean): number | undefined => {
  const max = PUBLIC_QUERY_LIMITS.limit
  if (limit === undefined && pagination !== false) return undefined
  return typeof limit === 'number' && Number.isFinite(limit) && limit > 0 ? Math.min(limit, max) : max
}

/** Refuses (400) or clamps a read before Payload runs it; staff keep every path and page size. */
export const guardPublicQuery: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (!fromTheApi(req) || !['read', 'count', 'readDistinct'].includes(operation)) return args
  const anonymous = !isStaff(req.user)
  const read = args as ReadArgs
  const check: WhereCheck = {
    payload: req.payload,
    // Partner staff's own questions only: hooks inside their writes ask with access off.
    restricted: anonymous || (isPartnerStaff(req.user) && !read.overrideAccess),
    trustDerived: anonymous,
    problems: [],
    conditions: 0,
  }
  checkWhere(check, collection, read.where, '', 0)
  checkSort(check, collection, read.sort)
  if (anonymous && typeof read.field === 'string') {
    const walk = walkPath(req.payload, collection, read.field)
    if (walk.refusedAt) check.problems.push(refusal('list the values of', read.field, walk))
  }
  const joins = isPlainObject(read.joins) ? read.joins : {}
  const clampedJoins: Record<string, unknown> = {}
  for (const [name, join] of Object.entries(joins)) {
    const walk = walkPath(req.payload, collection, name)
    if (anonymous && walk.refusedAt) check.problems.push(refusal('join', `joins.${name}`, walk))
    if (!isPlainObject(join) || !walk.reached) {
      clampedJoins[name] = join
      continue
    }
    checkWhere({ ...check, conditions: 0 }, walk.reached, join.where, `joins.${name}.where.`, 0)
    checkSort(check, walk.reached, join.sort)
    clampedJoins[name] = anonymous ? { ...join, limit: clampLimit(join.limit) } : join
  }
  if (anonymous && typeof read.depth === 'number' && !(read.depth <= PUBLIC_QUERY_LIMITS.depth)) {
    check.problems.push({
      path: 'depth',
      message: `"depth" may be at most ${PUBLIC_QUERY_LIMITS.depth} without a staff session (asked: ${read.depth}).`,
    })
  }
  if (check.problems.length) {
    // `data.errors` lets src/hooks/explainValidationErrors.ts keep the messages in production answers.
    throw new APIError(check.problems[0].message, 400, { errors: check.problems }, true)
  }
  if (!anonymous) return args
  return {
    ...args,
    ...(operation === 'read' && ('limit' in args || 'pagination' in args)
      ? { limit: clampLimit(read.limit, read.pagination), pagination: true }
      : {}),
    ...(isPlainObject(read.joins) ? { joins: clampedJoins } : {}),
  }
}

/** The ids anonymous readers may see in `slug`, as that collection's own read access says. */
const publicIds = (payload: Payload, slug: string): Promise<Set<Id>> =>
  cachedPublic(`public-query:ids:${slug}`, async () => {
    const { docs } = await payload.find({
      collection: slug as 'press-releases',
      overrideAccess: false,
      user: null,
      pagination: false,
      depth: 0,
      select: {},
      // A collection nobody anonymous reads (users) has no public ids.
      disableErrors: true,
      context: { [PUBLIC_ID_LOOKUP]: true },
    })
    return new Set(docs.map((doc) => doc.id as Id))
  })

type Entry = Id | { id?: Id } | { relationTo?: string; value?: Id | { id?: Id } } | null

const idOf = (value: unknown): Id | undefined =>
  typeof value === 'number' || typeof value === 'string'
    ? value
    : isPlainObject(value) && (typeof value.id === 'number' || typeof value.id === 'string')
      ? value.id
      : undefined

/** Drops, for anonymous readers, every value of a relationship field that points at a hidden document. */
const dropHiddenValues: FieldHook = async ({ value, req, overrideAccess, field, context }) => {
  if (overrideAccess || isStaff(req.user) || context?.[PUBLIC_ID_LOOKUP]) return value
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return value
  const relationTo = (field as { relationTo: string | string[] }).relationTo
  const entries: Entry[] = Array.isArray(value) ? value : [value]
  const visible = await Promise.all(
    entries.map(async (entry) => {
      const slug = Array.isArray(relationTo) ? (entry as { relationTo?: string })?.relationTo : relationTo
      const id = Array.isArray(relationTo) ? idOf((entry as { value?: unknown })?.value) : idOf(entry)
      if (!slug || id === undefined) return false
      if (!hidesDocuments(req.payload, slug)) return true
      return (await publicIds(req.payload, slug)).has(id)
    }),
  )
  const kept = entries.filter((_, i) => visible[i])
  if (Array.isArray(value)) return kept
  return kept.length ? value : null
}

type Hides = (slug: string) => boolean

/** Adds `dropHiddenValues` to every relationship and upload field that can point at a hidden document. */
const withDroppedHiddenValues = (
  fields: Field[],
  hides: Hides,
  derived: string | undefined,
  topLevel: boolean,
): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'relationship' || field.type === 'upload') {
      const targets = [field.relationTo].flat() as string[]
      if (!targets.some(hides) || (topLevel && field.name === derived)) return field
      return { ...field, hooks: { ...field.hooks, afterRead: [...(field.hooks?.afterRead ?? []), dropHiddenValues] } }
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      return { ...field, fields: withDroppedHiddenValues(field.fields, hides, derived, topLevel) }
    }
    if (field.type === 'group' || field.type === 'array') {
      const nested = topLevel && field.type === 'group' && !('name' in field && field.name)
      return { ...field, fields: withDroppedHiddenValues(field.fields, hides, derived, nested) } as Field
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({
          ...tab,
          fields: withDroppedHiddenValues(tab.fields, hides, derived, topLevel && !('name' in tab && tab.name)),
        })),
      }
    }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => ({
          ...block,
          fields: withDroppedHiddenValues(block.fields, hides, derived, false),
        })),
      }
    }
    return field
  })

/** Installs both halves on every collection: the query guard first, then the answer filter. */
export const publicQuery: Plugin = (config) => {
  const collections = config.collections ?? []
  const hides: Hides = (slug) => collections.find((c) => c.slug === slug)?.access?.read !== anyone
  return {
    ...config,
    collections: collections.map((collection) => ({
      ...collection,
      fields: withDroppedHiddenValues(collection.fields, hides, derivedRelationOf(collection.access?.read), true),
      hooks: {
        ...collection.hooks,
        beforeOperation: [guardPublicQuery, ...(collection.hooks?.beforeOperation ?? [])],
      },
    })),
  }
}
