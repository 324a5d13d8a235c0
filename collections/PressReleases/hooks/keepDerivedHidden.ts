import { APIError, type CollectionBeforeDeleteHook } from 'payload'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * Quotes and milestones tied to a release are public only while the release is, and those tied
 * to no release are public. Deleting the release would untie them (SQLite clears the reference),
 * so the quotes of a deleted draft or embargoed release would go public. The delete is refused
 * until they are deleted or tied to another release.
 */
export const keepDerivedHidden: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const count = (collection: 'quotes' | 'milestones', field: string) =>
    req.payload
      .count({ collection, where: { [field]: { equals: id } }, overrideAccess: true, req })
      .then((r) => r.totalDocs)
  const [quotes, milestones] = await Promise.all([count('quotes', 'release'), count('milestones', 'announcedIn')])
  if (quotes + milestones === 0) return
  const tied = [
    quotes && plural(quotes, 'quote', 'quotes'),
    milestones && plural(milestones, 'milestone', 'milestones'),
  ]
    .filter(Boolean)
    .join(' and ')
  const message = `This release still has ${tied} tied to it, which would become public without it. Delete them or tie them to another release first, or unpublish the release instead.`
  // `data.errors` lets src/hooks/explainValidationErrors.ts keep the message in production answers.
  throw new APIError(message, 409, { errors: [{ path: 'id', message }] }, true)
}
