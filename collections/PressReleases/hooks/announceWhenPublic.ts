import type { CollectionAfterChangeHook } from 'payload'

import { isReleasePublic } from '@/access/visibility'
import { announceRelease } from '@/notify/announceRelease'

/**
 * A write that makes a release public right away (publish, or publish of a scheduled release)
 * notifies partner sites. Releases that become public later (embargo, future date) are announced
 * by the announceVisibility job at that moment.
 */
export const announceWhenPublic: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  // Loading demo content or a benchmark archive tells partners nothing.
  if (context.draftSave || context.seeding || !isReleasePublic(doc)) return doc
  if (operation === 'update' && previousDoc && isReleasePublic(previousDoc)) return doc
  await announceRelease(req, doc.id)
  return doc
}
