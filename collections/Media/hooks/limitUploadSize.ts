import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { MAX_UPLOAD_BYTES } from '@/lib/paths'

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/**
 * The multipart parser enforces the limit on REST uploads; this applies the same limit to the
 * local API and GraphQL, with a message that says what the limit is.
 */
export const limitUploadSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const size = req.file?.size ?? req.file?.data?.length ?? 0
  if (size > MAX_UPLOAD_BYTES) {
    throw new APIError(
      `File too large: ${megabytes(size)}; uploads are limited to ${megabytes(MAX_UPLOAD_BYTES)}.`,
      413,
      undefined,
      true,
    )
  }
  return args
}
