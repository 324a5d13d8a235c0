import type { TaskConfig } from 'payload'

import { queueDigest } from '@/email/digest'
import type { Subscriber } from '@/payload-types'

/**
 * Once a day (07:00 UTC, scheduled on the jobs queue): every confirmed subscription that chose the
 * daily digest gets one mail with the releases of its scope that became public since its last
 * digest (src/email/digest.ts); none when there were none.
 */
export const sendDigests: TaskConfig<'sendDigests'> = {
  slug: 'sendDigests',
  label: 'Send the daily digests to journalists',
  schedule: [{ cron: '0 0 7 * * *', queue: 'default' }],
  retries: 3,
  handler: async ({ req }) => {
    const { docs } = await req.payload.find({
      collection: 'subscribers',
      where: { and: [{ confirmed: { equals: true } }, { frequency: { equals: 'daily' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const until = new Date()
    let sent = 0
    for (const sub of docs as Subscriber[]) if (await queueDigest(req, sub, until)) sent++
    if (sent) req.payload.logger.info(`Daily digest queued for ${sent} subscribers`)
    return { output: {} }
  },
}
