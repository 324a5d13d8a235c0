/**
 * THE visibility rule (see CONTRACT.md). Every public surface asks this module whether a
 * press release, or anything derived from one, may be shown:
 *
 *   a release is public when, and only when, its status is published and its
 *   `embargoUntil` (if set) and `publishedAt` are not in the future.
 *
 * `publicReleaseWhere` expresses the rule as a Payload query constraint (used by access
 * control, so REST, GraphQL and the local API with `overrideAccess: false` all apply it);
 * `isReleasePublic` is the same rule for a document already in memory;
 * `nextVisibilityChange` tells caches when the answer will next change by itself.
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

/** When a published release will become public without anyone touching it (or null if never/already). */
export const becomesPublicAt = (doc: ReleaseVisibilityFields, now: Date = new Date()): Date | null => {
  if (doc._status !== 'published' || !doc.publishedAt) return null
  const times = [doc.publishedAt, doc.embargoUntil].filter(Boolean).map((d) => Date.parse(d as string))
  const at = Math.max(...times)
  return at > now.getTime() ? new Date(at) : null
}
