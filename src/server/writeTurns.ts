import { writeFlows } from '../../scripts/server/writeFlows.mjs'

/**
 * The embedded database has one writer at a time, and libsql gives every transaction a connection
 * of its own (BEGIN IMMEDIATE: it holds the write lock from the start). A write on another
 * connection of this process meanwhile waits for SQLite's lock *synchronously* (busy timeout): the
 * event loop stops, so the transaction that holds the lock can never finish, and after 5 s the
 * write fails with `database is locked` (POST /api/users/forgot-password did exactly that: Payload
 * reserves the request outside its own transaction). So this process's writes take turns here,
 * asynchronously, before SQLite sees them:
 * - a transaction waits for the turn and holds it until it commits or rolls back;
 * - a write outside any transaction waits for the turn too, unless it comes from the flow of work
 *   that holds the turn (it could not run anywhere else): then it runs on that transaction's
 *   connection, as part of it.
 * Flows of work are AsyncLocalStorage contexts (scripts/server/writeFlows.mjs): one per HTTP request
 * (scripts/serve.mjs, the Payload routes) and one per local API call (src/server/onInit.ts).
 * Reads never wait: with WAL they read the last commit on their own connection (or, in the flow
 * that holds the turn, its transaction).
 */

export type ResultSet = unknown
export type SqlTransaction = {
  execute: (...args: unknown[]) => Promise<ResultSet>
  batch: (stmts: unknown[], ...rest: unknown[]) => Promise<ResultSet[]>
  executeMultiple?: (sql: string) => Promise<void>
  commit: () => Promise<void>
  rollback: () => Promise<void>
  close: () => void
  readonly closed: boolean
}

type Turn = { tx: SqlTransaction; flow: Flow | null }
type Flow = { held: Turn | null; parent: Flow | null }

/** A turn that cannot be had within this long is refused: better an error than a request that hangs. */
export const TURN_WAIT_LIMIT_MS = 30_000

let taken = false
let current: Turn | null = null
const queue: Array<() => void> = []

const take = (): Promise<void> => {
  if (!taken) {
    taken = true
    return Promise.resolve()
  }
  return new Promise((resolve, reject) => {
    const grant = () => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(() => {
      queue.splice(queue.indexOf(grant), 1)
      reject(new Error(`The database stayed busy for ${TURN_WAIT_LIMIT_MS / 1000} s; try again.`))
    }, TURN_WAIT_LIMIT_MS)
    queue.push(grant)
  })
}

const give = () => {
  const next = queue.shift()
  if (next) next()
  else taken = false
}

/** The turn held by this flow of work or one that encloses it, if it is still open. */
const heldTurn = (): Turn | null => {
  const flow = writeFlows().getStore() as Flow | undefined
  for (let f: Flow | null = flow ?? null; f; f = f.parent) {
    if (f.held && !f.held.tx.closed) return f.held
  }
  // Outside any known flow, a transaction begun outside any known flow may be our own: join it
  // rather than wait for ourselves.
  if (!flow && current && !current.flow && !current.tx.closed) return current
  return null
}

const READ = /^\s*(select\b|pragma\s+\w+\s*;?\s*$)/i
const sqlOf = (stmt: unknown): string =>
  typeof stmt === 'string' ? stmt : String((stmt as { sql?: unknown } | null)?.sql ?? '')

/** A write outside any transaction: on the holder's transaction, or once the turn is ours. */
export const runWrite = async <T>(inHeldTurn: (tx: SqlTransaction) => Promise<T>, alone: () => Promise<T>) => {
  const held = heldTurn()
  if (held) return inHeldTurn(held.tx)
  await take()
  try {
    return await alone()
  } finally {
    give()
  }
}

export const isRead = (stmt: unknown) => READ.test(sqlOf(stmt))

/** A read outside any transaction: in the flow's own transaction if it holds one (so it sees the
 * writes it made beside it), else on its own connection, without waiting. */
export const runRead = <T>(inHeldTurn: (tx: SqlTransaction) => Promise<T>, alone: () => Promise<T>) => {
  const held = heldTurn()
  return held ? inHeldTurn(held.tx) : alone()
}

let savepoints = 0
/** Statements of a batch, one after the other inside a savepoint of `tx`. */
export const batchIn = async (tx: SqlTransaction, stmts: unknown[]): Promise<ResultSet[]> => {
  const name = `batch_${++savepoints}`
  await tx.execute(`SAVEPOINT ${name}`)
  try {
    const results: ResultSet[] = []
    for (const stmt of stmts) results.push(await tx.execute(stmt))
    await tx.execute(`RELEASE SAVEPOINT ${name}`)
    return results
  } catch (error) {
    if (!tx.closed) {
      await tx.execute(`ROLLBACK TO SAVEPOINT ${name}`)
      await tx.execute(`RELEASE SAVEPOINT ${name}`)
    }
    throw error
  }
}

/**
 * A transaction, once the turn is ours, held until it ends. Even inside a flow that holds the turn
 * it waits: jobs and other concurrent work of one flow must not share a transaction.
 */
export const beginInTurn = async (begin: () => Promise<SqlTransaction>): Promise<SqlTransaction> => {
  const flow = (writeFlows().getStore() as Flow | undefined) ?? null
  await take()
  let tx: SqlTransaction
  try {
    tx = await begin()
  } catch (error) {
    give()
    throw error
  }
  const turn: Turn = { tx, flow }
  current = turn
  if (flow) flow.held = turn
  let over = false
  const finish = () => {
    if (over) return
    over = true
    if (current === turn) current = null
    if (flow?.held === turn) flow.held = null
    give()
  }
  const { commit, rollback, close } = tx
  tx.commit = async () => {
    try {
      await commit.call(tx)
    } finally {
      finish()
    }
  }
  tx.rollback = async () => {
    try {
      await rollback.call(tx)
    } finally {
      finish()
    }
  }
  tx.close = () => {
    close.call(tx)
    finish()
  }
  return tx
}
