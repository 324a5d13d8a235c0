import type { PressRelease, User } from '@/payload-types'

import { payload } from './payload'

/**
 * The latest draft of a release as a staff user may see it, for previews only (never cached,
 * never used without a verified staff session: see src/preview/session.ts).
 */
export const releaseDraftBySlug = async (slug: string, user: User & { collection: 'users' }): Promise<PressRelease | null> => {
  const { docs } = await (await payload()).find({
    collection: 'press-releases',
    where: { slug: { equals: slug } },
    draft: true,
    limit: 1,
    depth: 2,
    user,
    overrideAccess: false,
  })
  return docs[0] ?? null
}
