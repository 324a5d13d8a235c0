import type { Access } from 'payload'

import { readInScope } from './partnerScope'
import { isEditor, roleOf } from './roles'
import { publicDerivedWhere, publicReleaseWhere, publishedWhere } from './visibility'

/**
 * Newsroom staff read everything; partner staff what is public or involves their partners
 * (./partnerScope.ts); everyone else only what the visibility rule makes public.
 */
export const readReleases: Access = ({ req }) => readInScope(req, 'press-releases', () => publicReleaseWhere())

const derivedFrom = new WeakMap<Access, string>()

/** For quotes and milestones: public unless tied to a release that is not public (staff as for releases). */
export const readDerivedFrom = (relationField: string, collection: 'quotes' | 'milestones'): Access => {
  const access: Access = ({ req }) => readInScope(req, collection, () => publicDerivedWhere(relationField))
  derivedFrom.set(access, relationField)
  return access
}

/**
 * The field a collection's visibility follows (`release` for quotes), when its read access is
 * `readDerivedFrom`: a public document's value there is always a public release.
 */
export const derivedRelationOf = (access: unknown): string | undefined =>
  typeof access === 'function' ? derivedFrom.get(access as Access) : undefined

/** For events: staff read drafts and versions (partner staff those their partners host); everyone else only the published document. */
export const readPublished: Access = ({ req }) => readInScope(req, 'events', publishedWhere)

/**
 * For every collection with review (releases, quotes, milestones, events): contributors may write drafts only. Payload's admin asks this function with
 * `_status: 'published'` to decide whether to show the Publish button, so contributors
 * do not see it, and the API refuses a publish from them.
 */
export const writeDrafts: Access = ({ req, data }) => {
  if (isEditor(req.user)) return true
  if (roleOf(req.user) !== 'contributor') return false
  return (data as { _status?: string } | undefined)?._status !== 'published'
}

/** The releases' name for it. */
export const writeReleases = writeDrafts
