/**
 * The mails staff get: password reset (Payload's forgot-password flow renders it here),
 * invitations, review notices and sign-off requests. Each is one React Email template (src/email/templates/),
 * rendered to HTML and text, and queued in the caller's transaction (src/email/queue.ts).
 */
import type { PayloadRequest } from 'payload'
import { createElement } from 'react'

import type { PressRelease, User } from '@/payload-types'
import { siteName } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'
import { ACTIVITY_SUBJECTS, NOUNS, type ReviewedCollection } from '@/workflow/activity'
import { listNames, signOffStatus } from '@/workflow/signOff'

import { queueEmail } from './queue'
import { renderEmail } from './render'
import { Invitation } from './templates/Invitation'
import { PasswordReset } from './templates/PasswordReset'
import { ReviewNotice, type ReviewNoticeKind } from './templates/ReviewNotice'

/** What a review notice needs of the document it is about. */
type ReviewedRef = { id: number; title: string; submittedBy?: number | User | null }

/** How long a reset link works (Payload's default expiration, stated in the mail). */
export const RESET_VALID_MINUTES = 60
/** How long an invitation link works. */
export const INVITATION_VALID_DAYS = 7

const displayName = (user: Pick<User, 'name' | 'email'>) => user.name?.trim() || user.email

export const passwordResetHtml = async (args?: { token?: string; user?: unknown }): Promise<string> => {
  const { token, user } = args ?? {}
  const { html } = await renderEmail(
    createElement(PasswordReset, {
      siteName: siteName(),
      name: displayName(user as User),
      link: absoluteUrl(paths.adminPasswordReset(token ?? '')),
      validMinutes: RESET_VALID_MINUTES,
    }),
  )
  return html
}

export const passwordResetSubject = () => `Reset your ${siteName()} password`

export const queueInvitation = async (
  req: PayloadRequest,
  { user, token, invitedBy }: { user: User; token: string; invitedBy: string },
) => {
  const content = await renderEmail(
    createElement(Invitation, {
      siteName: siteName(),
      name: displayName(user),
      invitedBy,
      role: user.role ?? 'contributor',
      link: absoluteUrl(paths.adminPasswordReset(token)),
      validDays: INVITATION_VALID_DAYS,
    }),
  )
  await queueEmail(req.payload, { to: user.email, subject: `You are invited to ${siteName()}`, ...content }, req)
}

const SUBJECTS: Record<ReviewNoticeKind, (title: string) => string> = {
  submitted: (title) => `Review requested: ${title}`,
  'sent-back': (title) => `Sent back: ${title}`,
  published: (title) => `Public now: ${title}`,
  'sign-off': (title) => `Sign-off needed: ${title}`,
}

/** One review notice to each recipient who has not turned them off (and is not the one who acted). */
export const queueReviewNotices = async (
  req: PayloadRequest,
  {
    kind,
    collection = 'press-releases',
    release,
    recipients,
    comment,
    forPartners,
  }: {
    kind: ReviewNoticeKind
    collection?: ReviewedCollection
    release: ReviewedRef
    recipients: User[]
    comment?: string | null
    /** Per recipient, for a sign-off request: the partners they sign off for. */
    forPartners?: Map<number, string>
  },
): Promise<number> => {
  const actor = req.user && req.user.collection === 'users' ? (req.user as User) : null
  const wanted = recipients.filter((u) => u.reviewNotices !== false && u.id !== actor?.id && u.email)
  for (const user of wanted) {
    const content = await renderEmail(
      createElement(ReviewNotice, {
        siteName: siteName(),
        kind,
        name: displayName(user),
        releaseTitle: release.title,
        noun: NOUNS[collection],
        by: actor ? displayName(actor) : 'The newsroom',
        comment,
        forPartners: forPartners?.get(user.id),
        link: absoluteUrl(paths.adminDocument(collection, release.id)),
        preferencesLink: absoluteUrl(paths.adminAccount()),
      }),
    )
    await queueEmail(req.payload, { to: user.email, subject: SUBJECTS[kind](release.title), ...content }, req)
  }
  return wanted.length
}

const idOf = (ref: number | User | null | undefined) => (typeof ref === 'object' ? ref?.id : ref)

/** The author: whoever submitted it, else whoever created (or imported) it. */
const authorOf = async (
  req: PayloadRequest,
  collection: ReviewedCollection,
  doc: { id: number; submittedBy?: number | User | null },
): Promise<User | null> => {
  let id = idOf(doc.submittedBy)
  if (!id) {
    const { docs } = await req.payload.find({
      collection: 'release-activity',
      where: {
        and: [{ [ACTIVITY_SUBJECTS[collection]]: { equals: doc.id } }, { action: { in: ['created', 'imported'] } }],
      },
      sort: 'createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    id = idOf(docs[0]?.user as number | User | null | undefined)
  }
  if (!id) return null
  return req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true, req })
}

/** Submitted for review: every editor and admin hears of it. */
export const noticeSubmitted = async (req: PayloadRequest, collection: ReviewedCollection, doc: ReviewedRef) => {
  const { docs: editors } = await req.payload.find({
    collection: 'users',
    where: { role: { in: ['editor', 'admin'] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return queueReviewNotices(req, { kind: 'submitted', collection, release: doc, recipients: editors })
}

/** Sent back: the author gets the editor's comment. */
export const noticeSentBack = async (
  req: PayloadRequest,
  collection: ReviewedCollection,
  doc: ReviewedRef,
  comment: string,
) => {
  const author = await authorOf(req, collection, doc)
  return queueReviewNotices(req, {
    kind: 'sent-back',
    collection,
    release: doc,
    recipients: author ? [author] : [],
    comment,
  })
}

/** Became public (published now, or its embargo or publish date arrived): the author hears of it. */
export const noticePublished = async (req: PayloadRequest, releaseId: PressRelease['id']) => {
  const release = await req.payload.findByID({
    collection: 'press-releases',
    id: releaseId,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!release) return 0
  const author = await authorOf(req, 'press-releases', release)
  return queueReviewNotices(req, { kind: 'published', release, recipients: author ? [author] : [] })
}

/**
 * A joint release was submitted for review: each designated approver of a partner it lists hears
 * that it waits for their sign-off (a partner without approvers is signed off by an editor, who
 * already has the review notice).
 */
export const noticeSignOffNeeded = async (req: PayloadRequest, release: { id: number } & Record<string, unknown>) => {
  const status = await signOffStatus(req.payload, release, req)
  if (!status.joint) return 0
  const forPartners = new Map<number, string[]>()
  for (const p of status.partners)
    if (p.state !== 'approved')
      for (const a of p.approvers) forPartners.set(a.id, [...(forPartners.get(a.id) ?? []), p.partner.name])
  if (!forPartners.size) return 0
  const { docs: recipients } = await req.payload.find({
    collection: 'users',
    where: { id: { in: [...forPartners.keys()] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return queueReviewNotices(req, {
    kind: 'sign-off',
    release: { id: release.id, title: String(release.title ?? '') },
    recipients,
    forPartners: new Map([...forPartners].map(([id, names]) => [id, listNames(names)])),
  })
}
