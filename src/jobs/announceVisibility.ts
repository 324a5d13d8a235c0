import type { TaskConfig } from 'payload'

import { becomesPublicAt, isReleasePublic, publicDateOf } from '@/access/visibility'
import { recordPublicChange } from '@/cache/changes'
import { queueReleaseAlerts } from '@/email/journalistMail'
import { noticePublished } from '@/email/staffMail'
import { announceRelease } from '@/notify/announceRelease'
import { recordActivity } from '@/workflow/activity'

import { once } from './once'

/**
 * Runs on the jobs queue at the moment a published release becomes public by itself (its
 * embargo lifts or its future publish date arrives): every instance's public caches are dropped, the
 * lift is written to the audit trail, the author is told by e-mail, subscribed journalists get
 * their alerts (src/email/journalistMail.ts), and partner sites and the WebSub hub are notified.
 * A job whose moment no longer matches the release (embargo moved, release unpublished) only
 * revalidates: the job queued for the new moment, or the publish itself, does the announcing.
 * The audit entry and the deliveries are written once per release and moment (`once()`), even
 * when two runners pick up the same job or a retry runs it again.
 */
export const announceVisibility: TaskConfig<'announceVisibility'> = {
  slug: 'announceVisibility',
  label: 'Release becomes public (embargo lift or publish date)',
  inputSchema: [
    { name: 'release', type: 'text', required: true },
    { name: 'at', type: 'date', required: true },
  ],
  retries: 3,
  handler: async ({ input, req }) => {
    // Every instance expires its caches at this moment by itself (src/cache/publicCache.ts); the
    // record makes sure of it, also for caches built before the release was scheduled.
    await recordPublicChange(req, { collection: 'press-releases', document: input.release, reason: 'scheduled' })
    const release = await req.payload.findByID({
      collection: 'press-releases',
      id: input.release,
      depth: 0,
      draft: false,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!release || !isReleasePublic(release)) return { output: {} }
    const moment = Date.parse(publicDateOf(release)!)
    if (moment !== Date.parse(input.at) || becomesPublicAt(release) !== null) return { output: {} }
    const announced = await once(
      req,
      `became-public:${release.id}:${new Date(moment).toISOString()}`,
      async (txReq) => {
        await recordActivity(txReq, { action: 'became-public', doc: release, at: new Date(input.at) })
        await noticePublished(txReq, release.id)
        await queueReleaseAlerts(txReq, release)
        return announceRelease(txReq, release.id)
      },
    )
    if (!announced.ran) return { output: {} }
    req.payload.logger.info(`Release ${input.release} is public from ${input.at}: caches dropped, partners notified`)
    return { output: {} }
  },
}
