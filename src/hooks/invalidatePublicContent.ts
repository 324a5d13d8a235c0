import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidatePublicContent } from '@/cache/publicContent'
import { describeSave } from '@/workflow/saveChange'

/**
 * Attached to every collection the public newsroom shows. Draft saves (autosave included) change
 * nothing public and are skipped; every other write marks public caches stale.
 */
export const afterChangeInvalidate: CollectionAfterChangeHook = ({
  collection,
  operation,
  doc,
  previousDoc,
  context,
}) => {
  if (describeSave({ collection, operation, doc, previousDoc, context }).touchesPublic) invalidatePublicContent()
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
