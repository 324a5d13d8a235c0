import type { CollectionBeforeOperationHook } from 'payload'

import { isStaff } from '@/access/roles'

/**
 * Readers who are not staff never get draft versions, whatever `?draft=true` says. (What
 * contributors may write is in src/workflow/contributorWrites.ts.)
 */
export const guardReleaseOperations: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'read' && !isStaff(req.user) && args.draft) {
    return { ...args, draft: false }
  }
  return args
}
