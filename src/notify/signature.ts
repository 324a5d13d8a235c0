import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with the subscriber's secret, sent
 * as `X-Newsroom-Signature: sha256=<hex>` beside `X-Newsroom-Timestamp: <unix seconds>`. Binding
 * the timestamp lets receivers refuse replays older than a few minutes.
 */
export const SIGNATURE_HEADER = 'x-newsroom-signature'
export const TIMESTAMP_HEADER = 'x-newsroom-timestamp'
export const EVENT_HEADER = 'x-newsroom-event'
export const DELIVERY_HEADER = 'x-newsroom-delivery'

export const signBody = (secret: string, timestamp: number, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/** For receivers (and our docs): constant-time check, with a tolerance on the timestamp. */
export const verifySignature = (
  secret: string,
  header: { signature: string | null; timestamp: string | null },
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean => {
  const ts = Number(header.timestamp)
  if (!header.signature || !Number.isInteger(ts)) return false
  if (Math.abs(now / 1000 - ts) > toleranceSeconds) return false
  const expected = Buffer.from(signBody(secret, ts, body))
  const given = Buffer.from(header.signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
