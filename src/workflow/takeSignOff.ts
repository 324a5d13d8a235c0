/**
 * A partner approver's decision on a joint release's text (./signOff.ts), taken through the
 * review endpoint: `approve` or `refuse` (with a comment) the `version` they read. Each decision
 * is one audit-trail entry per partner the approver signs for, naming the partner and the
 * version. A refusal of a release that awaits review also sends it back to its author with the
 * comment (the review state and the "Sent back" mail of ./takeReviewAction.ts).
 */
import type { PayloadRequest } from 'payload'

import { noticeSentBack } from '@/email/staffMail'

import { recordActivity } from './activity'
import type { ReviewState } from './review'
import { listNames, partnersUserSignsFor, signOffStatus } from './signOff'
import type { ReviewedDoc, ReviewResult } from './takeReviewAction'

const VERSION = /^[0-9a-f]{16}$/

export const takeSignOff = async (
  req: PayloadRequest,
  doc: ReviewedDoc,
  action: 'approve' | 'refuse',
  comment: string,
  version: unknown,
  next: ReviewState,
): Promise<ReviewResult> => {
  const status = await signOffStatus(req.payload, doc, req)
  // A release of one partner (or none) is approved by the editor's publish, as it always was.
  if (!status.joint) {
    return {
      ok: false,
      status: 400,
      field: 'action',
      message: `"${action}" is for joint releases (two or more partners): this one needs no sign-off, its publishing is the approval.`,
    }
  }
  if (typeof version !== 'string' || !VERSION.test(version)) {
    return {
      ok: false,
      status: 400,
      field: 'version',
      message: `"version" is required: the version of the text you read (16 hex digits; the current one is ${status.version}).`,
    }
  }
  const user = req.user as unknown as { id: number; name?: string; role?: string }
  const mine = partnersUserSignsFor(status, user)
  if (!mine.length) {
    const who = status.partners.map((p) =>
      p.standIn ? `${p.partner.name} (an editor)` : `${p.partner.name} (${listNames(p.approvers.map((a) => a.name))})`,
    )
    return {
      ok: false,
      status: 403,
      message: `Only a designated approver of a partner this release lists can sign it off: ${listNames(who)}.`,
    }
  }
  if (version !== status.version) {
    return {
      ok: false,
      status: 409,
      field: 'version',
      message: `The text was edited after you read it: you read version ${version}, the current one is ${status.version}. Read the current text, then sign off again.`,
    }
  }
  const deciding = action === 'approve' ? mine.filter((p) => p.state !== 'approved') : mine
  if (!deciding.length) {
    return {
      ok: false,
      status: 409,
      message: `You have already signed off version ${status.version} for ${listNames(mine.map((p) => p.partner.name))}.`,
    }
  }

  const title = String(doc.title ?? '')
  for (const p of deciding) {
    await recordActivity(req, {
      action: action === 'approve' ? 'signed-off' : 'sign-off-refused',
      doc: { id: doc.id, title },
      partner: p.partner.id,
      version: status.version,
      comment: comment || null,
      detail: `for ${p.partner.name}${p.standIn ? ', an editor standing in: no approver designated' : ''}`,
    })
  }

  let updated = doc
  if (action === 'refuse' && next !== doc.reviewStatus) {
    const reviewComment = `Sign-off refused for ${listNames(deciding.map((p) => p.partner.name))}: ${comment}`
    updated = (await req.payload.update({
      collection: 'press-releases',
      id: doc.id,
      draft: true,
      data: { reviewStatus: next, reviewComment } as never,
      context: { reviewAction: action },
      overrideAccess: true,
      depth: 0,
      req,
    })) as unknown as ReviewedDoc
    await noticeSentBack(
      req,
      'press-releases',
      { id: doc.id, title, submittedBy: updated.submittedBy as number | null },
      reviewComment,
    )
  }
  return { ok: true, doc: updated, signOff: await signOffStatus(req.payload, updated, req) }
}
