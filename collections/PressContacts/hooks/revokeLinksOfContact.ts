import type { CollectionBeforeDeleteHook } from 'payload'

import { revokeBriefings } from '@/briefings/links'

/** A deleted contact's links stop working (410) in the same transaction as the deletion. */
export const revokeLinksOfContact: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await revokeBriefings(req, { contact: { equals: id } }, 'contact deleted')
}
