/**
 * The secrets in a journalist's subscription links. The confirmation link carries a random token
 * of which only a SHA-256 hash is stored (the database alone cannot confirm anyone); it expires.
 * The preferences/unsubscribe link carries `<id>.<HMAC>` signed with the Payload secret over the
 * subscription's id and address: nothing of it is stored, it cannot be guessed or made for another
 * subscription, and it stops meaning anything once the subscription is deleted.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** How long a confirmation link works. */
export const CONFIRM_VALID_HOURS = 48

export const newConfirmToken = (): { token: string; hash: string } => {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

const signature = (secret: string, id: number | string, email: string) =>
  createHmac('sha256', secret).update(`subscription:${id}:${email.toLowerCase()}`).digest('base64url')

export const manageToken = (secret: string, sub: { id: number | string; email: string }): string =>
  `${sub.id}.${signature(secret, sub.id, sub.email)}`

/** The subscription id a manage token names, or null when it is malformed. Check it with `manageTokenMatches`. */
export const idInManageToken = (token: string): number | null => {
  const match = /^(\d{1,12})\.[A-Za-z0-9_-]{43}$/.exec(token)
  return match ? Number(match[1]) : null
}

export const manageTokenMatches = (secret: string, token: string, sub: { id: number | string; email: string }) => {
  const expected = Buffer.from(manageToken(secret, sub))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
