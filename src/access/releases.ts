import type { Access } from 'payload'

import { isEditor, isStaff, roleOf } from './roles'
import { publicDerivedWhere, publicReleaseWhere, publishedWhere } from './visibility'

/** Staff read everything; everyone else reads only what the visibility rule makes public. */
export const readReleases: Access = ({ req }) => (isStaff(req.user) ? true : publicReleaseWhere())

/** For quotes and milestones: published, and not tied to a release that is not public. */
export const readDerivedFrom =
  (relationField: string): Access =>
  ({ req }) =>
    isStaff(req.user) ? true : publicDerivedWhere(relationField)

/** For events: staff read drafts and versions; everyone else only the published document. */
export const readPublished: Access = ({ req }) => (isStaff(req.user) ? true : publishedWhere())

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
