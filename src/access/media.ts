/**
 * Who may read a media file: its document, its original file and every image size, over REST,
 * GraphQL, the file route and relationship population alike. Staff read everything. Anyone else
 * reads a file only while a public document uses it:
 *
 *   - a release the visibility rule makes public (hero image, press kit, SEO image, images in
 *     the body),
 *   - a partner or an event, which are always public (logo or image, SEO image, images in the
 *     boilerplate or description).
 *
 * So an image prepared for an embargoed release cannot be fetched, or its URL guessed, before
 * the embargo lifts, and a file uploaded but not yet used is not public either.
 *
 * The set of public media ids is cached with the rest of the public content: every write that
 * could change it bumps the public-content generation, and a scheduled publish or embargo lift
 * expires it at that moment, exactly like the pages and feeds that show those images.
 */
import type { Access, Payload } from 'payload'

import { cachedPublic } from '@/cache/publicCache'

import { isStaff } from './roles'

type Id = number | string

/** The id behind an upload value, whether populated or not. */
const idOf = (value: unknown): Id | null => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return null
}

/** Every media id used by an upload node in a Lexical rich-text value. */
const richTextMediaIds = (node: unknown, into: Set<Id>): void => {
  if (!node || typeof node !== 'object') return
  const n = node as { type?: unknown; relationTo?: unknown; value?: unknown; root?: unknown; children?: unknown }
  if (n.type === 'upload' && n.relationTo === 'media') {
    const id = idOf(n.value)
    if (id !== null) into.add(id)
  }
  if (n.root) richTextMediaIds(n.root, into)
  if (Array.isArray(n.children)) for (const child of n.children) richTextMediaIds(child, into)
}

type UsingDoc = {
  heroImage?: unknown
  logo?: unknown
  image?: unknown
  assets?: { file?: unknown }[] | null
  meta?: { image?: unknown } | null
  body?: unknown
  about?: unknown
  description?: unknown
}

const collectFrom = (docs: UsingDoc[], into: Set<Id>): void => {
  for (const doc of docs) {
    for (const value of [doc.heroImage, doc.logo, doc.image, doc.meta?.image, ...(doc.assets ?? []).map((a) => a.file)]) {
      const id = idOf(value)
      if (id !== null) into.add(id)
    }
    for (const richText of [doc.body, doc.about, doc.description]) richTextMediaIds(richText, into)
  }
}

/**
 * Read as an anonymous reader, so the releases' own access (the visibility rule) decides which
 * releases count. Depth 0: populating media here would ask this very rule again.
 */
const findPublicUses = async (payload: Payload): Promise<Id[]> => {
  const asAnonymous = { overrideAccess: false, user: null, draft: false, depth: 0, pagination: false } as const
  const [releases, partners, events] = await Promise.all([
    payload.find({
      collection: 'press-releases',
      select: { heroImage: true, assets: { file: true }, meta: { image: true }, body: true },
      ...asAnonymous,
    }),
    payload.find({ collection: 'partners', select: { logo: true, meta: { image: true }, about: true }, ...asAnonymous }),
    payload.find({ collection: 'events', select: { image: true, meta: { image: true }, description: true }, ...asAnonymous }),
  ])
  const ids = new Set<Id>()
  collectFrom(releases.docs as UsingDoc[], ids)
  collectFrom(partners.docs as UsingDoc[], ids)
  collectFrom(events.docs as UsingDoc[], ids)
  return [...ids]
}

export const publicMediaIds = (payload: Payload): Promise<Id[]> =>
  cachedPublic('access:public-media-ids', () => findPublicUses(payload))

export const readMedia: Access = async ({ req }) => {
  if (isStaff(req.user)) return true
  return { id: { in: await publicMediaIds(req.payload) } }
}
