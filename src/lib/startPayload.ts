import { getPayload } from 'payload'

import { databaseUri, isMongoUri, sqliteFilePath } from './env'

/** The host part of a database URI, without credentials, for error messages. */
export const describeDatabase = (uri: string): string => {
  if (!isMongoUri(uri)) return uri
  const hosts = uri.replace(/^mongodb(\+srv)?:\/\//i, '').split('/')[0] ?? ''
  return hosts.includes('@') ? hosts.slice(hosts.lastIndexOf('@') + 1) : hosts
}

/**
 * Connects Payload once at start. Any failure, including one while the config is loaded (the
 * embedded database's folder cannot be made), stops the server with one line and exit code 1.
 */
export const startPayload = async (): Promise<void> => {
  try {
    const { default: config } = await import('@payload-config')
    await getPayload({ config })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    const uri = databaseUri()
    console.error(
      isMongoUri(uri)
        ? `Cannot start: the database at ${describeDatabase(uri)} is not reachable (${reason})`
        : `Cannot start: the embedded database ${sqliteFilePath(uri) ?? uri} cannot be opened (${reason})`,
    )
    process.exit(1)
  }
}
