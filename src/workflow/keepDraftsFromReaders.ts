import type { CollectionBeforeOperationHook } from 'payload'

import { isStaff } from '@/access/roles'

/**
 * Readers who are not staff never get draft versions, whatever `?draft=true` says: on every
 * collection with drafts, they read only the published document. (What contributors may write
 * is in ./contributorWrites.ts.)
 */
export const keepDraftsFromReaders: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'read' && !isStaff(req.user) && args.draft) {
    return { ...args, draft: false }
  }
  return args
}
