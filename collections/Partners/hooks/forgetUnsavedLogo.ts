import type { CollectionAfterErrorHook } from 'payload'

import { idOf } from '@/richText/media'
import { isMediaInUse } from '@/uploads/mediaInUse'

/** Logos uploaded this recently, for the save that failed, are the ones that save left behind. */
const FRESH_UPLOAD_MS = 24 * 60 * 60 * 1000
/** Time to fix the error and save again before an unused upload is removed. */
export const uploadCleanupDelayMs = () => {
  const configured = Number(process.env.UPLOAD_CLEANUP_DELAY_MS)
  return Number.isFinite(configured) && configured >= 0 && process.env.UPLOAD_CLEANUP_DELAY_MS !== ''
    ? configured
    : 60 * 60 * 1000
}

/**
 * In the admin, a logo is uploaded (a media document of its own) before the partner is saved.
 * When that save fails (a taken slug, a missing field) and is never retried, the upload stays
 * behind: nothing uses it, nobody sees it, and it is not public. So a failed create or update
 * naming a freshly uploaded logo that nothing else uses queues its removal after a grace period
 * (src/jobs/removeUnusedUpload.ts), which keeps it if a later save uses it after all.
 */
export const forgetUnsavedLogo: CollectionAfterErrorHook = async ({ req }) => {
  if (req.method !== 'POST' && req.method !== 'PATCH') return
  const logo = idOf((req.data as { logo?: unknown } | undefined)?.logo)
  if (logo === null) return
  try {
    const media = await req.payload.findByID({
      collection: 'media',
      id: logo,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!media || Date.now() - Date.parse(media.createdAt) > FRESH_UPLOAD_MS) return
    if (await isMediaInUse(req.payload, media.id)) return
    await req.payload.jobs.queue({
      task: 'removeUnusedUpload',
      input: { media: String(media.id) },
      waitUntil: new Date(Date.now() + uploadCleanupDelayMs()),
    })
  } catch (err) {
    // The failed save's own answer matters more than this clean-up: log, never mask it.
    req.payload.logger.error({ err }, 'Could not queue the clean-up of an unsaved partner logo')
  }
}
