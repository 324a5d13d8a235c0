import { timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { isStaff } from '@/access/roles'

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Who may run due jobs through `GET /api/payload-jobs/run`: logged-in staff, or an external
 * cron presenting `Authorization: Bearer <CRON_SECRET>` (only when CRON_SECRET is set).
 * Running jobs early is impossible either way: only jobs whose time has come are run.
 */
export const canRunJobs = ({ req }: { req: PayloadRequest }): boolean => {
  if (isStaff(req.user)) return true
  const secret = process.env.CRON_SECRET?.trim()
  const header = req.headers.get('authorization') ?? ''
  return (
    Boolean(secret) &&
    header.startsWith('Bearer ') &&
    sameSecret(header.slice('Bearer '.length).trim(), secret as string)
  )
}
