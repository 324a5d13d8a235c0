/**
 * Invalidation through the database, so that every instance of a deployment (and every process
 * that writes: `npm run seed`, the jobs worker) agrees on what is public.
 *
 * - Every public change writes a change record (`public-changes`) with the request, so the record
 *   is part of the change's own transaction: it becomes visible exactly when the change commits,
 *   to every process, and disappears with it on a rollback.
 * - Every process that caches public content reads the records of the last few minutes twice a
 *   second (an indexed range read on `createdAt` that returns nothing while nothing changes) and
 *   drops its caches when it sees one it has not seen before.
 * - The writing process drops its own caches right after the commit (not before it: a read in
 *   between would cache the old content under the new generation), so its next request shows the
 *   change at once.
 * The poll is adapter-neutral (local API only); it reads a window rather than "the newest id"
 * because records commit in a different order than they were created.
 * - On PostgreSQL each record also sends a notification at its commit (a trigger, migration
 *   `public_changes_notify`); every process LISTENs and polls at once when one arrives, so other
 *   instances follow in milliseconds rather than up to a poll interval. The poll stays the fallback.
 */
import type { Payload, PayloadRequest } from 'payload'

import { dropPublicCaches, publicContentStore } from './store.mjs'
import { inWriteFlow } from '../../scripts/server/writeFlows.mjs'

export const PUBLIC_CHANGES = 'public-changes'

/** How often each process looks for changes made by others (twice a second): the bound on how stale it can be. */
export const POLL_INTERVAL_MS = 500
/**
 * Records this young are read at every poll. Longer than any write transaction can stay open
 * (a transaction waits at most 30 s for its turn, src/server/writeTurns.ts), so a record that
 * commits late is still inside the window when it appears.
 */
const WINDOW_MS = 5 * 60_000
/**
 * More records than this in the window (a bulk import, a seed): which of them this process has
 * seen can no longer be told by their ids. Until the window holds fewer, the poll counts the
 * records created since a fixed moment instead (`floodPoll`): every commit adds one, whatever its
 * order, and nothing removes one, so caches are dropped when the count moves and kept while it
 * does not.
 */
const WINDOW_LIMIT = 1000
/** In a flood, the counted records start this long before the flood began, as the window does... */
const FLOOD_ANCHOR_MS = WINDOW_MS
/** ...and the start moves on (with one drop) this often, long before pruning could take any of them. */
const FLOOD_REANCHOR_MS = 20 * 60_000
/** Records older than this are deleted, by whichever process gets there. */
const KEEP_MS = 60 * 60_000
const PRUNE_EVERY_MS = 10 * 60_000

export type PublicChangeReason = 'change' | 'delete' | 'scheduled'
export type PublicChange = { collection: string; document?: number | string | null; reason: PublicChangeReason }

type Adapter = Payload['db'] & { publicChangesWatched?: boolean }

/**
 * After a commit (or rollback) of a transaction that recorded a public change, drop this
 * process's caches. Installed once per database adapter; every adapter ends its transactions
 * through these two methods.
 */
const dropAfterTransactions = (db: Adapter) => {
  if (db.publicChangesWatched) return
  db.publicChangesWatched = true
  const store = publicContentStore()
  for (const method of ['commitTransaction', 'rollbackTransaction'] as const) {
    const end = db[method]
    if (typeof end !== 'function') continue
    db[method] = (async (id: number | string | Promise<number | string>) => {
      try {
        return await end.call(db, id)
      } finally {
        const settled = id instanceof Promise ? await id.catch(() => null) : id
        const records = settled === null ? undefined : store.pendingTransactions.get(settled)
        if (records) {
          store.pendingTransactions.delete(settled!)
          // Our own records need no second drop when the poll comes across them.
          if (method === 'commitTransaction') records.forEach((record) => store.seenChanges.add(record))
          dropPublicCaches()
        }
      }
    }) as typeof end
  }
}

/** Called by hooks and jobs for every change anonymous readers may notice. */
export const recordPublicChange = async (req: PayloadRequest, change: PublicChange): Promise<void> => {
  dropAfterTransactions(req.payload.db as Adapter)
  const transaction = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  // Straight to the adapter (with the request, so inside its transaction): the record needs no
  // access check, hooks or validation, and every write pays for it.
  const record = await req.payload.db.create({
    collection: PUBLIC_CHANGES,
    data: {
      collectionSlug: change.collection,
      documentId: change.document == null ? null : String(change.document),
      reason: change.reason,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    },
    req,
  })
  const store = publicContentStore()
  if (transaction) {
    store.pendingTransactions.set(transaction, [
      ...(store.pendingTransactions.get(transaction) ?? []),
      String(record.id),
    ])
  } else {
    // Without a transaction (MongoDB without a replica set) the change is already committed.
    store.seenChanges.add(String(record.id))
    dropPublicCaches()
  }
}

/** The ids of the records in the window, or null when the window overflows. */
const recentChanges = async (payload: Payload): Promise<Set<string> | null> => {
  const { docs } = await payload.find({
    collection: PUBLIC_CHANGES,
    where: { createdAt: { greater_than: new Date(Date.now() - WINDOW_MS).toISOString() } },
    sort: '-createdAt',
    limit: WINDOW_LIMIT,
    depth: 0,
    select: {},
    pagination: false,
    overrideAccess: true,
  })
  return docs.length >= WINDOW_LIMIT ? null : new Set(docs.map((d) => String(d.id)))
}

const countSince = (payload: Payload, since: number): Promise<number> =>
  payload
    .count({
      collection: PUBLIC_CHANGES,
      where: { createdAt: { greater_than: new Date(since).toISOString() } },
      overrideAccess: true,
    })
    .then((r) => r.totalDocs)

type Flood = { anchor: number; count: number }
const floods = new WeakMap<object, Flood>()

/**
 * One poll while the window overflows: whether caches must be dropped. The count is read before
 * any drop, so a change committed after the read moves the next count.
 */
const floodPoll = async (payload: Payload): Promise<boolean> => {
  const now = Date.now()
  const flood = floods.get(payload)
  if (!flood || now - (flood.anchor + FLOOD_ANCHOR_MS) > FLOOD_REANCHOR_MS) {
    const anchor = now - FLOOD_ANCHOR_MS
    floods.set(payload, { anchor, count: await countSince(payload, anchor) })
    return true
  }
  const count = await countSince(payload, flood.anchor)
  if (count === flood.count) return false
  flood.count = count
  return true
}

type Notifications = {
  on: (event: 'notification' | 'error', listener: () => void) => void
  query: (text: string) => Promise<unknown>
  release: (error?: boolean) => void
}
type PgAdapter = { name?: string; pool?: { connect: () => Promise<Notifications> } }

/**
 * On PostgreSQL: one connection of the pool LISTENs on `public_changes` and calls `onChange` for
 * every committed change record. Returns the function that gives the connection back, or null
 * where the database has no notifications (or the connection fails: the poll alone then serves).
 */
const listenForChanges = async (payload: Payload, onChange: () => void): Promise<(() => void) | null> => {
  const db = payload.db as unknown as PgAdapter
  if (db.name !== 'postgres' || !db.pool) return null
  try {
    const client = await db.pool.connect()
    let released = false
    const release = (broken = false) => {
      if (released) return
      released = true
      client.release(broken)
    }
    client.on('notification', onChange)
    client.on('error', () => {
      payload.logger.warn('The change notifications stopped (connection lost); polling only')
      release(true)
    })
    await client.query('LISTEN public_changes')
    return () => release()
  } catch (error) {
    payload.logger.warn(`No change notifications (${error}); polling only`)
    return null
  }
}

const prune = (payload: Payload) =>
  payload.db.deleteMany({
    collection: PUBLIC_CHANGES,
    where: { createdAt: { less_than: new Date(Date.now() - KEEP_MS).toISOString() } },
  })

/**
 * Starts the poll for this process (once). Until its first read succeeds, and whenever a read
 * fails, nothing is cached (./store.mjs `isFresh`): a process that cannot see others' changes
 * serves every public request fresh from the database.
 */
export const watchPublicChanges = (payload: Payload): void => {
  const store = publicContentStore()
  if (store.started) return
  store.started = true
  store.payload = payload
  dropAfterTransactions(payload.db as Adapter)
  let lastPrune = 0
  let polling = false
  let again = false
  const poll = async (): Promise<void> => {
    // A notification during a poll asks for one more, which sees that record for sure.
    if (polling) {
      again = true
      return
    }
    polling = true
    again = false
    try {
      // A flow of its own: never a read inside someone else's open transaction.
      const seen = await inWriteFlow(() => recentChanges(payload))
      if (seen) floods.delete(payload)
      const unseen =
        seen === null ? await inWriteFlow(() => floodPoll(payload)) : [...seen].some((id) => !store.seenChanges.has(id))
      if (unseen && store.watching) dropPublicCaches()
      if (seen) store.seenChanges = seen
      store.watching = true
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now()
        await inWriteFlow(() => prune(payload))
      }
    } catch (error) {
      if (store.watching) payload.logger.warn(`Public caches off until the change log can be read again: ${error}`)
      floods.delete(payload)
      store.watching = false
      dropPublicCaches()
    } finally {
      polling = false
      if (again) void poll()
    }
  }
  const timer = setInterval(poll, POLL_INTERVAL_MS)
  // Scripts (seed, CLI, tests) exit when their work is done, poll or not.
  timer.unref()
  const listening = listenForChanges(payload, () => void poll())
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    clearInterval(timer)
    store.watching = false
    // The listening connection goes back first: the pool's end waits for it otherwise.
    ;(await listening)?.()
    return destroy()
  }
  void poll()
}
