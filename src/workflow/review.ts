/**
 * The review flow of releases, quotes, milestones and events: contributors submit drafts, editors
 * publish, schedule or send them back with a comment. The state lives in each document's sidebar
 * fields `reviewStatus`, `reviewComment`, `submittedBy` and `submittedAt` (staff-only, changed only
 * here and by publishing; src/workflow/reviewed.ts); the API for it is
 * `POST /api/{collection}/:id/review` (src/workflow/reviewEndpoint.ts).
 *
 * Joint releases (two or more partners) also need each partner's sign-off: `approve` and
 * `refuse` are review actions too, taken through the same endpoint by the partners' designated
 * approvers (src/workflow/signOff.ts). They leave the review state as it is, except that a refusal
 * sends a release that awaits review back to its author with the approver's comment.
 */
import type { PayloadRequest } from 'payload'

import { isEditor, isStaff, roleOf } from '@/access/roles'

export const REVIEW_STATES = ['in_progress', 'awaiting_review', 'changes_requested', 'approved'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_LABELS: Record<ReviewState, string> = {
  in_progress: 'In progress',
  awaiting_review: 'Awaiting review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
}

export const REVIEW_ACTIONS = ['submit', 'withdraw', 'send-back', 'approve', 'refuse'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

type Decision = { ok: true; next: ReviewState } | { ok: false; status: 403 | 409; message: string }

/**
 * Whether `user` may take `action` on a document in state `current`, and the state it leads to.
 * `noun` names the document in the messages ("release", "quote", ...).
 */
export const decideReview = (
  user: PayloadRequest['user'],
  action: ReviewAction,
  current: ReviewState,
  noun = 'release',
): Decision => {
  if (!isStaff(user)) return { ok: false, status: 403, message: 'Only newsroom staff can take review actions.' }
  switch (action) {
    case 'submit':
      if (current === 'awaiting_review')
        return { ok: false, status: 409, message: `This ${noun} is already awaiting review.` }
      return { ok: true, next: 'awaiting_review' }
    case 'withdraw':
      if (current !== 'awaiting_review')
        return { ok: false, status: 409, message: `Only a ${noun} awaiting review can be withdrawn.` }
      return { ok: true, next: 'in_progress' }
    case 'send-back':
      if (!isEditor(user)) return { ok: false, status: 403, message: `Only editors can send a ${noun} back.` }
      if (current !== 'awaiting_review')
        return { ok: false, status: 409, message: `Only a ${noun} awaiting review can be sent back.` }
      return { ok: true, next: 'changes_requested' }
    // Who may sign off which partner's part, and for which version, is decided in ./signOff.ts.
    case 'approve':
      return { ok: true, next: current }
    case 'refuse':
      return { ok: true, next: current === 'awaiting_review' ? 'changes_requested' : current }
  }
}

export const isSignOffAction = (action: ReviewAction): action is 'approve' | 'refuse' =>
  action === 'approve' || action === 'refuse'

export const canPublish = (user: PayloadRequest['user']) => isEditor(user)
export const isContributor = (user: PayloadRequest['user']) => roleOf(user) === 'contributor'
