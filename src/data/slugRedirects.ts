/**
 * Where an earlier slug leads now (src/slugs/history.ts): the current slug of the document that
 * was public under it, if the public may see that document today, else null. Cached with the
 * public content, so a 404 for an unknown slug costs one lookup per content change.
 */
import { cachedPublic } from '@/cache/publicCache'
import type { SlugHistoryCollection } from '@/slugs/history'

import { asPublic, payload } from './payload'

export const currentSlugOf = (collection: SlugHistoryCollection, earlierSlug: string) =>
  cachedPublic(`renamed:${collection}:${earlierSlug}`, async (): Promise<string | null> => {
    const p = await payload()
    // The history is staff-only: found with access off, then read as the public reads it.
    const owner = await p.find({
      collection,
      where: { 'previousSlugs.slug': { equals: earlierSlug } },
      limit: 1,
      depth: 0,
      draft: false,
      overrideAccess: true,
      select: { slug: true },
    })
    const id = owner.docs[0]?.id
    if (id === undefined) return null
    const visible = await p.find({ collection, where: { id: { equals: id } }, limit: 1, depth: 0, select: { slug: true }, ...asPublic })
    const slug = (visible.docs[0] as { slug?: string | null } | undefined)?.slug
    return slug && slug !== earlierSlug ? slug : null
  })

/** Old slugs of the public events, for anchors on the events page (`/events#old-slug` keeps working). */
export const eventSlugHistory = () =>
  cachedPublic('events:earlier-slugs', async () => {
    const p = await payload()
    const { docs } = await p.find({
      collection: 'events',
      where: { 'previousSlugs.slug': { exists: true } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { previousSlugs: true },
    })
    return new Map(
      (docs as { id: number; previousSlugs?: { slug?: string | null }[] | null }[]).map((e) => [
        e.id,
        (e.previousSlugs ?? []).map((r) => r.slug).filter((s): s is string => Boolean(s)),
      ]),
    )
  })
