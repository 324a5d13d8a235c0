import type { CollectionBeforeChangeHook } from 'payload'

/** No account exists by default; whoever creates the first one becomes its admin. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) data.role = 'admin'
  else if (!data.role) data.role = 'contributor'
  return data
}
