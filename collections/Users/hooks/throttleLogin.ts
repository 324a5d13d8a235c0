import { pbkdf2 } from 'node:crypto'

import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook } from 'payload'

import { clientOf, forgetFailures, registerAttempt } from '@/accounts/loginThrottle'

// Payload's password hash (pbkdf2-sha256, 600,000 iterations, 32 bytes): an address with no
// account costs the same work as a wrong password, so timing does not tell which accounts exist.
const equaliseTiming = (password: string) =>
  new Promise<void>((resolve) => pbkdf2(password, 'no-such-account', 600_000, 32, 'sha256', () => resolve()))

const addressOf = (data: unknown): string => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' ? email.trim().toLowerCase() : ''
}

/**
 * Before a sign-in: refuse it with 429 when this client has failed too often for this address
 * (src/accounts/loginThrottle.ts), and answer a sign-in for an address without an account only
 * after the same work as for a wrong password; Payload then gives both the same message.
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const address = addressOf(data)
  const wait = registerAttempt(address, clientOf(req))
  if (wait !== null) {
    req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
    const minutes = Math.ceil(wait / 60)
    throw new APIError(
      `Too many failed sign-in attempts from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
      429,
      null,
      true,
    )
  }
  if (address && typeof data?.password === 'string') {
    const account = await req.payload.db.findOne({ collection: 'users', where: { email: { equals: address } }, req })
    if (!account) await equaliseTiming(data.password)
  }
  return args
}

/** A successful sign-in was not a failure: the client's count for the address is cleared. */
export const forgetLoginFailures: CollectionAfterLoginHook = ({ req, user }) => {
  forgetFailures(String(user.email ?? ''), clientOf(req))
  return user
}
