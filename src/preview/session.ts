import { draftMode, headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import { isStaff } from '@/access/roles'
import type { User } from '@/payload-types'
import config from '@payload-config'

/**
 * The staff user previewing drafts, or null. Draft mode alone is not enough: every request also
 * needs a valid staff session, so a leaked draft-mode cookie shows nobody anything.
 */
export const previewUser = cache(async (): Promise<(User & { collection: 'users' }) | null> => {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return null
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  return isStaff(user) ? (user as User & { collection: 'users' }) : null
})
