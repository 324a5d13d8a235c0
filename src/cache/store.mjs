// The one piece of process-wide state behind every public cache: the public-content generation,
// when cached content next expires by itself, the cached values, and the bytes the HTTP server
// in front of Next.js replays (scripts/server/responseCache.mjs). The server loads this file
// as itself and every Next.js bundle loads its own copy, so the state is kept under one
// registered symbol on globalThis; this module is its only reader and writer.
//
// It imports nothing: the cache (./publicCache.ts, ./changes.ts) and the replay both depend on
// it, never the other way round.
//
// Every cache it holds (values of public reads, feeds' and API answers' bytes, pages' HTML, press
// kits) counts against one byte budget, PUBLIC_CACHE_MB megabytes (README "Configuration"): each
// kept thing is registered with its size (`holdBytes`), and past the budget the least recently
// used are dropped, whatever cache they belong to.

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
 *   answerHeaders?: Record<string, string>,
 *   raw?: Buffer,
 *   gzip?: Buffer,
 * }} ReplayEntry A rendered feed or API answer, offered to the server's replay; `headers` are
 *   filled in from the first full response Next.js sends for it; an API answer also keeps the
 *   headers its route gave it (`answerHeaders`), for the route to answer repeats itself.
 * @typedef {{
 *   generation: number,
 *   schedule: { generation: number, validUntil: number } | null,
 *   payload: import('payload').Payload | null,
 *   started: boolean,
 *   watching: boolean,
 *   entries: Map<string, CacheEntry>,
 *   building: Map<string, Promise<CacheEntry>>,
 *   replay: Map<string, ReplayEntry>,
 *   pages: Map<string, ReplayEntry & Record<string, unknown>>,
 *   pressKits: { kept: Map<string, unknown>, bytes: number },
 *   budget: { limit: number, used: number, held: Map<string, { bytes: number, drop: () => void }> },
 *   pendingTransactions: Map<string | number, string[]>,
 *   seenChanges: Set<string>,
 * }} PublicContentStore
 */

const MiB = 1024 * 1024
/** The default byte budget of every public cache together (PUBLIC_CACHE_MB). */
export const DEFAULT_PUBLIC_CACHE_MB = 96

const budgetBytes = () => {
  const mb = Number(process.env.PUBLIC_CACHE_MB)
  return (Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_PUBLIC_CACHE_MB) * MiB
}

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
    pages: new Map(),
    pressKits: { kept: new Map(), bytes: 0 },
    budget: { limit: budgetBytes(), used: 0, held: new Map() },
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

/** Drops every cached public value in this process, and the replay's bytes with them. */
export const dropPublicCaches = () => {
  const store = publicContentStore()
  store.generation += 1
  store.entries.clear()
  store.replay.clear()
  store.pages.clear()
  store.pressKits.kept.clear()
  store.pressKits.bytes = 0
  store.budget.held.clear()
  store.budget.used = 0
  store.schedule = null
}

/** Whether something of `bytes` may be kept at all: at most a quarter of the budget. */
export const fitsBudget = (bytes) => bytes <= publicContentStore().budget.limit / 4

/**
 * Counts `bytes` against the budget for the cached thing `id` (replacing what it counted before),
 * then drops the least recently used things, through their `drop`, until the budget holds.
 * `drop` removes the thing from its own cache; it must not call `releaseBytes`.
 * @param {string} id @param {number} bytes @param {() => void} drop
 */
export const holdBytes = (id, bytes, drop) => {
  const budget = publicContentStore().budget
  releaseBytes(id)
  budget.held.set(id, { bytes, drop })
  budget.used += bytes
  while (budget.used > budget.limit && budget.held.size) {
    const [oldest, held] = budget.held.entries().next().value
    budget.held.delete(oldest)
    budget.used -= held.bytes
    held.drop()
  }
}

/** Forgets what `id` counted (it left its cache by itself). @param {string} id */
export const releaseBytes = (id) => {
  const budget = publicContentStore().budget
  const held = budget.held.get(id)
  if (!held) return
  budget.held.delete(id)
  budget.used -= held.bytes
}

/** Marks `id` as just used, so the budget drops it last. @param {string} id */
export const touchBytes = (id) => {
  const held = publicContentStore().budget.held
  const entry = held.get(id)
  if (!entry) return
  held.delete(id)
  held.set(id, entry)
}

/**
 * About how many bytes of memory a cached value holds (strings, numbers, arrays, objects, Maps,
 * Sets, Buffers, Dates), for the budget; a value seen twice is counted once.
 * @param {unknown} value
 */
export const approximateBytes = (value) => {
  const seen = new Set()
  let bytes = 0
  const stack = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') bytes += 16 + v.length
    else if (typeof v === 'number' || typeof v === 'boolean' || v == null) bytes += 8
    else if (typeof v === 'object') {
      if (seen.has(v)) continue
      seen.add(v)
      if (ArrayBuffer.isView(v)) bytes += 64 + v.byteLength
      else if (v instanceof Date) bytes += 32
      else if (v instanceof Map) {
        bytes += 64 + v.size * 32
        for (const [k, x] of v) stack.push(k, x)
      } else if (v instanceof Set) {
        bytes += 64 + v.size * 24
        for (const x of v) stack.push(x)
      } else if (Array.isArray(v)) {
        bytes += 32 + v.length * 8
        for (const x of v) stack.push(x)
      } else {
        bytes += 32
        for (const k in v) {
          bytes += 16
          stack.push(v[k])
        }
      }
    } else bytes += 8
  }
  return bytes
}
