import config from '@payload-config'
import { getPayload } from 'payload'

import { databaseUri, isMongoUri } from './env'

/** The host part of a database URI, without credentials, for error messages. */
export const describeDatabase = (uri: string): string => {
  if (!isMongoUri(uri)) return uri
  const hosts = uri.replace(/^mongodb(\+srv)?:\/\//i, '').split('/')[0] ?? ''
  return hosts.includes('@') ? hosts.slice(hosts.lastIndexOf('@') + 1) : hosts
}

export const startPayload = async (): Promise<void> => {
  try {
    await getPayload({ config })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    console.error(`Cannot start: the database at ${describeDatabase(databaseUri())} is not reachable (${reason})`)
    process.exit(1)
  }
}
