import type { CollectionBeforeChangeHook } from 'payload'

const REVIEW_FIELDS = ['reviewStatus', 'reviewComment', 'submittedAt', 'submittedBy'] as const

/**
 * The review fields change only through the review endpoint (`context.reviewAction`) and by
 * publishing, which is the editor's approval. A new draft of an approved release is back in
 * progress until someone submits it again.
 */
export const keepReviewState: CollectionBeforeChangeHook = ({ data, originalDoc, context }) => {
  if (!context.reviewAction) {
    for (const field of REVIEW_FIELDS) data[field] = originalDoc?.[field] ?? null
    data.reviewStatus ??= 'in_progress'
    if (context.draftSave && data._status !== 'published' && data.reviewStatus === 'approved')
      data.reviewStatus = 'in_progress'
  }
  if (data._status === 'published') {
    data.reviewStatus = 'approved'
    data.reviewComment = null
  }
  return data
}
