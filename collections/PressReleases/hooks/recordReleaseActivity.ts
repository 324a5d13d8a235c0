import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { recordActivity } from '@/workflow/activity'

/**
 * Writes each change to the audit trail. Review actions are written by the review endpoint
 * (with their comment) and skipped here; `context.draftSave` is set by guardReleaseOperations so
 * an unpublish can be told apart from saving a draft of a published release.
 */
export const recordReleaseChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  // Seeding (demo content, benchmark archives) is not editorial work.
  if (context.reviewAction || context.seeding) return doc
  const release = { id: doc.id, title: doc.title }
  if (operation === 'create') {
    await recordActivity(req, { action: context.imported ? 'imported' : 'created', release })
    if (doc._status === 'published') await recordActivity(req, { action: 'published', release })
    return doc
  }
  const wasPublished = previousDoc?._status === 'published'
  if (doc._status === 'published' && !wasPublished) {
    await recordActivity(req, { action: 'published', release })
  } else if (doc._status === 'draft' && wasPublished && !context.draftSave) {
    await recordActivity(req, { action: 'unpublished', release })
  } else {
    await recordActivity(req, { action: 'edited', release })
  }
  return doc
}

export const recordReleaseDeletion: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (context.seeding) return doc
  // The release row is gone, so the entry keeps only its title and former ID.
  await recordActivity(req, {
    action: 'deleted',
    release: { id: null, title: doc.title },
    detail: `Release ID ${doc.id}`,
  })
  return doc
}
