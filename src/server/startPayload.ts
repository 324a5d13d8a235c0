import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { getPayload } from 'payload'

import { sqliteFilePath } from './database'
import { databaseKind, databaseUri } from './env'

/** The host part of a database URI, without credentials, for error messages. */
export const describeDatabase = (uri: string): string => {
  const kind = databaseKind(uri)
  if (kind === 'sqlite') return uri
  const hosts = uri.replace(/^[a-z+]+:\/\//i, '').split('/')[0] ?? ''
  return hosts.includes('@') ? hosts.slice(hosts.lastIndexOf('@') + 1) : hosts
}

/** Opens the embedded database file once, so that a bad path or a damaged file fails here. */
const openEmbeddedDatabase = async (file: string): Promise<void> => {
  mkdirSync(path.dirname(file), { recursive: true })
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute('PRAGMA schema_version')
  } finally {
    client.close()
  }
}

/**
 * Connects Payload once at start. A database that cannot be reached or opened stops the server
 * with one line and exit code 1 (the embedded file is opened first, before Payload's adapter
 * would log a stack trace for it).
 */
export const startPayload = async (): Promise<void> => {
  const uri = databaseUri()
  const file = sqliteFilePath(uri)
  try {
    if (file) await openEmbeddedDatabase(file)
    const { default: config } = await import('@payload-config')
    await getPayload({ config })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    console.error(
      file
        ? `Cannot start: the embedded database ${file} cannot be opened (${reason})`
        : `Cannot start: the database at ${describeDatabase(uri)} is not reachable (${reason})`,
    )
    process.exit(1)
  }
}
