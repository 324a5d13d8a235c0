import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { recordPublicChange } from '@/cache/changes'
import { describeSave } from '@/workflow/saveChange'

/**
 * Attached to every collection the public newsroom shows. Draft saves (autosave included) change
 * nothing public and are skipped; every other write records a public change in its own
 * transaction (src/cache/changes.ts), and every instance drops its public caches once it commits.
 */
export const afterChangeInvalidate: CollectionAfterChangeHook = async ({
  collection,
  operation,
  doc,
  previousDoc,
  context,
  req,
}) => {
  if (describeSave({ collection, operation, doc, previousDoc, context }).touchesPublic) {
    await recordPublicChange(req, { collection: collection.slug, document: doc.id, reason: 'change' })
  }
  return doc
}

export const afterDeleteInvalidate: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await recordPublicChange(req, { collection: collection.slug, document: doc.id, reason: 'delete' })
  return doc
}

export const invalidatesPublicContent = {
  afterChange: [afterChangeInvalidate],
  afterDelete: [afterDeleteInvalidate],
}
