/**
 * Uploads in an S3-compatible bucket when S3_BUCKET is set (CONTRACT.md: S3_REGION, S3_ENDPOINT,
 * S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE), on local disk (`media/`) otherwise,
 * with the official @payloadcms/storage-s3 plugin. Several instances then serve the same files.
 *
 * - Access control stays Payload's: files are still fetched through `/api/media/file/…`, which
 *   checks media read access (src/access/media.ts) before the plugin streams the object, and the
 *   objects are written private, so the bucket itself answers nobody without credentials.
 * - The plugin is always installed, enabled only with a bucket, and always adds its fields
 *   (`alwaysInsertFields`): the schema, and so the migrations, are the same with or without S3.
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

const flag = (value: string | undefined) => ['1', 'true', 'yes'].includes(value?.trim().toLowerCase() ?? '')

export const objectStorageBucket = (): string | undefined => process.env.S3_BUCKET?.trim() || undefined

export const objectStorage = (): Plugin => {
  const bucket = objectStorageBucket()
  const accessKeyId = process.env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY?.trim()
  return s3Storage({
    enabled: Boolean(bucket),
    alwaysInsertFields: true,
    bucket: bucket ?? 'unused',
    acl: 'private',
    collections: { media: true },
    config: {
      region: process.env.S3_REGION?.trim() || 'us-east-1',
      endpoint: process.env.S3_ENDPOINT?.trim() || undefined,
      forcePathStyle: flag(process.env.S3_FORCE_PATH_STYLE),
      // Without keys, the SDK's own chain (instance role, AWS_* variables, profiles).
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    },
  })
}
