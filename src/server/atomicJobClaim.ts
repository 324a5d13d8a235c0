/**
 * Payload 3.90 claims due jobs on PostgreSQL in two steps (find the jobs not processing, then
 * mark each one processing), so two runners that look at the same moment both claim, and both
 * run, the same jobs; the one that finishes second then writes the log of a job the other has
 * already deleted and its whole run fails. Here a claim (an `updateJobs` that sets `processing`)
 * runs in one transaction that first takes a PostgreSQL advisory lock: a second runner waits
 * for the first one's claim to commit, and its find then sees those jobs taken. Handlers stay
 * idempotent anyway (src/jobs/once.ts); this only stops the duplicate work and its errors.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

/** Any number; the same in every instance (PostgreSQL advisory locks are per database). */
const CLAIM_LOCK = 20_261_204

type UpdateJobs = (args: { data?: { processing?: boolean }; req?: Record<string, unknown> }) => Promise<unknown>
type Adapter = {
  name: string
  updateJobs: UpdateJobs & { atomic?: boolean }
  beginTransaction: () => Promise<string | number | null>
  commitTransaction: (id: string | number) => Promise<void>
  rollbackTransaction: (id: string | number) => Promise<void>
  sessions: Record<string, { db: { execute: (query: unknown) => Promise<unknown> } }>
}

export const makeJobClaimsAtomic = (payload: Payload): void => {
  const db = payload.db as unknown as Adapter
  if (db.name !== 'postgres' || db.updateJobs.atomic) return
  const updateJobs = db.updateJobs.bind(db)
  const claimAtomically: UpdateJobs = async (args) => {
    if (args.data?.processing !== true) return updateJobs(args)
    const transactionID = await db.beginTransaction()
    if (transactionID === null) return updateJobs(args)
    try {
      await db.sessions[String(transactionID)].db.execute(sql`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`)
      const claimed = await updateJobs({ ...args, req: { ...args.req, transactionID } })
      await db.commitTransaction(transactionID)
      return claimed
    } catch (error) {
      await db.rollbackTransaction(transactionID).catch(() => {})
      throw error
    }
  }
  db.updateJobs = Object.assign(claimAtomically, { atomic: true })
}
