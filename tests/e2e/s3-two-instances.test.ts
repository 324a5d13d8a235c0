/**
 * Two production servers on one database with uploads in object storage (S3_*, a local s3rver
 * started here), each with a media folder of its own: a file uploaded through A is served by B
 * from the bucket, and Payload's access control holds on B: a file only a draft uses stays
 * 403/404 for anonymous readers until a release using it is published (through A), and is
 * refused again once that release is unpublished.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startS3 } from '../helpers/s3'
import { startServer, type TestServer } from '../helpers/server'
import { ANONYMOUS, apiAs, requestAs, setUpStaff, uploadAs, type Session } from '../helpers/staff'

const SECRET = 's3-two-instances-test-secret'

let dir: string
let s3: Awaited<ReturnType<typeof startS3>>
let a: TestServer
let b: TestServer
let editor: Session
let bytes: Buffer
let upload: Awaited<ReturnType<typeof uploadAs>>

const mediaOf = (name: string) => path.join(dir, `media-${name}`)
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : [])

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      },
    ],
  },
})

/** The anonymous status of `url` on `server`, polled until `expected` holds (at most 10 s). */
const anonymousStatusBecomes = async (server: TestServer, url: string, expected: (status: number) => boolean) => {
  const until = Date.now() + 10_000
  let status = 0
  while (Date.now() < until) {
    status = (await requestAs(server.url, ANONYMOUS, url)).status
    if (expected(status)) return status
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return status
}
const refused = (status: number) => status === 403 || status === 404

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsroom-s3-two-'))
  s3 = await startS3()
  const env = { SEED_DEMO: 'false', PAYLOAD_SECRET: SECRET, ...s3.env }
  for (const name of ['a', 'b']) mkdirSync(mediaOf(name))
  // One after the other: the first migrates the database. Each has its own (empty) media folder.
  a = await startServer({ ...env, MEDIA_DIR: mediaOf('a') }, { dir })
  b = await startServer({ ...env, MEDIA_DIR: mediaOf('b'), PAYLOAD_JOBS_AUTORUN: 'false' }, { dir })
  editor = (await setUpStaff(a.url)).editor
  const sharp = (await import('sharp')).default
  bytes = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#aa3366' } })
    .png()
    .toBuffer()
  upload = await uploadAs(a.url, editor, { data: bytes, type: 'image/png', name: 'through-a.png' }, { alt: 'Via A' })
})
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await s3?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('two instances, uploads in S3', () => {
  it('serves a file uploaded through A from B, out of the bucket (neither media folder holds it)', async () => {
    expect(filesIn(mediaOf('a'))).toEqual([])
    expect(filesIn(mediaOf('b'))).toEqual([])
    const onB = await requestAs(b.url, editor, upload.url)
    expect(onB.status).toBe(200)
    expect(Buffer.from(await onB.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('keeps it 403/404 on B for anonymous readers while only a draft uses it, served once published, refused again after', async () => {
    expect(refused((await requestAs(b.url, ANONYMOUS, upload.url)).status)).toBe(true)
    const { doc } = await apiAs<{ doc: { id: number | string } }>(a.url, editor, '/api/press-releases', {
      title: 'Stored in the bucket',
      slug: `s3-two-${Date.now().toString(36)}`,
      summary: 'A release whose hero image lives in object storage.',
      body: paragraph('The body.'),
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      heroImage: upload.id,
      _status: 'draft',
    })
    const hidden = await requestAs(b.url, ANONYMOUS, upload.url)
    expect(refused(hidden.status)).toBe(true)
    expect(Buffer.from(await hidden.arrayBuffer()).includes(bytes.subarray(0, 64))).toBe(false)

    await apiAs(a.url, editor, `/api/press-releases/${doc.id}`, { _status: 'published' }, 'PATCH')
    expect(await anonymousStatusBecomes(b, upload.url, (s) => s === 200)).toBe(200)
    const served = await requestAs(b.url, ANONYMOUS, upload.url)
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)

    await apiAs(a.url, editor, `/api/press-releases/${doc.id}`, { _status: 'draft' }, 'PATCH')
    expect(refused(await anonymousStatusBecomes(b, upload.url, refused))).toBe(true)
  })
})
