/**
 * Sign-in throttling that an outsider cannot turn against staff. Payload's own lockout
 * (maxLoginAttempts) locks the ACCOUNT, so anyone who knows an admin's address could keep the
 * admin out by failing five times. Instead, failures are counted per (address, client): after
 * 5 failed attempts on one address from one client within 15 minutes, that client gets
 * 429 Too Many Requests for that address until the window passes, while the account's owner,
 * signing in from anywhere else, is not affected. A client that fails 30 times across any
 * addresses is throttled for all of them (password spraying). A successful sign-in clears the
 * client's count for that address.
 *
 * The client is the TCP peer the production server saw (scripts/serve.mjs sets
 * `x-newsroom-client`, overwriting anything a client sent); behind a reverse proxy,
 * TRUST_PROXY_HOPS says how many X-Forwarded-For entries from the right were added by proxies
 * the operator runs. Counts are kept in the memory of each server process.
 */
import type { PayloadRequest } from 'payload'

export const WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ADDRESS = 5
export const MAX_FAILURES_PER_CLIENT = 30
const MAX_ENTRIES = 50_000

type Entry = { count: number; since: number }
const store = ((globalThis as { __newsroomLoginThrottle?: Map<string, Entry> }).__newsroomLoginThrottle ??= new Map())

export const CLIENT_HEADER = 'x-newsroom-client'

export const clientOf = (req: Pick<PayloadRequest, 'headers'>): string =>
  req.headers?.get(CLIENT_HEADER)?.trim() || 'unknown-client'

const current = (key: string, now: number): Entry | undefined => {
  const entry = store.get(key)
  if (entry && now - entry.since >= WINDOW_MS) {
    store.delete(key)
    return undefined
  }
  return entry
}

const bump = (key: string, now: number) => {
  const entry = current(key, now)
  if (entry) entry.count++
  else {
    if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value as string)
    store.set(key, { count: 1, since: now })
  }
}

const keys = (address: string, client: string) => ({ pair: `a:${address}\u0000${client}`, client: `c:${client}` })

/**
 * Called before a sign-in is checked. Returns the seconds to wait when this client has failed too
 * often (the attempt is then refused without looking at the password), or null to go ahead; the
 * attempt is counted as a failure until `forgetFailures` says it succeeded.
 */
export const registerAttempt = (address: string, client: string, now = Date.now()): number | null => {
  const k = keys(address.trim().toLowerCase(), client)
  const pair = current(k.pair, now)
  const byClient = current(k.client, now)
  const blocked =
    (pair && pair.count >= MAX_FAILURES_PER_ADDRESS ? pair : null) ??
    (byClient && byClient.count >= MAX_FAILURES_PER_CLIENT ? byClient : null)
  if (blocked) return Math.max(1, Math.ceil((blocked.since + WINDOW_MS - now) / 1000))
  bump(k.pair, now)
  bump(k.client, now)
  return null
}

/** A sign-in succeeded: the attempt was not a failure. */
export const forgetFailures = (address: string, client: string, now = Date.now()) => {
  const k = keys(address.trim().toLowerCase(), client)
  store.delete(k.pair)
  const byClient = current(k.client, now)
  if (byClient && byClient.count > 0) byClient.count--
}

/** For tests: start from nothing. */
export const resetLoginThrottle = () => store.clear()
