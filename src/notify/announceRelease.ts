import type { PayloadRequest, Where } from 'payload'

import { isReleasePublic } from '@/access/visibility'
import type { PressRelease } from '@/payload-types'
import { websubHub } from '@/server/env'

import { feedUrlsFor, releaseEventBody, type ReleaseEventName } from './releaseEvent'

/**
 * A release has just become public: log one delivery per subscribed partner endpoint (and one
 * WebSub hub ping per feed it appears in) and queue each on the jobs queue, which delivers with
 * retries and back-off (src/jobs/deliverNotification.ts). Does nothing for a release that is
 * not public, so drafts and embargoed releases never notify anyone.
 */
export const announceRelease = async (
  req: PayloadRequest,
  releaseId: PressRelease['id'],
  event: ReleaseEventName = 'release.published',
): Promise<number> => {
  const release = await req.payload.findByID({
    collection: 'press-releases',
    id: releaseId,
    depth: 1,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!release || !isReleasePublic(release)) return 0

  const partnerIds = (release.partners ?? []).map((p) => (typeof p === 'object' ? p.id : p))
  const forPartner: Where = {
    or: [{ partner: { exists: false } }, ...(partnerIds.length ? [{ partner: { in: partnerIds } }] : [])],
  }
  const subscribers = await req.payload.find({
    collection: 'webhook-subscribers',
    where: { and: [{ active: { equals: true } }, forPartner] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })

  const body = JSON.stringify(releaseEventBody(event, release))
  type Delivery = { kind: 'webhook' | 'websub'; subscriber?: number; url: string; body: string; summary: string }
  const deliveries: Delivery[] = subscribers.docs.map((sub) => ({
    kind: 'webhook',
    subscriber: sub.id,
    url: sub.url,
    body,
    summary: `${release.title} → ${sub.name}`,
  }))
  const hub = websubHub()
  if (hub) {
    for (const feed of feedUrlsFor(release)) {
      deliveries.push({
        kind: 'websub',
        url: hub,
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed }).toString(),
        summary: `WebSub ping: ${feed}`,
      })
    }
  }

  for (const delivery of deliveries) {
    const doc = await req.payload.create({
      collection: 'webhook-deliveries',
      data: { ...delivery, event, release: release.id, status: 'pending', attempts: 0 },
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({ task: 'deliverNotification', input: { delivery: String(doc.id) }, req })
  }
  return deliveries.length
}
