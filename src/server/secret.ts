import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { sqliteFilePath } from './database'
import { databaseKind } from './env'

/**
 * PAYLOAD_SECRET, or for the embedded database a generated one kept beside the database file
 * (so sessions survive restarts). Production on a server database (MongoDB, PostgreSQL) must
 * set it explicitly: several instances share it, and none may invent its own.
 */
export const payloadSecret = (): string => {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  const file = sqliteFilePath()
  if (!file) {
    if (process.env.NODE_ENV === 'production') {
      const name = databaseKind() === 'postgres' ? 'PostgreSQL' : 'MongoDB'
      throw new Error(`PAYLOAD_SECRET must be set when running in production on ${name}.`)
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
