// The one piece of process-wide state behind every public cache: the public-content generation,
// when cached content next expires by itself, the cached values, and the bytes the HTTP server
// in front of Next.js replays (scripts/server/responseCache.mjs). The server loads this file
// as itself and every Next.js bundle loads its own copy, so the state is kept under one
// registered symbol on globalThis; this module is its only reader and writer.
//
// It imports nothing: the cache (./publicCache.ts, ./changes.ts) and the replay both depend on
// it, never the other way round.

const KEY = Symbol.for('newsroom.publicContent')

/**
 * @typedef {{ generation: number, validUntil: number, value: unknown }} CacheEntry
 * @typedef {{
 *   generation: number,
 *   validUntil: number,
 *   body: string,
 *   etag: string,
 *   lastModified: string,
 *   headers?: Record<string, string | string[]>,
 *   raw?: Buffer,
 *   gzip?: Buffer,
 * }} ReplayEntry A rendered feed, offered to the server's replay; `headers` are filled in from
 *   the first full response Next.js sends for it.
 * @typedef {{
 *   generation: number,
 *   schedule: { generation: number, validUntil: number } | null,
 *   payload: import('payload').Payload | null,
 *   started: boolean,
 *   watching: boolean,
 *   entries: Map<string, CacheEntry>,
 *   building: Map<string, Promise<CacheEntry>>,
 *   replay: Map<string, ReplayEntry>,
 *   pressKits: { kept: Map<string, unknown>, bytes: number },
 *   pendingTransactions: Map<string | number, string[]>,
 *   seenChanges: Set<string>,
 * }} PublicContentStore
 */

/** @returns {PublicContentStore} */
export const publicContentStore = () =>
  (globalThis[KEY] ??= {
    generation: 0,
    schedule: null,
    payload: null,
    started: false,
    watching: false,
    entries: new Map(),
    building: new Map(),
    replay: new Map(),
    pressKits: { kept: new Map(), bytes: 0 },
    pendingTransactions: new Map(),
    seenChanges: new Set(),
  })

/** The generation cached content must have been built in to be served. */
export const currentGeneration = () => publicContentStore().generation

/**
 * Whether content built in `generation`, expiring by itself at `validUntil`, may still be served:
 * the generation is current, its expiry has not come, and this process is watching for changes
 * made by others (./changes.ts), so it would have learnt of any.
 */
export const isFresh = (generation, validUntil) => {
  const store = publicContentStore()
  return store.watching && generation === store.generation && Date.now() < validUntil
}

/** When content built now expires by itself, if this generation's schedule is known. */
export const scheduledExpiry = () => {
  const { schedule, generation } = publicContentStore()
  return schedule && schedule.generation === generation ? schedule.validUntil : null
}

/** Drops every cached public value in this process (replayed entries go stale with the generation). */
export const dropPublicCaches = () => {
  const store = publicContentStore()
  store.generation += 1
  store.entries.clear()
  store.pressKits.kept.clear()
  store.pressKits.bytes = 0
  store.schedule = null
}
