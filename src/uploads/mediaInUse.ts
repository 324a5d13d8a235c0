/**
 * Whether anything, public or not, uses a media document: a release (hero image, press kit, SEO
 * image, body images, in any draft or version too), a partner (logo, SEO image, boilerplate
 * images, in any version) or an event (image, SEO image, description images). An upload that
 * nothing uses is the one thing a clean-up may remove.
 */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { richTextMediaIds } from '@/richText/media'

type Id = number | string

const anyOf = (fields: string[], id: Id): Where => ({ or: fields.map((f) => ({ [f]: { equals: id } })) })

const UPLOAD_FIELDS: Record<'press-releases' | 'partners' | 'events', string[]> = {
  'press-releases': ['heroImage', 'assets.file', 'meta.image', 'bodyMedia'],
  partners: ['logo', 'meta.image'],
  events: ['image', 'meta.image'],
}
const VERSIONED = new Set<string>(['press-releases', 'partners'])
const RICH_TEXT: Partial<Record<string, string>> = { partners: 'about', events: 'description' }

export const isMediaInUse = async (payload: Payload, id: Id, req?: Partial<PayloadRequest>): Promise<boolean> => {
  for (const [collection, fields] of Object.entries(UPLOAD_FIELDS) as [CollectionSlug, string[]][]) {
    const { totalDocs } = await payload.count({ collection, where: anyOf(fields, id), overrideAccess: true, req })
    if (totalDocs) return true
    if (VERSIONED.has(collection)) {
      const versions = await payload.findVersions({
        collection,
        where: anyOf(
          fields.map((f) => `version.${f}`),
          id,
        ),
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (versions.totalDocs) return true
    }
    const richText = RICH_TEXT[collection]
    if (richText) {
      const { docs } = await payload.find({
        collection,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { [richText]: true },
        req,
      })
      if (docs.some((doc) => richTextMediaIds((doc as unknown as Record<string, unknown>)[richText]).has(id)))
        return true
    }
  }
  return false
}
