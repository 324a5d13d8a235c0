import type { CollectionAfterChangeHook } from 'payload'

import { describeSave } from '@/workflow/saveChange'

/** A release published ahead of its embargo or publish date gets a job for the moment it goes public. */
export const queueVisibilityJob: CollectionAfterChangeHook = async (args) => {
  const at = describeSave(args).becomesPublicLater
  if (!at) return args.doc
  await args.req.payload.jobs.queue({
    task: 'announceVisibility',
    input: { release: String(args.doc.id), at: at.toISOString() },
    waitUntil: at,
    req: args.req,
  })
  return args.doc
}
