import type { CollectionAfterChangeHook } from 'payload'

import { announceRelease } from '@/notify/announceRelease'
import { describeSave } from '@/workflow/saveChange'

/**
 * A write that makes a release public right away (publish, or publish of a scheduled release)
 * notifies partner sites. Releases that become public later (embargo, future date) are announced
 * by the announceVisibility job at that moment.
 */
export const announceWhenPublic: CollectionAfterChangeHook = async (args) => {
  // Loading demo content or a benchmark archive tells partners nothing.
  if (args.context.seeding || !describeSave(args).becamePublicNow) return args.doc
  await announceRelease(args.req, args.doc.id)
  return args.doc
}
