import type { PayloadRequest } from 'payload'

import { isStaff } from '@/access/roles'
import { noticeSentBack, noticeSubmitted } from '@/email/staffMail'
import type { PressRelease } from '@/payload-types'

import { recordActivity } from './activity'
import { decideReview, REVIEW_ACTIONS, type ReviewAction, type ReviewState } from './review'

export const MAX_REVIEW_COMMENT = 2000

export type ReviewResult =
  | { ok: true; release: PressRelease }
  | { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: 'action' | 'comment' }

/**
 * Submit, withdraw or send back a release as `req.user`, recording the action (and comment) in
 * the audit trail and mailing the review notice (submitted: editors; sent back: the author). Used by `POST /api/press-releases/:id/review`.
 */
export const takeReviewAction = async (
  req: PayloadRequest,
  id: string | number,
  action: unknown,
  rawComment?: unknown,
): Promise<ReviewResult> => {
  if (!isStaff(req.user)) return { ok: false, status: 403, message: 'Only newsroom staff can take review actions.' }
  if (!REVIEW_ACTIONS.includes(action as ReviewAction)) {
    return {
      ok: false,
      status: 400,
      field: 'action',
      message: `"action" must be one of: ${REVIEW_ACTIONS.join(', ')}.`,
    }
  }
  if (rawComment !== undefined && rawComment !== null && typeof rawComment !== 'string') {
    return { ok: false, status: 400, field: 'comment', message: '"comment" must be text.' }
  }
  const comment = typeof rawComment === 'string' ? rawComment.trim() : ''
  if (comment.length > MAX_REVIEW_COMMENT) {
    return {
      ok: false,
      status: 400,
      field: 'comment',
      message: `"comment" is longer than ${MAX_REVIEW_COMMENT} characters.`,
    }
  }
  if (action === 'send-back' && !comment) {
    return {
      ok: false,
      status: 400,
      field: 'comment',
      message: 'Say what needs to change: "comment" is required when sending back.',
    }
  }

  const reviewAction = action as ReviewAction

  const release = await req.payload.findByID({
    collection: 'press-releases',
    id,
    draft: true,
    depth: 0,
    user: req.user,
    overrideAccess: false,
    disableErrors: true,
    req,
  })
  if (!release) return { ok: false, status: 404, message: `No press release with ID ${id}.` }

  const decision = decideReview(
    req.user,
    action as ReviewAction,
    (release.reviewStatus ?? 'in_progress') as ReviewState,
  )
  if (!decision.ok) return decision

  const updated = await req.payload.update({
    collection: 'press-releases',
    id: release.id,
    draft: true,
    data: {
      reviewStatus: decision.next,
      reviewComment: action === 'send-back' ? comment : action === 'submit' ? null : release.reviewComment,
      submittedAt: action === 'submit' ? new Date().toISOString() : release.submittedAt,
      submittedBy: action === 'submit' ? (req.user!.id as number) : release.submittedBy,
    },
    context: { reviewAction },
    overrideAccess: true,
    depth: 0,
    req,
  })
  const activity = ({ submit: 'submitted', withdraw: 'withdrawn', 'send-back': 'sent-back' } as const)[
    action as ReviewAction
  ]
  await recordActivity(req, { action: activity, release: updated, comment: comment || null })
  // Review notices by e-mail (each person can turn them off on their account page).
  if (action === 'submit') await noticeSubmitted(req, updated)
  if (action === 'send-back') await noticeSentBack(req, updated, comment)
  return { ok: true, release: updated }
}
