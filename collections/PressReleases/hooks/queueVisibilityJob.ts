import type { CollectionAfterChangeHook } from 'payload'

import { becomesPublicAt } from '@/access/visibility'

/** A release published ahead of its embargo or publish date gets a job for the moment it goes public. */
export const queueVisibilityJob: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const at = becomesPublicAt(doc)
  if (!at) return doc
  const before = previousDoc ? becomesPublicAt(previousDoc) : null
  if (before && before.getTime() === at.getTime() && previousDoc?._status === 'published') return doc
  await req.payload.jobs.queue({
    task: 'announceVisibility',
    input: { release: String(doc.id), at: at.toISOString() },
    waitUntil: at,
    req,
  })
  return doc
}
