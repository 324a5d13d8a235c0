// `npm run restore -- FILE [--force]`: put a backup from `npm run backup` back where DATABASE_URI
// and MEDIA_DIR point. Refuses to replace an existing database without --force (the old database
// and media are then moved aside, not deleted), and refuses while a server answers on PORT.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import * as tar from 'tar'

import { embeddedDatabaseFile, mediaDirectory, secretFileBeside } from './lib/embedded.mjs'

const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false } },
  allowPositionals: true,
})
const fail = (message) => {
  console.error(message)
  process.exit(1)
}

const file = positionals[0]
if (!file || !existsSync(file)) fail('Usage: npm run restore -- FILE [--force]  (FILE: an archive from npm run backup)')
const databaseFile = embeddedDatabaseFile()
if (!databaseFile) fail('DATABASE_URI names MongoDB: restore it with mongorestore (see the README).')
const media = mediaDirectory()

const port = process.env.PORT || '3000'
const running = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
  () => true,
  () => false,
)
if (running) fail(`A server is answering on port ${port}: stop it before restoring.`)

const mediaInUse = existsSync(media) && readdirSync(media).length > 0
if ((existsSync(databaseFile) || mediaInUse) && !values.force) {
  fail(
    `${existsSync(databaseFile) ? databaseFile : media} already exists: add --force to replace it (the current files are kept beside it).`,
  )
}

const work = mkdtempSync(path.join(tmpdir(), 'newsroom-restore-'))
try {
  const unreadable = await tar.extract({ file, cwd: work, strict: true }).then(
    () => null,
    (error) => error.message,
  )
  const manifestFile = path.join(work, 'manifest.json')
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null
  if (
    unreadable ||
    manifest?.format !== 'partner-newsroom-backup/1' ||
    !existsSync(path.join(work, manifest.database))
  ) {
    rmSync(work, { recursive: true, force: true })
    fail(`${file} is not a newsroom backup (${unreadable ?? 'no manifest.json with a database'}).`)
  }
  const aside = `.before-restore-${Date.now()}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, databaseFile + suffix + aside)
  }
  // A backup of a newsroom whose uploads are in a bucket holds none: the media folder stays as it is.
  if (manifest.media && existsSync(media)) renameSync(media, media + aside)
  mkdirSync(path.dirname(databaseFile), { recursive: true })
  cpSync(path.join(work, manifest.database), databaseFile)
  if (manifest.media) cpSync(path.join(work, manifest.media), media, { recursive: true })
  const secret = secretFileBeside(databaseFile)
  if (manifest.secret) {
    if (existsSync(secret)) renameSync(secret, secret + aside)
    cpSync(path.join(work, manifest.secret), secret)
  }
  console.log(
    manifest.media
      ? `Restored ${databaseFile} and ${media} (${manifest.mediaFiles} media files) from a backup of ${manifest.createdAt}.`
      : `Restored ${databaseFile} from a backup of ${manifest.createdAt}; its uploads are in the S3 bucket ${manifest.mediaBucket}.`,
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
