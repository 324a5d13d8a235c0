/**
 * Uploads in object storage (S3_BUCKET, @payloadcms/storage-s3) against a local S3-compatible
 * server started here: the file goes to the bucket and not to the media folder, every image size
 * too; Payload's file route serves it from the bucket; and access control is kept: a file nothing
 * public uses is refused to anonymous readers, and served once a public release uses it.
 */
import { existsSync, readdirSync } from 'node:fs'

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'

import { past, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { startS3 } from '../helpers/s3'

let s3: Awaited<ReturnType<typeof startS3>>
let n: TestNewsroom
let client: S3Client
let image: Media
let bytes: Buffer

beforeAll(async () => {
  s3 = await startS3()
  Object.assign(process.env, s3.env)
  n = await startTestNewsroom()
  client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  const sharp = (await import('sharp')).default
  bytes = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer()
  image = await n.payload.create({
    collection: 'media',
    data: { alt: 'Stored in the bucket' },
    file: { data: bytes, mimetype: 'image/png', name: 'in-bucket.png', size: bytes.length },
    ...as(n.users.editor),
  })
}, 120_000)

afterAll(async () => {
  await n?.close()
  client?.destroy()
  await s3?.close()
})

/** Payload's file route, as an anonymous reader gets it. */
const anonymousFile = async (url: string) => {
  const { default: config } = await import('@payload-config')
  return handleEndpoints({ config, request: new Request(new URL(url, 'http://127.0.0.1').toString()) })
}

describe('uploads in object storage', () => {
  it('stores the file and every image size in the bucket, nothing in the media folder', async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))
    const keys = (listed.Contents ?? []).map((o) => o.Key).sort()
    expect(keys).toContain('in-bucket.png')
    const sizes = Object.values(image.sizes ?? {})
      .map((s) => s?.filename)
      .filter(Boolean)
    expect(sizes.length).toBeGreaterThanOrEqual(2)
    for (const file of sizes) expect(keys).toContain(file)
    const stored = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: 'in-bucket.png' }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(bytes)).toBe(true)
    const mediaDir = process.env.MEDIA_DIR!
    expect(existsSync(mediaDir) ? readdirSync(mediaDir) : []).toEqual([])
  })

  it('keeps access control: refused while nothing public uses the file, served from the bucket once a public release does', async () => {
    expect(image.url).toBe('/api/media/file/in-bucket.png')
    const hidden = await anonymousFile(image.url!)
    expect([403, 404]).toContain(hidden.status)
    expect(Buffer.from(await hidden.arrayBuffer()).includes(bytes.subarray(0, 64))).toBe(false)
    const hiddenSize = await anonymousFile(image.sizes!.card!.url!)
    expect([403, 404]).toContain(hiddenSize.status)

    await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published', publishedAt: past(), heroImage: image.id }),
      ...as(n.users.editor),
    })
    const served = await anonymousFile(image.url!)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await anonymousFile(image.sizes!.card!.url!)).status).toBe(200)
  })
})
