import type { TaskConfig } from 'payload'

import { isMediaInUse } from '@/uploads/mediaInUse'

/**
 * Queued when a partner save that named a freshly uploaded logo failed
 * (collections/Partners/hooks/forgetUnsavedLogo.ts). Runs after a grace period, so a save that is
 * fixed and retried keeps its logo; if by then nothing uses the upload, it is deleted (file and
 * image sizes with it) instead of staying behind as an orphan nobody can see or find.
 */
export const removeUnusedUpload: TaskConfig<'removeUnusedUpload'> = {
  slug: 'removeUnusedUpload',
  label: 'Remove an upload a failed save left unused',
  inputSchema: [{ name: 'media', type: 'text', required: true }],
  retries: 2,
  handler: async ({ input, req }) => {
    const media = await req.payload.findByID({
      collection: 'media',
      id: input.media,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!media || (await isMediaInUse(req.payload, media.id, req))) return { output: {} }
    await req.payload.delete({ collection: 'media', id: media.id, overrideAccess: true, req })
    req.payload.logger.info(`Removed upload ${media.id} (${media.filename}): left unused by a failed partner save`)
    return { output: {} }
  },
}
