import type { BaseDatabaseAdapter } from 'payload'

/**
 * The embedded database has one writer at a time, and libsql waits for a lock synchronously: a
 * transaction that starts while another one of the same process is open blocks the event loop
 * for the whole busy timeout (the open one cannot finish meanwhile) and then fails with
 * SQLITE_BUSY. Jobs run in parallel (Payload's queue starts them together), so two handlers'
 * transactions overlap as soon as they are more than one statement long (src/jobs/once.ts).
 * Here each transaction of this process waits, without blocking, for the previous one to commit
 * or roll back. A transaction that never ends is waited for at most `waitMs`; after that the
 * next one goes ahead and meets SQLite's own lock, exactly as without this queue.
 */
type Transactions = Pick<BaseDatabaseAdapter, 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'>

export const serializeTransactions = (db: Transactions, waitMs = 5000): void => {
  const marked = db as Transactions & { transactionsSerialized?: boolean }
  if (marked.transactionsSerialized) return
  marked.transactionsSerialized = true

  const { beginTransaction, commitTransaction, rollbackTransaction } = db
  const releases = new Map<number | string, () => void>()
  let tail: Promise<void> = Promise.resolve()

  db.beginTransaction = async (...args) => {
    let release = () => {}
    const mine = new Promise<void>((resolve) => (release = resolve))
    const previous = tail
    tail = previous.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    await Promise.race([previous, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))])
    clearTimeout(timer)
    try {
      const id = await beginTransaction.apply(db, args)
      if (id === null || id === undefined) release()
      else releases.set(id, release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  const ending =
    (end: typeof commitTransaction) =>
    async (...args: Parameters<typeof commitTransaction>) => {
      const [id] = args
      try {
        await end.apply(db, args)
      } finally {
        const key = (await id) as number | string
        releases.get(key)?.()
        releases.delete(key)
      }
    }
  db.commitTransaction = ending(commitTransaction)
  db.rollbackTransaction = ending(rollbackTransaction)
}
