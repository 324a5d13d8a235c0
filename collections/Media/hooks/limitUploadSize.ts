import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { MAX_UPLOAD_BYTES } from '@/server/uploads'

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/**
 * One upload limit for REST, GraphQL and the local API, answered as a 400 that names the `file`
 * field. The multipart parser is told not to abort at the limit (payload.config.ts) but to
 * mark the file truncated, so that the answer comes from here.
 */
export const limitUploadSize: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file as (typeof req.file & { truncated?: boolean }) | undefined
  const size = file?.size ?? file?.data?.length ?? 0
  if (file && (file.truncated || size > MAX_UPLOAD_BYTES)) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          path: 'file',
          message: `File too large${file.truncated ? '' : ` (${megabytes(size)})`}: uploads are limited to ${megabytes(MAX_UPLOAD_BYTES)}.`,
        },
      ],
    })
  }
  return args
}
