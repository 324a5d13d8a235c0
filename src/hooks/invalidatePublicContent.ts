import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidatePublicContent } from '@/cache/publicContent'

/**
 * Attached to every collection the public newsroom shows. Draft saves (autosave included) change
 * nothing public and are skipped; every other write marks public caches stale.
 */
export const afterChangeInvalidate: CollectionAfterChangeHook = ({ doc, previousDoc, collection }) => {
  const drafts = Boolean(collection.versions?.drafts)
  const isDraftSave = drafts && doc?._status === 'draft' && previousDoc?._status !== 'published'
  if (!isDraftSave) invalidatePublicContent()
  return doc
}

export const afterDeleteInvalidate: CollectionAfterDeleteHook = ({ doc }) => {
  invalidatePublicContent()
  return doc
}

export const invalidatesPublicContent = {
  afterChange: [afterChangeInvalidate],
  afterDelete: [afterDeleteInvalidate],
}
