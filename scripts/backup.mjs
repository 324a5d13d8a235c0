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

import { embeddedDatabaseFile, mediaDirectory, secretFileBeside } from './lib/embedded.mjs'

const { values } = parseArgs({ options: { out: { type: 'string', default: 'backups' } } })

const databaseFile = embeddedDatabaseFile()
if (!databaseFile) {
  console.error('DATABASE_URI names MongoDB: back it up with mongodump (see the README), plus the media folder.')
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
  const media = mediaDirectory()
  mkdirSync(path.join(work, 'media'))
  if (existsSync(media)) cpSync(media, path.join(work, 'media'), { recursive: true })
  const secret = secretFileBeside(databaseFile)
  if (existsSync(secret)) cpSync(secret, path.join(work, '.payload-secret'))
  const manifest = {
    format: 'partner-newsroom-backup/1',
    createdAt: new Date().toISOString(),
    database: 'newsroom.db',
    media: 'media',
    mediaFiles: readdirSync(path.join(work, 'media'), { recursive: true }).length,
    secret: existsSync(secret) ? '.payload-secret' : null,
  }
  writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  mkdirSync(outDir, { recursive: true })
  await tar.create({ gzip: true, file: archive, cwd: work, portable: true }, readdirSync(work))
  console.log(archive)
} finally {
  rmSync(work, { recursive: true, force: true })
}
