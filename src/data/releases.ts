import type { Where } from 'payload'

import type { PressRelease } from '@/payload-types'

import { findPublicPage } from './pages'
import { payload } from './payload'

export type ReleaseFilter = { partner?: PressRelease['id']; topic?: PressRelease['id'] }

const filterWhere = ({ partner, topic }: ReleaseFilter): Where => {
  const and: Where[] = []
  if (partner !== undefined) and.push({ partners: { in: [partner] } })
  if (topic !== undefined) and.push({ topics: { in: [topic] } })
  return and.length ? { and } : {}
}

/** One page of public releases, newest first, with partners, topics and images populated. */
export const findPublicReleases = (filter: ReleaseFilter, page: number, limit: number) =>
  findPublicPage<PressRelease>({
    collection: 'press-releases',
    where: filterWhere(filter),
    sort: ['-publishedAt', '-id'],
    page,
    limit,
    depth: 2,
  })

/**
 * The next moment a published release becomes public by itself (a future publish date or an
 * embargo lifting), so caches of public content know when they go stale without any edit.
 */
export const nextScheduledVisibility = async (now = new Date()): Promise<Date | null> => {
  const p = await payload()
  const at = now.toISOString()
  let next: number | null = null
  for (const field of ['publishedAt', 'embargoUntil'] as const) {
    const { docs } = await p.find({
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
