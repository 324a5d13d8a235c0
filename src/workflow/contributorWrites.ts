/**
 * Contributors never change what the public sees (TRUST.md, "contributor"). This file is where
 * that holds for every collection with drafts (releases, quotes, milestones, events), whatever
 * API the write comes through: REST, GraphQL, the local API with access on, bulk updates
 * (`PATCH /api/…?where=`), version restore, the wire-copy importer and the review endpoint all
 * run Payload's own operations, and these hooks sit inside them.
 *
 * - `keepContributorWritesDraft` (beforeOperation): a contributor's create (a duplicate
 *   included), update of a published document (public, scheduled or embargoed), any bulk update,
 *   and any version restore are draft saves: a new draft version on top of the published
 *   document, whose row, which is all the public reads, is untouched. Asking to publish is left
 *   to access control, which refuses it (403); a restore must be a restore as draft.
 * - `pinPublicFields` (beforeChange) and `editorsOnceLive` (field access): on a document that has
 *   been published, the fields that decide visibility (`publishedAt`, `embargoUntil`), the slug
 *   and a release's public corrections keep the published document's values in a contributor's
 *   draft, so the editor's publish is the only thing that changes them (corrections are for
 *   editors only even before that: src/fields/corrections.ts).
 *
 * The review state machine itself is in ./review.ts.
 */
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type FieldAccess,
} from 'payload'

import { roleOf } from '@/access/roles'

/** The fields a contributor's draft cannot change on a document that has been published (those it has). */
export const LIVE_LOCKED_FIELDS = ['publishedAt', 'embargoUntil', 'slug', 'corrections'] as const

const isContributor = (user: unknown) => roleOf(user as never) === 'contributor'

export const keepContributorWritesDraft: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (!isContributor(req.user)) return args
  const publishing =
    ('data' in args ? (args.data as { _status?: string } | undefined) : undefined)?._status === 'published'
  // A duplicate of a published document would otherwise be created published.
  if (operation === 'create') return publishing ? args : { ...args, draft: true }
  if (operation === 'update') {
    // A publish stays a publish, so access control refuses it with a 403 rather than saving a draft.
    if (publishing || args.draft) return args
    // One document that has never been published (or was unpublished) keeps its own row up to date:
    // nothing public reads it. A published one, and any bulk update, gets draft versions only.
    if ('id' in args && args.id !== undefined && args.id !== null) {
      const live = await req.payload.db.findOne({
        collection: collection.slug as CollectionSlug,
        where: { id: { equals: args.id } },
        req,
      })
      if ((live as { _status?: string } | null)?._status !== 'published') return args
    }
    return { ...args, draft: true }
  }
  // Payload reads `draft` before this hook for a restore, so it cannot be switched on here: a
  // contributor's restore must ask for a draft (`?draft=true`, "Restore as draft").
  if (operation === 'restoreVersion' && !args.draft) {
    const message = 'Contributors restore a version as a draft (add ?draft=true); an editor publishes it.'
    throw new APIError(message, 403, { errors: [{ path: 'draft', message }] }, true)
  }
  return args
}

export const pinPublicFields: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !isContributor(req.user) || originalDoc?.id === undefined) return data
  // The published row, not the latest version (which may be a draft on top of it).
  const live = (await req.payload.db.findOne({
    collection: collection.slug as CollectionSlug,
    where: { id: { equals: originalDoc.id } },
    req,
  })) as Record<string, unknown> | null
  if (live?._status !== 'published') return data
  const fields = new Set(collection.flattenedFields.map((f) => f.name))
  for (const field of LIVE_LOCKED_FIELDS) {
    if (fields.has(field) && (field in live || field in data)) data[field] = live[field] ?? null
  }
  return data
}

/**
 * Field access for the fields above: a contributor may set them on a document that has never been
 * published, not on one whose latest version is published (the beforeChange hook covers a draft
 * on top of a published document).
 */
export const editorsOnceLive: FieldAccess = ({ req, doc }) =>
  !isContributor(req.user) || (doc as { _status?: string } | undefined)?._status !== 'published'
