/**
 * One page of a public list in two reads: first the page's ids alone (filtered, sorted and
 * counted as the page would be, so a deep page skips over index entries only), then those
 * documents whole. The answer is the one a single `find` gives; what it saves is populating
 * the relationships of every row the offset passes over, which made `/news?page=150` take
 * seconds at 10,000 releases. Both reads are public reads (the visibility rule applies to each).
 */
import type { CollectionSlug, PaginatedDocs, Where } from 'payload'

import { asPublic, payload } from './payload'

export type PageArgs = {
  collection: CollectionSlug
  where: Where
  sort: string[]
  page: number
  limit: number
  depth: number
}

export const findPublicPage = async <T extends { id: number | string }>(args: PageArgs): Promise<PaginatedDocs<T>> => {
  const p = await payload()
  const { collection, where, sort, page, limit, depth } = args
  const ids = (await p.find({
    collection,
    where,
    sort,
    page,
    limit,
    depth: 0,
    select: {},
    ...asPublic,
  } as never)) as unknown as PaginatedDocs<T>
  if (!ids.docs.length) return ids
  const { docs } = (await p.find({
    collection,
    where: { and: [where, { id: { in: ids.docs.map((d) => d.id) } }] },
    sort,
    pagination: false,
    depth,
    ...asPublic,
  } as never)) as unknown as { docs: T[] }
  const byId = new Map(docs.map((d) => [String(d.id), d]))
  return { ...ids, docs: ids.docs.map((d) => byId.get(String(d.id))).filter((d): d is T => Boolean(d)) }
}
