/**
 * The subscribe form's abuse limits, kept in each server process's memory like the sign-in
 * throttle (src/accounts/loginThrottle.ts, whose notion of "client" it shares):
 * - per client: 10 subscribe requests in 15 minutes, then 429 with Retry-After, whatever the
 *   addresses (the answer never depends on whether an address is known);
 * - per address and scope: at most one confirmation mail in 10 minutes, so nobody can flood a stranger's
 *   inbox through the form. A request over that limit gets the same answer as any other.
 */
export const CLIENT_WINDOW_MS = 15 * 60 * 1000
export const MAX_REQUESTS_PER_CLIENT = 10
export const CONFIRMATION_INTERVAL_MS = 10 * 60 * 1000
const MAX_ENTRIES = 50_000

type Entry = { count: number; since: number }
const store = ((globalThis as { __newsroomSubscribeThrottle?: Map<string, Entry> }).__newsroomSubscribeThrottle ??=
  new Map())

const remember = (key: string, entry: Entry) => {
  if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value as string)
  store.set(key, entry)
}

/** Counts a subscribe request; returns the seconds to wait when the client is over its limit, else null. */
export const registerSubscribeRequest = (client: string, now = Date.now()): number | null => {
  const key = `c:${client}`
  const entry = store.get(key)
  if (!entry || now - entry.since >= CLIENT_WINDOW_MS) {
    remember(key, { count: 1, since: now })
    return null
  }
  if (entry.count >= MAX_REQUESTS_PER_CLIENT)
    return Math.max(1, Math.ceil((entry.since + CLIENT_WINDOW_MS - now) / 1000))
  entry.count++
  return null
}

/** True when a confirmation mail for this address and scope may go now (and records that one goes). */
export const mayMailConfirmation = (subscriptionKey: string, now = Date.now()): boolean => {
  const key = `a:${subscriptionKey}`
  const entry = store.get(key)
  if (entry && now - entry.since < CONFIRMATION_INTERVAL_MS) return false
  remember(key, { count: 1, since: now })
  return true
}

/** For tests: start from nothing. */
export const resetSubscribeThrottle = () => store.clear()
