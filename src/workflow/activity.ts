/**
 * The audit trail of everything that goes through review (releases, quotes, milestones, events):
 * who did what and when. Versions keep the content history; this records the actions (created,
 * edited, submitted, sent back, published, scheduled, unpublished, embargo lifted, deleted,
 * imported, a public correction published, a partner's sign-off or refusal, an embargoed pre-briefing sent, revoked or viewed) in the append-only `release-activity` collection. It kept its slug when quotes,
 * milestones and events joined it: its entries, the REST path partner tooling reads and the jobs
 * that write it stay as they were; each entry now says which collection it is about and links
 * the document through that collection's own field.
 */
import type { PayloadRequest } from 'payload'

/** The collections with drafts and review, and the activity field that links each one's entries. */
export const ACTIVITY_SUBJECTS = {
  'press-releases': 'release',
  quotes: 'quote',
  milestones: 'milestone',
  events: 'event',
} as const
export type ReviewedCollection = keyof typeof ACTIVITY_SUBJECTS
export const REVIEWED_COLLECTIONS = Object.keys(ACTIVITY_SUBJECTS) as ReviewedCollection[]
/** What messages call one document of each collection. */
export const NOUNS: Record<ReviewedCollection, string> = {
  'press-releases': 'release',
  quotes: 'quote',
  milestones: 'milestone',
  events: 'event',
}
export const isReviewedCollection = (slug: string): slug is ReviewedCollection => slug in ACTIVITY_SUBJECTS

export const ACTIVITY_ACTIONS = [
  'created',
  'edited',
  'submitted',
  'withdrawn',
  'sent-back',
  'published',
  'scheduled',
  'unscheduled',
  'unpublished',
  'became-public',
  'deleted',
  'imported',
  'corrected',
  'signed-off',
  'sign-off-refused',
  'pre-briefed',
  'pre-briefing-revoked',
  'pre-briefing-viewed',
] as const
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number]

export const ACTIVITY_LABELS: Record<ActivityAction, string> = {
  created: 'Created',
  edited: 'Edited',
  submitted: 'Submitted for review',
  withdrawn: 'Withdrawn from review',
  'sent-back': 'Sent back with comments',
  published: 'Published',
  scheduled: 'Publish scheduled',
  unscheduled: 'Scheduled publish cancelled',
  unpublished: 'Unpublished',
  'became-public': 'Became public (embargo lifted or publish date reached)',
  deleted: 'Deleted',
  imported: 'Imported from wire copy',
  corrected: 'Correction published',
  'signed-off': 'Signed off',
  'sign-off-refused': 'Sign-off refused',
  'pre-briefed': 'Embargoed pre-briefing sent',
  'pre-briefing-revoked': 'Pre-briefing link revoked',
  'pre-briefing-viewed': 'Pre-briefing viewed',
}

/** Consecutive edits by the same person within this window are one "edited" entry (autosave). */
const EDIT_COALESCE_MS = 30 * 60 * 1000

type Entry = {
  action: ActivityAction
  /** Releases when not given. */
  collection?: ReviewedCollection
  /** The document, with its title at the time (kept after a deletion, when `id` is null). */
  doc: { id: number | string | null; title?: string | null }
  comment?: string | null
  at?: Date
  detail?: string | null
  /** A sign-off (src/workflow/signOff.ts): for which partner, of which text version. */
  partner?: number | null
  version?: string | null
}

const userId = (req: PayloadRequest) =>
  req.user && req.user.collection === 'users' ? (req.user.id as number) : undefined

export const recordActivity = async (req: PayloadRequest, entry: Entry): Promise<void> => {
  const by = userId(req)
  const collection = entry.collection ?? 'press-releases'
  const field = ACTIVITY_SUBJECTS[collection]
  if (entry.action === 'edited') {
    const recent = await req.payload.find({
      collection: 'release-activity',
      where: { [field]: { equals: entry.doc.id ?? -1 } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    const last = recent.docs[0]
    const lastBy = typeof last?.user === 'object' ? last?.user?.id : last?.user
    if (
      entry.doc.id !== null &&
      last &&
      ['created', 'imported', 'edited'].includes(last.action) &&
      lastBy === by &&
      Date.now() - Date.parse(last.createdAt) < EDIT_COALESCE_MS
    ) {
      return
    }
  }
  await req.payload.create({
    collection: 'release-activity',
    data: {
      action: entry.action,
      subjectType: collection,
      [field]: (entry.doc.id as number | null) ?? null,
      releaseTitle: entry.doc.title ?? '',
      user: by ?? null,
      comment: entry.comment ?? undefined,
      detail: entry.detail ?? undefined,
      partner: entry.partner ?? undefined,
      version: entry.version ?? undefined,
    },
    req,
    overrideAccess: true,
  })
}
