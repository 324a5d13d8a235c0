/**
 * THE visibility rule (see CONTRACT.md). Every public surface asks this module whether a
 * press release, or anything derived from one, may be shown:
 *
 *   a release is public when, and only when, its status is published and its
 *   `embargoUntil` (if set) and `publishedAt` are not in the future.
 *
 * The rule has three forms, which must always agree:
 * - `publicReleaseWhere`: a Payload query constraint, used by access control, so REST, GraphQL
 *   and the local API with `overrideAccess: false` all apply it (`publicDerivedWhere` applies it
 *   through a relationship, for quotes and milestones);
 * - `isReleasePublic`: the same rule for a document already in memory;
 * - `becomesPublicAt`: when a published release will become public by itself, so caches and the
 *   jobs queue know when the answer changes without any edit (src/cache/publicCache.ts
 *   `nextScheduledVisibility` asks the database for the earliest such moment).
 * `publicDateOf` gives the date a public release carries; `releaseState` says why a release is
 * not public, for staff.
 */
import type { Where } from 'payload'

export type ReleaseVisibilityFields = {
  _status?: 'draft' | 'published' | null
  publishedAt?: string | null
  embargoUntil?: string | null
}

const prefixed = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field)

/** The rule as a query constraint; `prefix` applies it through a relationship (e.g. `release`). */
export const publicReleaseWhere = (now: Date = new Date(), prefix = ''): Where => {
  const at = now.toISOString()
  return {
    and: [
      { [prefixed(prefix, '_status')]: { equals: 'published' } },
      { [prefixed(prefix, 'publishedAt')]: { less_than_equal: at } },
      {
        or: [
          { [prefixed(prefix, 'embargoUntil')]: { exists: false } },
          { [prefixed(prefix, 'embargoUntil')]: { less_than_equal: at } },
        ],
      },
    ],
  }
}

/**
 * For documents derived from a release (quotes, milestones): public when they name no release,
 * or when the release they name is public. An embargoed announcement's quotes and milestones
 * stay hidden until the release itself is public.
 */
export const publicDerivedWhere = (relationField: string, now: Date = new Date()): Where => ({
  or: [{ [relationField]: { exists: false } }, publicReleaseWhere(now, relationField)],
})

export const isReleasePublic = (doc: ReleaseVisibilityFields, now: Date = new Date()): boolean => {
  if (doc._status !== 'published') return false
  if (!doc.publishedAt) return false
  const t = now.getTime()
  if (Date.parse(doc.publishedAt) > t) return false
  if (doc.embargoUntil && Date.parse(doc.embargoUntil) > t) return false
  return true
}

/**
 * The moment a release became (or becomes) public: the later of its publish date and its
 * embargo (CONTRACT.md). This, not the moment Publish was pressed, is the date readers, feeds,
 * JSON-LD and notifications give it.
 */
export const publicDateOf = (doc: ReleaseVisibilityFields): string | null => {
  const times = [doc.publishedAt, doc.embargoUntil].filter((d): d is string => Boolean(d))
  if (!times.length || !doc.publishedAt) return null
  return new Date(Math.max(...times.map((d) => Date.parse(d)))).toISOString()
}

/** Why a release is (not) public now: what previews and banners tell staff. */
export type ReleaseState = 'public' | 'embargoed' | 'scheduled' | 'draft'

export const releaseState = (doc: ReleaseVisibilityFields, now: Date = new Date()): ReleaseState => {
  if (isReleasePublic(doc, now)) return 'public'
  if (doc.embargoUntil && Date.parse(doc.embargoUntil) > now.getTime()) return 'embargoed'
  return doc._status === 'published' ? 'scheduled' : 'draft'
}

/** When a published release will become public without anyone touching it (or null if never/already). */
export const becomesPublicAt = (doc: ReleaseVisibilityFields, now: Date = new Date()): Date | null => {
  if (doc._status !== 'published' || !doc.publishedAt) return null
  const times = [doc.publishedAt, doc.embargoUntil].filter(Boolean).map((d) => Date.parse(d as string))
  const at = Math.max(...times)
  return at > now.getTime() ? new Date(at) : null
}
