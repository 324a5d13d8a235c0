import type { Where } from 'payload'

import type { PressRelease } from '@/payload-types'

import { findPublicPage } from './pages'

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
