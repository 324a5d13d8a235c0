import type { PayloadRequest } from 'payload'

import { isStaff } from '@/access/roles'
import { noticeSentBack, noticeSignOffNeeded, noticeSubmitted } from '@/email/staffMail'

import { NOUNS, recordActivity, type ReviewedCollection } from './activity'
import { decideReview, isSignOffAction, REVIEW_ACTIONS, type ReviewAction, type ReviewState } from './review'
import type { SignOffStatus } from './signOff'
import { takeSignOff } from './takeSignOff'

export const MAX_REVIEW_COMMENT = 2000

export type ReviewResult =
  | { ok: true; doc: ReviewedDoc; signOff?: SignOffStatus }
  | { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: 'action' | 'comment' | 'version' }

/** The review fields every reviewed document has (src/workflow/reviewed.ts). */
export type ReviewedDoc = {
  id: number
  reviewStatus?: ReviewState | null
  reviewComment?: string | null
  submittedAt?: string | null
  submittedBy?: number | { id: number } | null
} & Record<string, unknown>

/**
 * Submit, withdraw or send back a release, quote, milestone or event as `req.user`, recording the
 * action (and comment) in the audit trail, and mailing the review notice
 * (submitted: editors, and the approvers of a joint release's partners; sent back: the author).
 * Approve and refuse are a partner approver's sign-off of a joint release's text
 * (`version`, ./takeSignOff.ts). Used by `POST /api/{collection}/:id/review`.
 */
export const takeReviewAction = async (
  req: PayloadRequest,
  collection: ReviewedCollection,
  id: string | number,
  action: unknown,
  rawComment?: unknown,
  { version }: { version?: unknown } = {},
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
  if (action === 'refuse' && !comment) {
    return {
      ok: false,
      status: 400,
      field: 'comment',
      message: 'Say why, and what would have to change: "comment" is required when refusing sign-off.',
    }
  }
  if (isSignOffAction(action as ReviewAction) && collection !== 'press-releases') {
    return {
      ok: false,
      status: 400,
      field: 'action',
      message: `Sign-off ("${String(action)}") is for press releases that list several partners, not for a ${NOUNS[collection]}.`,
    }
  }

  const reviewAction = action as ReviewAction

  const noun = NOUNS[collection]
  const found = await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    user: req.user,
    overrideAccess: false,
    disableErrors: true,
    req,
  })
  const doc = found as unknown as ReviewedDoc | null
  if (!doc) return { ok: false, status: 404, message: `No ${noun} with ID ${id}.` }

  const decision = decideReview(
    req.user,
    action as ReviewAction,
    (doc.reviewStatus ?? 'in_progress') as ReviewState,
    noun,
  )
  if (!decision.ok) return decision
  if (isSignOffAction(reviewAction)) return takeSignOff(req, doc, reviewAction, comment, version, decision.next)

  const submittedBy = typeof doc.submittedBy === 'object' && doc.submittedBy ? doc.submittedBy.id : doc.submittedBy
  const updated = (await req.payload.update({
    collection,
    id: doc.id,
    draft: true,
    data: {
      reviewStatus: decision.next,
      reviewComment: action === 'send-back' ? comment : action === 'submit' ? null : doc.reviewComment,
      submittedAt: action === 'submit' ? new Date().toISOString() : doc.submittedAt,
      submittedBy: action === 'submit' ? (req.user!.id as number) : submittedBy,
    } as never,
    context: { reviewAction },
    overrideAccess: true,
    depth: 0,
    req,
  })) as unknown as ReviewedDoc
  const activity = ({ submit: 'submitted', withdraw: 'withdrawn', 'send-back': 'sent-back' } as const)[
    action as 'submit' | 'withdraw' | 'send-back'
  ]
  const title = req.payload.collections[collection].config.admin?.useAsTitle ?? 'id'
  await recordActivity(req, {
    action: activity,
    collection,
    doc: { id: updated.id, title: String(updated[title] ?? '') },
    comment: comment || null,
  })
  // Review notices by e-mail (each person can turn them off on their account page).
  const ref = { id: updated.id, title: String(updated[title] ?? ''), submittedBy: updated.submittedBy as number | null }
  if (action === 'submit') await noticeSubmitted(req, collection, ref)
  if (action === 'submit' && collection === 'press-releases') await noticeSignOffNeeded(req, updated)
  if (action === 'send-back') await noticeSentBack(req, collection, ref, comment)
  return { ok: true, doc: updated }
}
