import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, SanitizedCollectionConfig } from 'payload'

import { NOUNS, recordActivity, type ReviewedCollection } from './activity'
import { describeSave } from './saveChange'

/** The document's title as its collection's admin shows it (`useAsTitle`). */
const titleOf = (collection: SanitizedCollectionConfig, doc: Record<string, unknown>) =>
  String(doc[collection.admin?.useAsTitle ?? 'id'] ?? '')

/**
 * Writes each change of a release, quote, milestone or event to the audit trail. Review actions
 * are written by the review endpoint (with their comment) and skipped here.
 */
export const recordChange: CollectionAfterChangeHook = async (args) => {
  const { collection: config, doc, req, context } = args
  // Seeding (demo content, benchmark archives) is not editorial work.
  if (context.reviewAction || context.seeding) return doc
  const collection = config.slug as ReviewedCollection
  const subject = { id: doc.id, title: titleOf(config, doc) }
  const { kind } = describeSave(args)
  if (kind === 'created') {
    await recordActivity(req, { action: context.imported ? 'imported' : 'created', collection, doc: subject })
    if (doc._status === 'published') await recordActivity(req, { action: 'published', collection, doc: subject })
  } else if (kind === 'publish') {
    await recordActivity(req, { action: 'published', collection, doc: subject })
  } else if (kind === 'unpublish') {
    await recordActivity(req, { action: 'unpublished', collection, doc: subject })
  } else {
    await recordActivity(req, { action: 'edited', collection, doc: subject })
  }
  return doc
}

export const recordDeletion: CollectionAfterDeleteHook = async ({ collection: config, doc, req, context }) => {
  if (context.seeding) return doc
  // The document's row is gone, so the entry keeps only its title and former ID.
  const collection = config.slug as ReviewedCollection
  const noun = NOUNS[collection]
  await recordActivity(req, {
    action: 'deleted',
    collection,
    doc: { id: null, title: titleOf(config, doc) },
    detail: `${noun[0].toUpperCase()}${noun.slice(1)} ID ${doc.id}`,
  })
  return doc
}
