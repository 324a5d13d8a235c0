/**
 * Environment variables named in CONTRACT.md, with their defaults, read in one place. No Node-only
 * imports here: src/urls.ts (which client components use too) reads SITE_URL through this module.
 */

export const DEFAULT_DATABASE_URI = 'file:./data/newsroom.db'

export const databaseUri = (): string => process.env.DATABASE_URI?.trim() || DEFAULT_DATABASE_URI

export const isMongoUri = (uri: string): boolean => /^mongodb(\+srv)?:\/\//i.test(uri)

export const isPostgresUri = (uri: string): boolean => /^postgres(ql)?:\/\//i.test(uri)

/** Which database DATABASE_URI selects (CONTRACT.md): MongoDB, PostgreSQL, or the embedded SQLite file. */
export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export const databaseKind = (uri: string = databaseUri()): DatabaseKind =>
  isMongoUri(uri) ? 'mongodb' : isPostgresUri(uri) ? 'postgres' : 'sqlite'

export const usesEmbeddedDatabase = (): boolean => databaseKind() === 'sqlite'

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

/** The WebSub hub feeds announce, when one is configured. */
export const websubHub = (): string | undefined => process.env.WEBSUB_HUB_URL?.trim() || undefined

/** The newsroom's name, used as the feeds' title and publisher. */
export const siteName = (): string => process.env.SITE_NAME?.trim() || 'Partner Newsroom'
