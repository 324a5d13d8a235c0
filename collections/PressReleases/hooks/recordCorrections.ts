/**
 * A correction goes into the release's history (the audit trail, src/workflow/activity.ts) when
 * it reaches readers: when a save publishes a release with a correction its row did not have
 * (the published row, or an unpublished one being published again). Autosave puts the correction
 * into draft versions first, so the comparison is with the row (what readers had), not with the
 * previous version.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { correctionHeading, correctionKey, correctionsOf } from '@/lib/corrections'
import type { PressRelease } from '@/payload-types'
import { recordActivity } from '@/workflow/activity'

const keyFor = (id: unknown) => `corrections:published:${String(id)}`

export const rememberPublishedCorrections: CollectionBeforeChangeHook = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || context.draftSave || data._status !== 'published' || !originalDoc?.id) return data
  const live = (await req.payload.db.findOne({
    collection: 'press-releases',
    where: { id: { equals: originalDoc.id } },
    req,
  })) as PressRelease | null
  if (live) context[keyFor(originalDoc.id)] = correctionsOf(live).map(correctionKey)
  return data
}

export const recordCorrections: CollectionAfterChangeHook<PressRelease> = async ({ context, doc, req }) => {
  const before = context[keyFor(doc.id)] as string[] | undefined
  if (!before || context.seeding || doc._status !== 'published') return doc
  delete context[keyFor(doc.id)]
  const added = correctionsOf(doc)
    .filter((c) => !before.includes(correctionKey(c)))
    .reverse()
  for (const c of added) {
    const entry = { action: 'corrected', doc: { id: doc.id, title: doc.title }, comment: c.note } as const
    await recordActivity(req, { ...entry, detail: correctionHeading(c).replace(/:$/, '') })
  }
  return doc
}
