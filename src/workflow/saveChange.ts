/**
 * What one save changed, worked out once for everything that reacts to it: the audit trail
 * (recordReleaseActivity), partner notifications (announceWhenPublic), the jobs queue
 * (queueVisibilityJob) and the public caches (src/hooks/invalidatePublicContent.ts).
 */
import type { RequestContext, TypeWithID } from 'payload'

import { becomesPublicAt, isReleasePublic, type ReleaseVisibilityFields } from '@/access/visibility'

export type SaveKind =
  /** A new document, saved as a draft or published at once. */
  | 'created'
  /** A draft version saved (autosave included): the published document is unchanged. */
  | 'draft-save'
  /** Published: for the first time, or again after an unpublish. */
  | 'publish'
  /** A published document turned back into a draft. */
  | 'unpublish'
  /** A published document saved again as published: new wording, dates or relations. */
  | 'published-edit'
  /** A save of a document that has no drafts (partners, events, topics, media). */
  | 'edit'

export type SaveChange = {
  kind: SaveKind
  /** Whether anonymous readers may see something different after this save: caches must go. */
  touchesPublic: boolean
  /** For releases: public (by the visibility rule) before and after the save. */
  publicBefore: boolean
  publicAfter: boolean
  /** For releases: this very save made it public (nothing scheduled or embargoed is left). */
  becamePublicNow: boolean
  /** For releases: the future moment it now becomes public by itself, if that moment is new. */
  becomesPublicLater: Date | null
}

type Doc = (TypeWithID & ReleaseVisibilityFields & Record<string, unknown>) | null | undefined

export const describeSave = ({
  collection,
  operation,
  doc,
  previousDoc,
  context,
}: {
  collection: { slug: string; versions?: unknown }
  operation: 'create' | 'update' | 'delete'
  doc: Doc
  previousDoc?: Doc
  context: RequestContext
}): SaveChange => {
  const drafts = Boolean((collection.versions as { drafts?: unknown } | undefined)?.drafts)
  const isRelease = collection.slug === 'press-releases'
  const before = operation === 'create' ? null : previousDoc
  const wasPublished = before?._status === 'published'
  const isPublished = doc?._status === 'published'

  let kind: SaveKind
  if (operation === 'delete') kind = 'unpublish'
  else if (!drafts) kind = operation === 'create' ? 'created' : 'edit'
  else if (context.draftSave) kind = operation === 'create' ? 'created' : 'draft-save'
  else if (operation === 'create') kind = 'created'
  else if (isPublished) kind = wasPublished ? 'published-edit' : 'publish'
  else kind = wasPublished ? 'unpublish' : 'draft-save'

  // One clock reading per save, shared by every hook that asks: otherwise a moment that passes
  // between two hooks (the job queued for "later", then the announcement for "now") is both.
  const clockKey = `saveChange:now:${doc?.id ?? before?.id}:${(doc as { updatedAt?: string } | null)?.updatedAt ?? ''}`
  const now = new Date((context[clockKey] as number | undefined) ?? (context[clockKey] = Date.now()))
  const publicBefore = isRelease && Boolean(before) && isReleasePublic(before!, now)
  const publicAfter =
    isRelease && operation !== 'delete' && Boolean(doc) && !context.draftSave && isReleasePublic(doc!, now)
  const later = isRelease && doc && !context.draftSave && operation !== 'delete' ? becomesPublicAt(doc, now) : null
  const laterBefore = before && wasPublished ? becomesPublicAt(before, now) : null

  return {
    kind,
    // Without drafts every save is public at once; with drafts only a draft save leaves the public
    // document alone (a new draft, or a draft version on top of a published one).
    touchesPublic: !drafts || !(context.draftSave || (kind === 'created' && !isPublished)),
    publicBefore,
    publicAfter,
    becamePublicNow: publicAfter && !publicBefore,
    becomesPublicLater: later && (!laterBefore || laterBefore.getTime() !== later.getTime()) ? later : null,
  }
}
