import type { PayloadRequest, TaskConfig } from 'payload'

import { postNotification } from '@/notify/post'
import { DELIVERY_HEADER, EVENT_HEADER, signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/notify/signature'
import { isRefusedTarget } from '@/notify/targets'
import type { WebhookDelivery } from '@/payload-types'

import { once } from './once'

/** Attempts per delivery, and the first back-off (doubled each time: 30 s, 1 min, 2 min, 4 min…). */
export const DELIVERY_ATTEMPTS = 6
const retryDelayMs = () => Number(process.env.WEBHOOK_RETRY_DELAY_MS) || 30_000
const TIMEOUT_MS = 10_000

/**
 * Delivers one logged notification: a signed webhook POST to a partner endpoint, or a WebSub
 * "publish" ping to the hub. Any answer other than 2xx (or no answer within 10 s) throws, and
 * the jobs queue retries with exponential back-off; every attempt is written to the delivery log.
 * A partner endpoint inside the network (src/notify/targets.ts) is refused: the delivery is
 * marked failed with the reason, and not retried.
 * Each attempt holds the delivery's `once()` claim, so a second runner picking up the same job
 * finds it taken and sends nothing; a failed attempt gives the claim back for the retry.
 */
export const deliverNotification: TaskConfig<'deliverNotification'> = {
  slug: 'deliverNotification',
  label: 'Deliver a webhook or WebSub ping',
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  retries: { attempts: DELIVERY_ATTEMPTS - 1, backoff: { type: 'exponential', delay: retryDelayMs() } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const delivery = await payload.findByID({
      collection: 'webhook-deliveries',
      id: input.delivery,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!delivery || delivery.status === 'delivered') return { output: {} }
    await once(req, `delivery:${delivery.id}`, (req) => attemptDelivery(req, delivery), { external: true })
    return { output: {} }
  },
}

/** One attempt: POST, log the answer, throw (for the queue's retry) unless it was a 2xx. */
const attemptDelivery = async (req: PayloadRequest, delivery: WebhookDelivery): Promise<void> => {
  const { payload } = req
  const headers: Record<string, string> = { 'user-agent': 'PartnerNewsroom-Notifier/1' }
  if (delivery.kind === 'webhook') {
    const subscriberId = typeof delivery.subscriber === 'object' ? delivery.subscriber?.id : delivery.subscriber
    const subscriber = subscriberId
      ? await payload.findByID({
          collection: 'webhook-subscribers',
          id: subscriberId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        })
      : null
    if (!subscriber || !subscriber.active) {
      await payload.update({
        collection: 'webhook-deliveries',
        id: delivery.id,
        data: { status: 'failed', lastError: 'Subscriber removed or deactivated before delivery.' },
        overrideAccess: true,
        req,
      })
      return
    }
    const timestamp = Math.floor(Date.now() / 1000)
    Object.assign(headers, {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signBody(subscriber.secret, timestamp, delivery.body ?? ''),
      [EVENT_HEADER]: delivery.event,
      [DELIVERY_HEADER]: String(delivery.id),
    })
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded'
  }

  const started = Date.now()
  let responseStatus: number | undefined
  let error: string | undefined
  let refused = false
  try {
    // Partner endpoints are checked against the network rule (src/notify/targets.ts); the WebSub
    // hub is the operator's own WEBSUB_HUB_URL, like the database address.
    const res = await postNotification(delivery.url, delivery.body ?? '', headers, {
      timeoutMs: TIMEOUT_MS,
      guard: delivery.kind === 'webhook',
    })
    responseStatus = res.status
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`
  } catch (err) {
    refused = isRefusedTarget(err)
    error =
      err instanceof Error
        ? err.name === 'TimeoutError'
          ? `No answer within ${TIMEOUT_MS / 1000} s`
          : err.message
        : String(err)
  }

  const attempts = (delivery.attempts ?? 0) + 1
  const ok = !error
  await payload.update({
    collection: 'webhook-deliveries',
    id: delivery.id,
    data: {
      attempts,
      responseStatus,
      lastError: error ?? null,
      // A refused address would be refused again: failed at once, not retried.
      status: ok ? 'delivered' : refused || attempts >= DELIVERY_ATTEMPTS ? 'failed' : 'retrying',
      deliveredAt: ok ? new Date().toISOString() : undefined,
      log: [
        ...(delivery.log ?? []),
        { at: new Date(started).toISOString(), responseStatus, error, durationMs: Date.now() - started },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (refused) payload.logger.warn(`Delivery ${delivery.id} to ${delivery.url}: ${error}`)
  else if (!ok) throw new Error(`Delivery ${delivery.id} to ${delivery.url} failed: ${error}`)
}
