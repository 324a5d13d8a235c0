/**
 * The audit trail of releases: who did what and when. Versions keep the content history; this
 * records the actions (created, edited, submitted, sent back, published, scheduled, unpublished,
 * embargo lifted, deleted, imported) in the append-only `release-activity` collection.
 */
import type { PayloadRequest } from 'payload'

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
}

/** Consecutive edits by the same person within this window are one "edited" entry (autosave). */
const EDIT_COALESCE_MS = 30 * 60 * 1000

type Entry = {
  action: ActivityAction
  release: { id: number | string | null; title?: string | null }
  comment?: string | null
  at?: Date
  detail?: string | null
}

const userId = (req: PayloadRequest) =>
  req.user && req.user.collection === 'users' ? (req.user.id as number) : undefined

export const recordActivity = async (req: PayloadRequest, entry: Entry): Promise<void> => {
  const by = userId(req)
  if (entry.action === 'edited') {
    const recent = await req.payload.find({
      collection: 'release-activity',
      where: { release: { equals: entry.release.id ?? -1 } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    const last = recent.docs[0]
    const lastBy = typeof last?.user === 'object' ? last?.user?.id : last?.user
    if (
      entry.release.id !== null &&
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
      release: (entry.release.id as number | null) ?? null,
      releaseTitle: entry.release.title ?? '',
      user: by ?? null,
      comment: entry.comment ?? undefined,
      detail: entry.detail ?? undefined,
    },
    req,
    overrideAccess: true,
  })
}
