// `npm run backup [-- --out DIR]`: one archive (newsroom-YYYYMMDD-HHMMSS.tar.gz) holding a
// consistent copy of the embedded database, the uploaded media and a manifest. Safe while the
// server runs: SQLite's VACUUM INTO copies one read transaction's snapshot, and the media is
// copied after it, so every file the snapshot refers to is already on disk (Payload writes the
// file before the document).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { createClient } from '@libsql/client'
import * as tar from 'tar'

import { embeddedDatabaseFile, mediaBucket, mediaDirectory, secretFileBeside } from './lib/embedded.mjs'

const { values } = parseArgs({ options: { out: { type: 'string', default: 'backups' } } })

const databaseFile = embeddedDatabaseFile()
if (!databaseFile) {
  console.error(
    'DATABASE_URI names a server database: back it up with pg_dump or mongodump (see the README, Backups), plus the media folder or bucket.',
  )
  process.exit(1)
}
if (!existsSync(databaseFile)) {
  console.error(`No database at ${databaseFile} (DATABASE_URI): nothing to back up.`)
  process.exit(1)
}

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
const outDir = path.resolve(values.out)
const archive = path.join(outDir, `newsroom-${stamp}.tar.gz`)
const work = mkdtempSync(path.join(tmpdir(), 'newsroom-backup-'))

try {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [path.join(work, 'newsroom.db')] })
  } finally {
    client.close()
  }
  // Uploads in a bucket are not copied: the archive says where they are, and the bucket is backed
  // up on its own (versioning, or `aws s3 sync`; see the README). The media folder is empty then.
  const bucket = mediaBucket()
  const media = mediaDirectory()
  mkdirSync(path.join(work, 'media'))
  if (!bucket && existsSync(media)) cpSync(media, path.join(work, 'media'), { recursive: true })
  const secret = secretFileBeside(databaseFile)
  if (existsSync(secret)) cpSync(secret, path.join(work, '.payload-secret'))
  const manifest = {
    format: 'partner-newsroom-backup/1',
    createdAt: new Date().toISOString(),
    database: 'newsroom.db',
    media: bucket ? null : 'media',
    mediaBucket: bucket,
    mediaFiles: readdirSync(path.join(work, 'media'), { recursive: true }).length,
    secret: existsSync(secret) ? '.payload-secret' : null,
  }
  writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  mkdirSync(outDir, { recursive: true })
  await tar.create({ gzip: true, file: archive, cwd: work, portable: true }, readdirSync(work))
  if (bucket)
    console.error(`Uploads are in the S3 bucket ${bucket}: not in this archive, back the bucket up on its own.`)
  console.log(archive)
} finally {
  rmSync(work, { recursive: true, force: true })
}
