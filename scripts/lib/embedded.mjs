// Where the embedded database and the uploads live, from DATABASE_URI and MEDIA_DIR (the same
// rules as src/server/env.ts, src/server/database.ts and src/server/uploads.ts, for scripts that run without the app).
import path from 'node:path'

export const DEFAULT_DATABASE_URI = 'file:./data/newsroom.db'

/** The SQLite file, or null when DATABASE_URI names MongoDB or PostgreSQL. */
export const embeddedDatabaseFile = () => {
  const uri = process.env.DATABASE_URI?.trim() || DEFAULT_DATABASE_URI
  if (/^(mongodb(\+srv)?|postgres(ql)?):\/\//i.test(uri)) return null
  if (!uri.startsWith('file:')) throw new Error(`DATABASE_URI "${uri}" is neither file:, postgres: nor mongodb:`)
  return path.resolve(uri.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
}

export const mediaDirectory = () => path.resolve(process.env.MEDIA_DIR || 'media')

/** The generated signing secret kept beside the database (src/server/secret.ts). */
export const secretFileBeside = (databaseFile) => path.join(path.dirname(databaseFile), '.payload-secret')

/** The S3 bucket uploads are stored in (S3_BUCKET), or null when they are in the media folder. */
export const mediaBucket = () => process.env.S3_BUCKET?.trim() || null
