/**
 * Queues a mail as a `sendEmail` job (src/jobs/sendEmail.ts), inside `req`'s transaction when
 * given one: a mail exists exactly when the write that caused it commits. A mail without a text
 * part gets one derived from its HTML the way React Email derives it (Payload's forgot-password
 * mail arrives as HTML only), so every mail has both. Each mail gets its Message-ID here, so
 * a retry sends the same message, never a second one. A mail may also be `deferred`: rendered
 * when it is sent (src/email/deferred.ts).
 */
import { randomUUID } from 'node:crypto'

import { toPlainText } from '@react-email/components'
import type { Payload, PayloadRequest, SendEmailOptions } from 'payload'

import { emailFrom } from './settings'

/** What a queued mail keeps: JSON only. */
export type QueuedEmail = {
  /** The mail's own identity: its `once()` key and its Message-ID, the same on every retry. */
  messageId: string
  to: string
  from: string
  subject: string
  html: string
  text: string
  headers?: Record<string, string>
  /** Set when the content is rendered at sending time (src/email/deferred.ts); subject, html and text are then placeholders. */
  deferred?: DeferredContent
}

/**
 * A mail rendered when the queue sends it, from what is public at that moment, instead of when
 * it is queued: an alert is queued inside the transaction that makes its release public, where
 * the public reads (src/data/) cannot see the release yet.
 */
export type DeferredContent = {
  kind: 'release-alert'
  release: number
  subscriber: number
  /** The public moment the alert is for; a release public from another moment by then sends nothing. */
  moment: string
  scopeLabel: string
  preferencesLink: string
}

const addressList = (to: SendEmailOptions['to']): string => {
  const list = Array.isArray(to) ? to : to ? [to] : []
  return list.map((a) => (typeof a === 'string' ? a : a.name ? `${a.name} <${a.address}>` : a.address)).join(', ')
}

const fromLine = (from: SendEmailOptions['from']): string => {
  if (typeof from === 'string' && from.trim()) return from
  if (from && typeof from === 'object') return from.name ? `${from.name} <${from.address}>` : from.address
  const { name, address } = emailFrom()
  return name ? `${name} <${address}>` : address
}

export const queueEmail = async (
  payload: Payload,
  message: SendEmailOptions,
  req?: PayloadRequest,
  options: { deferred?: DeferredContent } = {},
) => {
  const html = typeof message.html === 'string' ? message.html : ''
  const domain = emailFrom().address.split('@')[1] || 'localhost'
  const email: QueuedEmail = {
    messageId: `<${randomUUID()}@${domain}>`,
    to: addressList(message.to),
    from: fromLine(message.from),
    subject: String(message.subject ?? ''),
    html,
    text: typeof message.text === 'string' ? message.text : toPlainText(html),
    ...(message.headers && !Array.isArray(message.headers)
      ? { headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, String(v)])) }
      : {}),
    ...(options.deferred ? { deferred: options.deferred } : {}),
  }
  if (!email.to) throw new Error('A mail needs a recipient.')
  return payload.jobs.queue({ task: 'sendEmail', input: { email }, ...(req ? { req } : {}) })
}
