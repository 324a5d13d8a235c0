import path from 'node:path'

/** Where uploads are stored. `media/` at the project root unless MEDIA_DIR says otherwise. */
export const mediaDir = (): string =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.MEDIA_DIR || 'media')

/** Largest accepted upload, in bytes (with the other request limits, which the server also enforces). */
export { MAX_UPLOAD_BYTES } from '../../scripts/server/requestLimits.mjs'
