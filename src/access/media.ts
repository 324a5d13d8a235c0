/**
 * Who may read a media file: its document, its original file and every image size, over REST,
 * GraphQL, the file route and relationship population alike. Staff read everything. Anyone else
 * reads a file only while a public document uses it:
 *
 *   - a release the visibility rule makes public (hero image, press kit, SEO image, images in
 *     the body),
 *   - a partner (always public) or a published event (logo or image, SEO image, images in the
 *     boilerplate or description); an event's drafts do not count.
 *
 * So an image prepared for an embargoed release cannot be fetched, or its URL guessed, before
 * the embargo lifts, and a file uploaded but not yet used is not public either.
 *
 * The set of public media ids is cached with the rest of the public content: every write that
 * could change it drops public caches in every instance (src/cache/changes.ts), and a scheduled publish or embargo lift
 * expires it at that moment, exactly like the pages and feeds that show those images.
 */
import type { Access, Payload } from 'payload'

import { cachedPublic } from '@/cache/publicCache'
import { idOf, richTextMediaIds } from '@/richText/media'
import { PUBLIC_ID_LOOKUP } from '@/security/publicQuery'

import { readInScope } from './partnerScope'
import { isEditor, isStaff } from './roles'

type Id = number | string

/**
 * As an anonymous reader, so each collection's own access (for releases, the visibility rule)
 * applies, with relationship values as stored (src/security/publicQuery.ts asks this module).
 */
const asAnonymous = { overrideAccess: false, user: null, depth: 0, context: { [PUBLIC_ID_LOOKUP]: true } } as const

/**
 * The ids in a `findDistinct` answer. The SQL adapters give one id per row; MongoDB groups by the
 * field's path, so a field inside an array (the press kit's `assets.file`) comes back as one row
 * per distinct *array* of ids (`{ 'assets.file': [id, id] }`, @payloadcms/db-mongodb's
 * findDistinct: `$group: { _id: '$assets.file' }` without an `$unwind`). Both shapes count.
 */
export const distinctIds = (values: readonly Record<string, unknown>[], field: string): Id[] =>
  values.flatMap((row) => {
    const value = row[field]
    return (Array.isArray(value) ? value : [value]).map(idOf).filter((id): id is Id => id !== null)
  })

/**
 * Releases are many: the database lists the distinct files their upload fields use (body images
 * are kept in `bodyMedia` by a hook). Partners and events are few and are read whole (events as
 * anonymous readers get them: their published documents).
 */
const findPublicUses = async (payload: Payload): Promise<Id[]> => {
  const releaseFields = ['heroImage', 'assets.file', 'meta.image', 'bodyMedia']
  const [distinct, partners, events] = await Promise.all([
    Promise.all(
      releaseFields.map((field) => payload.findDistinct({ collection: 'press-releases', field, ...asAnonymous })),
    ),
    payload.find({
      collection: 'partners',
      select: { logo: true, meta: { image: true }, about: true },
      pagination: false,
      ...asAnonymous,
    }),
    payload.find({
      collection: 'events',
      select: { image: true, meta: { image: true }, description: true },
      pagination: false,
      ...asAnonymous,
    }),
  ])
  const ids = new Set<Id>()
  const add = (value: unknown) => {
    const id = idOf(value)
    if (id !== null) ids.add(id)
  }
  distinct.forEach((result, i) => distinctIds(result.values, releaseFields[i]).forEach((id) => ids.add(id)))
  for (const partner of partners.docs) {
    add(partner.logo)
    add(partner.meta?.image)
    richTextMediaIds(partner.about, ids)
  }
  for (const event of events.docs) {
    add(event.image)
    add(event.meta?.image)
    richTextMediaIds(event.description, ids)
  }
  return [...ids]
}

export const publicMediaIds = (payload: Payload): Promise<Id[]> =>
  cachedPublic('access:public-media-ids', () => findPublicUses(payload))

/** Newsroom staff read every file; partner staff public files and their partners' (./partnerScope.ts). */
export const readMedia: Access = ({ req }) =>
  readInScope(req, 'media', async () => ({ id: { in: await publicMediaIds(req.payload) } }))

/**
 * Contributors may upload files and edit the ones nothing public uses yet; a file the public can
 * see (its alt text, its image) changes only by an editor, since media has no drafts.
 */
export const updateMedia: Access = async ({ req }) => {
  if (isEditor(req.user)) return true
  if (!isStaff(req.user)) return false
  const ids = await publicMediaIds(req.payload)
  return ids.length ? { id: { not_in: ids } } : true
}
