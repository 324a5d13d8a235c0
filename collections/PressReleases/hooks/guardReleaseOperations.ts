import { Forbidden, type CollectionBeforeOperationHook } from 'payload'

import { isStaff, roleOf } from '@/access/roles'

/**
 * Two rules that access functions alone cannot express:
 * - readers who are not staff never get draft versions, whatever `?draft=true` says;
 * - contributors cannot unpublish (an update to `_status: 'draft'` that is not a draft save).
 */
export const guardReleaseOperations: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'read' && !isStaff(req.user) && args.draft) {
    return { ...args, draft: false }
  }
  if (operation === 'update' && roleOf(req.user) === 'contributor' && !args.draft) {
    const status = (args.data as { _status?: string } | undefined)?._status
    if (status === 'draft') {
      const ids = 'id' in args && args.id !== undefined ? [args.id] : null
      const published = await req.payload.count({
        collection: 'press-releases',
        where: {
          and: [
            { _status: { equals: 'published' } },
            ...(ids ? [{ id: { in: ids } }] : ['where' in args && args.where ? args.where : {}]),
          ],
        },
        req,
      })
      if (published.totalDocs > 0) throw new Forbidden(req.t)
    }
  }
  return args
}
