/**
 * Exactly once, however many job runners there are and however often a job is retried.
 * Payload's job claim is not atomic on PostgreSQL or MongoDB, so two runners can run the same job;
 * every handler with an effect that must not repeat wraps it in `once()`, keyed by the effect.
 *
 *   once(req, key, fn, options?) => Promise<{ ran: true; value: T } | { ran: false }>
 *
 * - `key`: a string naming the effect, unique per effect, e.g. `became-public:<release>:<at>`,
 *   `delivery:<delivery id>`, `alert:<event key>:<subscriber id>`. Claims live in the
 *   `once-keys` collection (collections/OnceKeys.ts), whose unique index decides who wins.
 * - `fn(req)`: the effect. `{ ran: false }` means someone else has done it (or is doing it) and
 *   `fn` was not called.
 * - Default, for effects in the database: the claim and everything `fn` writes through the `req`
 *   it is given commit in ONE transaction (the caller's, if `req` is already in one). If `fn`
 *   throws, all of it rolls back, the claim included, so a retry does it again. A second runner
 *   waits for the first's commit (PostgreSQL) or lock (SQLite) and then finds the key taken.
 * - `{ external: true }`, for effects outside the database (an HTTP request, an e-mail): the claim
 *   commits first, on its own; then `fn` runs. If `fn` throws, the claim is released and the error
 *   rethrown, so the job's retry runs `fn` again; when `fn` returns, the claim is kept for good.
 *   A claim whose holder died mid-way (its process was killed) can be taken over once its lease
 *   (`leaseMs`, default 5 minutes) has run out: after a crash an effect may happen a second time,
 *   never otherwise.
 */
import {
  commitTransaction,
  initTransaction,
  isolateObjectProperty,
  killTransaction,
  type PayloadRequest,
} from 'payload'

export type OnceResult<T> = { ran: true; value: T } | { ran: false }
export type OnceOptions = { external?: boolean; leaseMs?: number }

const COLLECTION = 'once-keys'
const DEFAULT_LEASE_MS = 5 * 60 * 1000

const findClaim = async (req: PayloadRequest, key: string) => {
  const { docs } = await req.payload.find({
    collection: COLLECTION,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}

/** The same request outside any transaction: its reads see what is committed, its writes commit at once. */
const outsideTransaction = (req: PayloadRequest): PayloadRequest => {
  const own = isolateObjectProperty(req, 'transactionID')
  delete own.transactionID
  return own
}

const committedClaim = (req: PayloadRequest, key: string) => findClaim(outsideTransaction(req), key)

const insertClaim = (req: PayloadRequest, key: string, lease?: Date) =>
  req.payload.create({
    collection: COLLECTION,
    data: { key, state: lease ? 'claimed' : 'done', leaseUntil: lease?.toISOString() },
    overrideAccess: true,
    req,
  })

/** Runs `fn` and writes the claim in one transaction; `{ ran: false }` when the key is taken. */
const onceInTransaction = async <T>(
  req: PayloadRequest,
  key: string,
  fn: (req: PayloadRequest) => Promise<T>,
): Promise<OnceResult<T>> => {
  if (req.transactionID) {
    // Inside the caller's transaction: a failed insert would abort it, so look first.
    if (await findClaim(req, key)) return { ran: false }
    await insertClaim(req, key)
    return { ran: true, value: await fn(req) }
  }
  const txReq = outsideTransaction(req)
  const owned = await initTransaction(txReq)
  try {
    // The claim first: a second runner's insert waits on the unique index until this commits.
    await insertClaim(txReq, key)
  } catch (error) {
    if (owned) await killTransaction(txReq)
    if (await committedClaim(req, key)) return { ran: false }
    throw error
  }
  try {
    const value = await fn(txReq)
    if (owned) await commitTransaction(txReq)
    return { ran: true, value }
  } catch (error) {
    if (owned) await killTransaction(txReq)
    throw error
  }
}

/** Claims the key on its own (committed), runs `fn`, releases the claim if `fn` fails. */
const onceExternal = async <T>(
  req: PayloadRequest,
  key: string,
  fn: (req: PayloadRequest) => Promise<T>,
  leaseMs: number,
): Promise<OnceResult<T>> => {
  const ownReq = outsideTransaction(req)
  const claim = async () => {
    try {
      return await insertClaim(ownReq, key, new Date(Date.now() + leaseMs))
    } catch (error) {
      if (await committedClaim(req, key)) return null
      throw error
    }
  }
  let held = await claim()
  if (!held) {
    // A holder whose lease ran out died before finishing: take its place (only one taker wins).
    const stale = await committedClaim(req, key)
    if (!stale || stale.state !== 'claimed' || !stale.leaseUntil || Date.parse(stale.leaseUntil) > Date.now()) {
      return { ran: false }
    }
    await req.payload.delete({
      collection: COLLECTION,
      where: {
        and: [{ key: { equals: key } }, { state: { equals: 'claimed' } }, { updatedAt: { equals: stale.updatedAt } }],
      },
      overrideAccess: true,
      req: ownReq,
    })
    held = await claim()
    if (!held) return { ran: false }
  }
  let value: T
  try {
    value = await fn(req)
  } catch (error) {
    await req.payload.delete({ collection: COLLECTION, id: held.id, overrideAccess: true, req: ownReq }).catch(() => {})
    throw error
  }
  await req.payload.update({
    collection: COLLECTION,
    id: held.id,
    data: { state: 'done', leaseUntil: null },
    overrideAccess: true,
    req: ownReq,
  })
  return { ran: true, value }
}

export const once = <T>(
  req: PayloadRequest,
  key: string,
  fn: (req: PayloadRequest) => Promise<T>,
  options: OnceOptions = {},
): Promise<OnceResult<T>> =>
  options.external ? onceExternal(req, key, fn, options.leaseMs ?? DEFAULT_LEASE_MS) : onceInTransaction(req, key, fn)
