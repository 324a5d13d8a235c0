/**
 * Permalinks that survive slug edits. Every slug a release, partner, event or topic was public
 * under is kept on the document (`previousSlugs`); its pages and feeds answer a permanent
 * redirect from the old slug to the current one, and no other document may take a slug that
 * belongs, or once belonged, to another (400 naming `slug`).
 *
 * Only slugs readers could have seen are kept: the slug of the saved document (for releases,
 * of the published document: a draft's slug is never public), so the history tells nothing
 * about drafts. The history is staff-only; redirects look it up with access off and then read
 * the document as the public does, so the visibility rule decides whether the redirect exists.
 */
import { type ArrayField, type CollectionBeforeChangeHook, type CollectionSlug, ValidationError } from 'payload'

export const SLUG_HISTORY_COLLECTIONS = ['press-releases', 'partners', 'events', 'topics'] as const
export type SlugHistoryCollection = (typeof SLUG_HISTORY_COLLECTIONS)[number]

type HistoryRow = { slug?: string | null; id?: string | null }
type WithHistory = {
  id?: number | string
  slug?: string | null
  _status?: string | null
  previousSlugs?: HistoryRow[] | null
}

const staffOnly = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)

export const previousSlugsField = (): ArrayField => ({
  name: 'previousSlugs',
  label: 'Earlier slugs',
  type: 'array',
  access: { read: staffOnly, create: () => false, update: () => false },
  admin: {
    readOnly: true,
    position: 'sidebar',
    condition: (data) => Boolean((data as WithHistory)?.previousSlugs?.length),
    description: 'Old links with these slugs redirect here. Kept automatically when the slug changes.',
  },
  fields: [{ name: 'slug', type: 'text', required: true }],
})

const slugsOf = (rows: HistoryRow[] | null | undefined): string[] =>
  (rows ?? []).map((r) => r.slug).filter((s): s is string => Boolean(s))

/**
 * Before a save: refuses a slug another document of the collection has or had, and, when the
 * save changes the public slug, adds the old one to the history (and drops the new one from
 * it, for a document going back to an earlier slug).
 */
export const keepSlugHistory: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const slug = typeof data.slug === 'string' ? data.slug : undefined
  const id = (originalDoc as WithHistory | undefined)?.id
  if (slug) {
    const { docs } = await req.payload.find({
      collection: collection.slug as CollectionSlug,
      where: {
        and: [
          ...(id !== undefined ? [{ id: { not_equals: id } }] : []),
          { or: [{ slug: { equals: slug } }, { 'previousSlugs.slug': { equals: slug } }] },
        ],
      },
      limit: 1,
      depth: 0,
      draft: false,
      overrideAccess: true,
      pagination: false,
      select: { slug: true },
      req,
    })
    if (docs.length) {
      const now = (docs[0] as WithHistory).slug === slug
      throw new ValidationError({
        collection: collection.slug,
        errors: [
          {
            path: 'slug',
            message: now
              ? `The slug “${slug}” belongs to another document.`
              : `The slug “${slug}” belonged to another document, and its old links still lead there.`,
          },
        ],
      })
    }
  }
  if (operation !== 'update' || id === undefined || !slug) return data

  // The saved document as readers know it (for releases, the published one, not the latest draft).
  const saved = (await req.payload.db.findOne({
    collection: collection.slug,
    where: { id: { equals: id } },
    req,
  })) as WithHistory | null
  const hasDrafts = Boolean(collection.versions?.drafts)
  const writesSavedDocument = !hasDrafts || data._status === 'published'
  const history = slugsOf(saved?.previousSlugs)
  if (!saved?.slug || !writesSavedDocument || saved.slug === slug) {
    return { ...data, previousSlugs: history.map((s) => ({ slug: s })) }
  }
  const wasPublic = !hasDrafts || saved._status === 'published'
  const next = [...history, ...(wasPublic ? [saved.slug] : [])].filter(
    (s, i, all) => s !== slug && all.indexOf(s) === i,
  )
  return { ...data, previousSlugs: next.map((s) => ({ slug: s })) }
}
