import path from 'node:path'

/** Where uploads are stored. `media/` at the project root unless MEDIA_DIR says otherwise. */
export const mediaDir = (): string =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.MEDIA_DIR || 'media')

/** Largest accepted upload, in bytes. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024
