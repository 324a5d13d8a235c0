/**
 * The public-content cache: what public reads (src/data/, feeds, media access) keep in memory,
 * so that serving them does no database work while nothing has changed. An entry is fresh while
 * the public-content generation is the one it was built in, the next scheduled visibility change
 * (a future publish date or an embargo lift) has not come, and this process is watching the
 * change log (./changes.ts), which drops every entry when anyone, in any process, changes
 * something public. Feeds are also offered to the server's replay (`offerToReplay`).
 *
 * Imports point one way: the visibility rule and the public reads feed this cache, this cache
 * fills ./store.mjs, and the server's replay (scripts/server/responseCache.mjs) only reads it.
 */
import {
  approximateBytes,
  currentGeneration,
  fitsBudget,
  holdBytes,
  isFresh,
  publicContentStore,
  touchBytes,
  type CacheEntry,
  type ReplayEntry,
} from './store.mjs'

export { dropPublicCaches } from './store.mjs'

/**
 * The next moment a published release becomes public by itself (a future publish date or an
 * embargo lifting): the visibility rule's `becomesPublicAt`, asked of the database for the
 * earliest release, so cached content knows when it goes stale without any edit.
 */
const nextScheduledVisibility = async (now: Date): Promise<Date | null> => {
  const payload = publicContentStore().payload
  if (!payload) return now
  const at = now.toISOString()
  let next: number | null = null
  for (const field of ['publishedAt', 'embargoUntil'] as const) {
    const { docs } = await payload.find({
      collection: 'press-releases',
      where: { and: [{ _status: { equals: 'published' } }, { [field]: { greater_than: at } }] },
      sort: field,
      limit: 1,
      depth: 0,
      select: { [field]: true },
      overrideAccess: true,
    })
    const value = docs[0]?.[field]
    if (value) next = Math.min(next ?? Infinity, Date.parse(value))
  }
  return next === null ? null : new Date(next)
}

/** When cached public content next expires by itself, computed once per generation. */
export const validUntilForGeneration = async (generation: number): Promise<number> => {
  const store = publicContentStore()
  const now = Date.now()
  if (store.schedule && store.schedule.generation === generation && now < store.schedule.validUntil) {
    return store.schedule.validUntil
  }
  const next = await nextScheduledVisibility(new Date(now))
  const validUntil = next ? next.getTime() : Number.POSITIVE_INFINITY
  if (generation === store.generation) store.schedule = { generation, validUntil }
  return validUntil
}

export type Cached<T> = { value: T; generation: number; validUntil: number }

export const cachedPublic = async <T>(key: string, build: () => Promise<T>): Promise<T> =>
  (await cachedPublicEntry(key, build)).value

/** The cached value with the generation it belongs to and the moment it expires by itself. */
export const cachedPublicEntry = async <T>(key: string, build: () => Promise<T>): Promise<Cached<T>> => {
  const store = publicContentStore()
  const generation = currentGeneration()
  const hit = store.entries.get(key)
  if (hit && isFresh(hit.generation, hit.validUntil)) {
    touchBytes(`value:${key}`)
    return hit as Cached<T>
  }

  const inFlight = store.building.get(key)
  if (inFlight) {
    const entry = await inFlight
    if (entry.generation === currentGeneration()) return entry as Cached<T>
  }

  const promise = (async (): Promise<CacheEntry> => {
    const validUntil = await validUntilForGeneration(generation)
    const value = await build()
    const entry = { generation, validUntil, value }
    // Only kept if nothing changed while it was being built (and changes are being watched).
    if (isFresh(generation, validUntil)) {
      const bytes = approximateBytes(value) + key.length
      if (fitsBudget(bytes)) {
        store.entries.set(key, entry)
        holdBytes(`value:${key}`, bytes, () => store.entries.delete(key))
      }
    }
    return entry
  })()
  store.building.set(key, promise)
  try {
    return (await promise) as Cached<T>
  } finally {
    if (store.building.get(key) === promise) store.building.delete(key)
  }
}

/**
 * Offers a rendered 200 response (a feed) to the server's replay, keyed by the request's path
 * and query. The replay adds the headers Next.js sent the first time, so repeat requests are
 * answered byte for byte as the route would answer them.
 */
export const offerToReplay = (
  request: Request,
  entry: Omit<ReplayEntry, 'headers' | 'raw' | 'gzip'> & { generation: number; validUntil: number },
): void => {
  const url = new URL(request.url)
  offerToReplayAs(`${url.pathname}${url.search}`, entry)
}

/**
 * The same under a key of the caller's (src/cache/apiReads.ts keys API answers by the normalised
 * query, ./apiReadKey.mjs). The entry counts against the byte budget with its body, and the raw
 * and gzip copies the replay makes of it.
 */
export const offerToReplayAs = (
  key: string,
  entry: Omit<ReplayEntry, 'headers' | 'raw' | 'gzip'> & { generation: number; validUntil: number },
): void => {
  if (!isFresh(entry.generation, entry.validUntil)) return
  const { replay } = publicContentStore()
  const existing = replay.get(key)
  if (existing && existing.generation === entry.generation && existing.etag === entry.etag) return
  // The body as a string, its UTF-8 bytes and a gzip copy (about a fifth) once replayed.
  const bytes = Math.round(entry.body.length * 2.3) + key.length + 512
  if (!fitsBudget(bytes)) return
  replay.set(key, entry)
  holdBytes(`replay:${key}`, bytes, () => replay.delete(key))
}
