import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { recordActivity } from '@/workflow/activity'
import { describeSave } from '@/workflow/saveChange'

/**
 * Writes each change to the audit trail. Review actions are written by the review endpoint
 * (with their comment) and skipped here.
 */
export const recordReleaseChange: CollectionAfterChangeHook = async (args) => {
  const { doc, req, context } = args
  // Seeding (demo content, benchmark archives) is not editorial work.
  if (context.reviewAction || context.seeding) return doc
  const release = { id: doc.id, title: doc.title }
  const { kind } = describeSave(args)
  if (kind === 'created') {
    await recordActivity(req, { action: context.imported ? 'imported' : 'created', release })
    if (doc._status === 'published') await recordActivity(req, { action: 'published', release })
  } else if (kind === 'publish') {
    await recordActivity(req, { action: 'published', release })
  } else if (kind === 'unpublish') {
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
