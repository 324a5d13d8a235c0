/**
 * One page of a public list (the archive, feed pages) at a cost that does not grow with the
 * page number. Measured at 10,000 releases, the database itself skips 1,500 index entries in
 * about a millisecond; what made `/news?page=150` slow was Payload's work per document (reading
 * and transforming each row, populating its relationships), so every step here keeps the number
 * of documents Payload handles to the page's own:
 *
 * - the list's size is counted once per public-content generation and filter (cached like every
 *   public read), not on every page;
 * - the page's ids are one read with the page's offset but no count (on SQLite and PostgreSQL,
 *   `pagination: false` still applies `page` and `limit`; the MongoDB adapter skips only when
 *   paginating, so there it counts too), selecting nothing but the id;
 * - then those documents whole (or only `select`'s fields), in the same order.
 *
 * Every read is a public read (overrideAccess: false, through the collection's access and so the
 * visibility rule), and the ids read and the documents read are filtered and sorted alike, so a
 * hidden document can neither appear nor shift a public one. The sort must end in a unique key
 * (`-id`), so equal dates keep one order. The answer has the shape and figures of Payload's own
 * paginated `find` (tests/integration/archive-pages.test.ts compares the two).
 */
import type { CollectionSlug, PaginatedDocs, SelectType, Where } from 'payload'

import { cachedPublic } from '@/cache/publicCache'

import { asPublic, payload } from './payload'

export type PageArgs = {
  collection: CollectionSlug
  where: Where
  sort: string[]
  page: number
  limit: number
  depth: number
  /** Only these fields of each document (what the page shows); all of them when absent. */
  select?: SelectType
}

/** How many public documents a filter matches, once per public-content generation. */
export const countPublic = (collection: CollectionSlug, where: Where): Promise<number> =>
  cachedPublic(`count:${collection}:${JSON.stringify(where)}`, async () => {
    const { totalDocs } = await (await payload()).count({ collection, where, ...asPublic } as never)
    return totalDocs as number
  })

/** The paging figures Payload's `find` gives for `page` of `totalDocs` documents. */
const paging = (totalDocs: number, page: number, limit: number) => {
  if (!totalDocs) {
    return { totalDocs, limit, page, totalPages: 1, pagingCounter: 1, hasPrevPage: false, hasNextPage: false, prevPage: null, nextPage: null }
  }
  const totalPages = Math.ceil(totalDocs / limit)
  const hasPrevPage = page > 1
  const hasNextPage = totalPages > page
  return {
    totalDocs,
    limit,
    page,
    totalPages,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage,
    hasNextPage,
    prevPage: hasPrevPage ? page - 1 : null,
    nextPage: hasNextPage ? page + 1 : null,
  }
}

export const findPublicPage = async <T extends { id: number | string }>(args: PageArgs): Promise<PaginatedDocs<T>> => {
  const { collection, where, sort, page, limit, depth, select } = args
  const totalDocs = await countPublic(collection, where)
  const figures = paging(totalDocs, page, limit)
  if (!totalDocs || page > figures.totalPages) return { ...figures, docs: [] }

  const p = await payload()
  const { docs: ids } = (await p.find({
    collection,
    where,
    sort,
    page,
    limit,
    pagination: p.db.name === 'mongoose',
    depth: 0,
    select: {},
    ...asPublic,
  } as never)) as unknown as { docs: { id: T['id'] }[] }
  if (!ids.length) return { ...figures, docs: [] }
  const { docs } = (await p.find({
    collection,
    where: { and: [where, { id: { in: ids.map((d) => d.id) } }] },
    sort,
    pagination: false,
    depth,
    ...(select ? { select } : {}),
    ...asPublic,
  } as never)) as unknown as { docs: T[] }
  const byId = new Map(docs.map((d) => [String(d.id), d]))
  return { ...figures, docs: ids.map((d) => byId.get(String(d.id))).filter((d): d is T => Boolean(d)) }
}
