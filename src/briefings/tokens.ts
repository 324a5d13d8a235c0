/**
 * The secret in a pre-briefing link: 32 random bytes (base64url, 43 characters), of which only a
 * SHA-256 hash is stored, so neither the database nor its backups open a briefing.
 */
import { createHash, randomBytes } from 'node:crypto'

export const BRIEFING_TOKEN = /^[A-Za-z0-9_-]{43}$/

export const hashBriefingToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const newBriefingToken = (): { token: string; hash: string } => {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashBriefingToken(token) }
}
