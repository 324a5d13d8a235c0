/** Environment variables named in CONTRACT.md, with their defaults, read in one place. */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

export const DEFAULT_DATABASE_URI = 'file:./data/newsroom.db'

export const databaseUri = (): string => process.env.DATABASE_URI?.trim() || DEFAULT_DATABASE_URI

export const isMongoUri = (uri: string): boolean => /^mongodb(\+srv)?:\/\//i.test(uri)

export const usesEmbeddedDatabase = (): boolean => !isMongoUri(databaseUri())

export const port = (): number => Number(process.env.PORT) || 3000

/** Public origin for feeds, canonical links, sitemaps and JSON-LD; never ends with a slash. */
export const siteUrl = (): string => (process.env.SITE_URL?.trim() || `http://localhost:${port()}`).replace(/\/+$/, '')

/** Demo content at first start: on by default for the embedded database only. */
export const shouldSeedDemo = (): boolean => {
  const flag = process.env.SEED_DEMO?.trim().toLowerCase()
  if (flag === 'false' || flag === '0' || flag === 'no') return false
  if (flag === 'true' || flag === '1' || flag === 'yes') return true
  return usesEmbeddedDatabase()
}

/** The SQLite file behind a `file:` URI, resolved against the working directory. */
export const sqliteFilePath = (uri: string = databaseUri()): string | null => {
  if (!uri.startsWith('file:')) return null
  const p = uri.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p)
}

/**
 * PAYLOAD_SECRET, or for the embedded database a generated one kept beside the database file
 * (so sessions survive restarts). Production on MongoDB must set it explicitly.
 */
export const payloadSecret = (): string => {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  const file = sqliteFilePath()
  if (!file) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error('PAYLOAD_SECRET must be set when running in production on MongoDB.')
    }
    return 'development-only-secret-set-PAYLOAD_SECRET'
  }
  const secretFile = path.join(path.dirname(file), '.payload-secret')
  if (existsSync(secretFile)) return readFileSync(secretFile, 'utf8').trim()
  mkdirSync(path.dirname(secretFile), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(secretFile, secret, { mode: 0o600, flag: 'wx' })
  return secret
}

/** An absolute URL on the public site for a path such as `/news/slug`. */
export const absoluteUrl = (pathOrUrl: string): string => new URL(pathOrUrl, `${siteUrl()}/`).toString()

/** The WebSub hub feeds announce, when one is configured. */
export const websubHub = (): string | undefined => process.env.WEBSUB_HUB_URL?.trim() || undefined

/** The newsroom's name, used as the feeds' title and publisher. */
export const siteName = (): string => process.env.SITE_NAME?.trim() || 'Partner Newsroom'
