/**
 * Partner staff: what a user whose account lists partners (users.partners) may touch. Newsroom
 * staff (no partners) keep every power of their role; partner staff keep their role too, but only
 * over what *involves* one of their partners. This file is the one definition of "involves":
 *
 *   - a press release: its `partners` lists one of them (a joint release involves each partner);
 *   - a quote: its speaker's `partner` is one of them, or its release ("From release") involves one;
 *   - a milestone: its `partners` lists one of them, or the release that announced it involves one;
 *   - an event: its `hosts` list one of them;
 *   - a partner profile: it is one of them;
 *   - a media file: it is tagged with one of them (files partner staff upload are tagged with
 *     their partners: collections/Media), or a release that involves one of them uses it;
 *   - an audit-trail entry: the document it is about involves one of them.
 *
 * Each rule is a Payload query constraint (`involvesWhere`), so REST, GraphQL, the admin's lists,
 * relationship pickers, dashboard and version history (all access-controlled reads) apply it; drafts
 * and versions are judged by their own content (Payload prefixes the constraint with `version.`).
 * What anonymous readers see is still decided only by the visibility rule (./visibility.ts): partner
 * staff read public documents like anyone, plus what involves their partners, and the write-side
 * rule (src/workflow/contributorWrites.ts) still holds for their role within that scope.
 *
 * Why not @payloadcms/plugin-multi-tenant: it gives each document one tenant field and scopes by
 * it, while a joint release belongs to several partners at once, and quotes and milestones belong
 * to a partner through their release; "involves" is a relation, not a column.
 */
import { APIError, type Access, type CollectionBeforeChangeHook, type PayloadRequest, type Where } from 'payload'

import { idOf } from '@/richText/media'

import { isAdmin, isEditor, isStaff } from './roles'

type Id = number | string
type MaybeUser = PayloadRequest['user'] | null | undefined

/** The partners a staff user speaks for, or null for newsroom staff (and anyone who is not staff). */
export const partnerIdsOf = (user: MaybeUser): Id[] | null => {
  if (!isStaff(user) || isAdmin(user)) return null
  const list = (user as { partners?: unknown }).partners
  const ids = Array.isArray(list) ? list.map(idOf).filter((id): id is Id => id !== null) : []
  return ids.length ? ids : null
}

export const isPartnerStaff = (user: MaybeUser): boolean => partnerIdsOf(user) !== null
/** Staff without partners: the newsroom's own editors and contributors, and every admin. */
export const isNewsroomStaff = (user: MaybeUser): boolean => isStaff(user) && !isPartnerStaff(user)
export const isNewsroomEditor = (user: MaybeUser): boolean => isEditor(user) && !isPartnerStaff(user)
export const newsroomEditors: Access = ({ req }) => isNewsroomEditor(req.user)

export const SCOPED_COLLECTIONS = [
  'press-releases',
  'quotes',
  'milestones',
  'events',
  'partners',
  'media',
  'release-activity',
] as const
export type ScopedCollection = (typeof SCOPED_COLLECTIONS)[number]

const among = (path: string, ids: Id[]): Where => ({ [path]: { in: ids } })

/** "Involves one of `ids`", as a query constraint on each scoped collection (media: see mediaInScope). */
export const involvesWhere: Record<Exclude<ScopedCollection, 'media'>, (ids: Id[]) => Where> = {
  'press-releases': (ids) => among('partners', ids),
  quotes: (ids) => ({ or: [among('partner', ids), among('release.partners', ids)] }),
  milestones: (ids) => ({ or: [among('partners', ids), among('announcedIn.partners', ids)] }),
  events: (ids) => among('hosts', ids),
  partners: (ids) => among('id', ids),
  'release-activity': (ids) => ({
    or: [
      among('release.partners', ids),
      among('quote.partner', ids),
      among('quote.release.partners', ids),
      among('milestone.partners', ids),
      among('milestone.announcedIn.partners', ids),
      among('event.hosts', ids),
    ],
  }),
}

/** The upload fields of a release, as src/access/media.ts lists them. */
const RELEASE_MEDIA_FIELDS = ['heroImage', 'assets.file', 'meta.image', 'bodyMedia'] as const

/** Media partner staff may see beyond public files: tagged with their partners, or used by their releases. */
export const mediaInScope = async (req: PayloadRequest, ids: Id[]): Promise<Where> => {
  const used = await Promise.all(
    RELEASE_MEDIA_FIELDS.map((field) =>
      req.payload.findDistinct({
        collection: 'press-releases',
        field,
        where: involvesWhere['press-releases'](ids),
        overrideAccess: true,
        depth: 0,
        limit: 0,
        req,
      }),
    ),
  )
  // One id per row on SQL; MongoDB gives arrays for fields inside arrays (see src/access/media.ts distinctIds).
  const usedIds = used.flatMap((result, i) =>
    (result.values as Record<string, unknown>[])
      .flatMap((row) => [row[RELEASE_MEDIA_FIELDS[i]]].flat().map(idOf))
      .filter((id): id is Id => id !== null),
  )
  return { or: [among('partners', ids), ...(usedIds.length ? [among('id', usedIds)] : [])] }
}

const scopeOf = async (req: PayloadRequest, collection: ScopedCollection, ids: Id[]): Promise<Where> =>
  collection === 'media' ? mediaInScope(req, ids) : involvesWhere[collection](ids)

/**
 * Reads: newsroom staff as `staffRead` says (usually everything), partner staff what the public
 * reads (`publicRead`) or what involves their partners, anyone else what the public reads.
 */
export const readInScope = async (
  req: PayloadRequest,
  collection: ScopedCollection,
  publicRead: () => Where | boolean | Promise<Where | boolean>,
): Promise<Where | boolean> => {
  if (!isStaff(req.user)) return publicRead()
  const ids = partnerIdsOf(req.user)
  if (!ids) return true
  const [open, scope] = await Promise.all([publicRead(), scopeOf(req, collection, ids)])
  if (open === true) return true
  return open === false ? scope : { or: [open, scope] }
}

/** Writes (and version history): what `access` allows, narrowed for partner staff to what involves their partners. */
export const withinPartnerScope =
  (collection: ScopedCollection, access: Access, prefix = ''): Access =>
  async (args) => {
    const allowed = await access(args)
    const ids = partnerIdsOf(args.req.user)
    if (!ids || allowed === false) return allowed
    const scope = prefixWhere(await scopeOf(args.req, collection, ids), prefix)
    return allowed === true ? scope : { and: [allowed, scope] }
  }

/** The same constraint on another path: `version.` for the versions table (readVersions). */
const prefixWhere = (where: Where, prefix: string): Where => {
  if (!prefix) return where
  return Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'and' || key === 'or'
        ? [key, (value as Where[]).map((w) => prefixWhere(w, prefix))]
        : [`${prefix}${key}`, value],
    ),
  ) as Where
}

/**
 * Reading past versions: Payload applies readVersions to the versions table, whose fields sit
 * under `version.`, so each version is judged by its own content (a partner profile's by its parent).
 */
export const versionsInScope = (collection: ScopedCollection, access: Access): Access =>
  collection === 'partners'
    ? async (args) => {
        const allowed = await access(args)
        const ids = partnerIdsOf(args.req.user)
        if (!ids || allowed === false) return allowed
        return allowed === true ? among('parent', ids) : { and: [allowed, among('parent', ids)] }
      }
    : withinPartnerScope(collection, access, 'version.')

/**
 * Whether a document as it will be saved involves one of `ids`. Access decides which existing
 * documents partner staff may write; this decides what they may make of them (and create): a
 * release they save must still list one of their partners, a quote must still be theirs, and so on.
 */
const savedDocInvolves = async (
  req: PayloadRequest,
  collection: ScopedCollection,
  doc: Record<string, unknown>,
  ids: Id[],
): Promise<boolean> => {
  const mine = new Set(ids.map(String))
  const hits = (value: unknown) => [value ?? []].flat().some((v) => mine.has(String(idOf(v))))
  const releaseInvolves = async (value: unknown) => {
    const id = idOf(value)
    if (id === null) return false
    const release = await req.payload.findByID({
      collection: 'press-releases',
      id,
      draft: true,
      depth: 0,
      select: { partners: true },
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    return Boolean(release && hits(release.partners))
  }
  switch (collection) {
    case 'press-releases':
      return hits(doc.partners)
    case 'quotes':
      return hits(doc.partner) || (await releaseInvolves(doc.release))
    case 'milestones':
      return hits(doc.partners) || (await releaseInvolves(doc.announcedIn))
    case 'events':
      return hits(doc.hosts)
    case 'partners':
      return hits(doc.id)
    case 'media':
      return hits(doc.partners)
    default:
      return false
  }
}

const WHAT: Record<ScopedCollection, string> = {
  'press-releases': 'a release must list one of your partners under Relations → Partners',
  quotes: 'a quote must name one of your partners as the speaker’s organisation, or come from one of their releases',
  milestones: 'a milestone must list one of your partners, or be announced in one of their releases',
  events: 'an event must list one of your partners as a host',
  partners: 'you may edit only your own partner profile',
  media: 'a file must be tagged with one of your partners',
  'release-activity': 'the audit trail is written by the newsroom',
}

/**
 * beforeChange for every scoped collection: partner staff save only documents that involve one of
 * their partners afterwards (403 naming the rule otherwise), so no save hands a document to
 * another partner alone or creates one that involves nobody they speak for.
 */
export const keepInPartnerScope =
  (collection: ScopedCollection): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const ids = partnerIdsOf(req.user)
    if (!ids) return data
    const doc = { ...(originalDoc ?? {}), ...data }
    if (!(await savedDocInvolves(req, collection, doc, ids))) {
      throw new APIError(`Partner staff cannot save this: ${WHAT[collection]}.`, 403, null, true)
    }
    return data
  }

/** New releases, milestones and events made by partner staff list their partners to begin with. */
export const theirPartners = ({ user }: { user?: MaybeUser }) => partnerIdsOf(user) ?? undefined

/** A new quote by staff of exactly one partner names that partner as the speaker's organisation. */
export const theirOnlyPartner = ({ user }: { user?: MaybeUser }) => {
  const ids = partnerIdsOf(user)
  return ids?.length === 1 ? ids[0] : undefined
}
