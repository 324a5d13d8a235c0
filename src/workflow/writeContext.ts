/**
 * The flags a write carries through Payload's hooks (`req.context`), typed once for every hook:
 *
 * - `draftSave`: this save writes a draft version only (autosave included); the published
 *   document, and so everything public, is unchanged. Set by `rememberDraftSave` below.
 * - `seeding`: demo content or a benchmark archive is being loaded: no audit trail, no
 *   notifications (src/seed/upsert.ts, bench/seed-archive.ts).
 * - `reviewAction`: the review endpoint's own update of the review fields
 *   (src/workflow/takeReviewAction.ts).
 * - `imported`: the release was created from wire copy (src/import/wireCopy/importRelease.ts).
 */
import type { CollectionBeforeOperationHook } from 'payload'

import type { ReviewAction } from './review'

declare module 'payload' {
  interface RequestContext {
    draftSave?: boolean
    seeding?: boolean
    reviewAction?: ReviewAction
    imported?: boolean
  }
}

/**
 * Payload saves a draft version, and leaves the published document alone, when a write asks for
 * a draft (`?draft=true`, `draft: true`) and does not publish (`_status: 'published'`): the same
 * test its update operation makes. The afterChange hooks cannot see the operation's arguments,
 * so the answer is kept in the context for them.
 */
export const rememberDraftSave: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  if (operation === 'create' || operation === 'update') {
    const publishing = (args.data as { _status?: string } | undefined)?._status === 'published'
    context.draftSave = Boolean(args.draft) && !publishing
  }
  // A version restored as a draft leaves the published document alone too.
  if (operation === 'restoreVersion') context.draftSave = Boolean(args.draft)
  return args
}
