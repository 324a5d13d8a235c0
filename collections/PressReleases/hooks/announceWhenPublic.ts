import type { CollectionAfterChangeHook } from 'payload'

import { queueReleaseAlerts } from '@/email/journalistMail'
import { noticePublished } from '@/email/staffMail'
import { once } from '@/jobs/once'
import { announceRelease } from '@/notify/announceRelease'
import type { PressRelease } from '@/payload-types'
import { describeSave } from '@/workflow/saveChange'

/**
 * A write that makes a release public right away (publish, or publish of a scheduled release)
 * notifies partner sites, tells the release's author by e-mail and queues subscribed journalists'
 * alerts. Releases that become public later (embargo, future date) are announced
 * by the announceVisibility job at that moment. Keyed by the saved version, inside the write's
 * transaction: the deliveries exist exactly when the publish commits, and once.
 */
export const announceWhenPublic: CollectionAfterChangeHook = async (args) => {
  // Loading demo content or a benchmark archive tells partners nothing.
  if (args.context.seeding || !describeSave(args).becamePublicNow) return args.doc
  await once(args.req, `published:${args.doc.id}:${args.doc.updatedAt}`, async (req) => {
    await noticePublished(req, args.doc.id)
    await queueReleaseAlerts(req, args.doc as PressRelease)
    return announceRelease(req, args.doc.id)
  })
  return args.doc
}
