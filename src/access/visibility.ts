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
 * `publicDateOf` gives the date a public release carries (every page, feed, JSON-LD block,
 * sitemap entry and notification asks it, never `publishedAt` itself; a public correction never
 * moves it), `publicModifiedOf` and `editedAfterPublic` when and whether it changed after that
 * (an edit or a correction); `releaseState` says why a release is not public, for staff.
 *
 * Quotes, milestones and events have drafts and review too (src/workflow/reviewed.ts), so the
 * rule reaches them as well:
 *
 *   an event is public when its status is published; a quote or milestone is public when its
 *   status is published and the release it belongs to (if any) is public. A quote chosen or
 *   created from within a release ("Quotes used") belongs to that release unless staff tie it
 *   to another (src/workflow/claimDerived.ts), so anything a non-public release uses, and no
 *   public release owns, stays hidden until that release is public.
 *
 * `publishedWhere` and `publicDerivedWhere` are its query forms, `isDerivedPublic` its form for
 * documents in memory. Every surface (pages, search, feeds, partner pages, REST, GraphQL) reads
 * through access control, so they all apply it.
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

/** Drafts and versions are never public: only a document's published state is. */
export const publishedWhere = (): Where => ({ _status: { equals: 'published' } })

/**
 * For documents derived from a release (quotes, milestones): published, and naming no release
 * or a public one. An embargoed announcement's quotes and milestones stay hidden until the
 * release itself is public.
 */
export const publicDerivedWhere = (relationField: string, now: Date = new Date()): Where => ({
  and: [publishedWhere(), { or: [{ [relationField]: { exists: false } }, publicReleaseWhere(now, relationField)] }],
})

/** The same for a derived document in memory, given the release it belongs to (null for none). */
export const isDerivedPublic = (
  doc: { _status?: 'draft' | 'published' | null },
  release: ReleaseVisibilityFields | null,
  now: Date = new Date(),
): boolean => doc._status === 'published' && (release === null || isReleasePublic(release, now))

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

type DatedRelease = ReleaseVisibilityFields & {
  updatedAt?: string | null
  corrections?: { date?: string | null }[] | null
}

const latest = (dates: (string | null | undefined)[]) =>
  Math.max(...dates.filter((d): d is string => Boolean(d)).map((d) => Date.parse(d)))

/**
 * The last time a public release changed for its readers: its public date, or an edit or a
 * public correction after it (never before it: a correction does not move the public date).
 * An embargoed release saved the evening before and lifted at 06:00 was last modified at 06:00
 * (feeds' `updated`, JSON-LD `dateModified`, sitemap `lastmod`), not when Publish was pressed.
 */
export const publicModifiedOf = (doc: DatedRelease): string | null => {
  const published = publicDateOf(doc)
  const changed = latest([doc.updatedAt, ...(doc.corrections ?? []).map((c) => c.date)])
  if (!published) return Number.isFinite(changed) ? new Date(changed).toISOString() : null
  return Number.isFinite(changed) && changed > Date.parse(published) ? new Date(changed).toISOString() : published
}

/** Edits within this long of the public moment (last corrections) do not make a release "Updated". */
export const UPDATED_AFTER_MS = 60 * 60 * 1000

/** Whether a release was edited after it became public: only then do pages say "Updated". */
export const editedAfterPublic = (doc: DatedRelease): boolean => {
  const published = publicDateOf(doc)
  return Boolean(published && doc.updatedAt && Date.parse(doc.updatedAt) - Date.parse(published) > UPDATED_AFTER_MS)
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
  const at = Date.parse(publicDateOf(doc)!)
  return at > now.getTime() ? new Date(at) : null
}
