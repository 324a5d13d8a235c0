import type { TaskConfig } from 'payload'

import { deliverNow } from '@/email/adapter'
import { renderDeferred } from '@/email/deferred'
import type { QueuedEmail } from '@/email/queue'
import { smtpConfigured } from '@/email/settings'

import { once } from './once'

/** Attempts per mail, and the first back-off (doubled each time: 30 s, 1 min, 2 min, 4 min…). */
export const EMAIL_ATTEMPTS = 6
const retryDelayMs = () => Number(process.env.EMAIL_RETRY_DELAY_MS) || 30_000

/**
 * Sends one queued mail (src/email/queue.ts) through nodemailer. An SMTP server that refuses,
 * times out (10 s to connect) or is down throws, and the queue retries with back-off; the request
 * that caused the mail answered long before. Each attempt holds the mail's `once()` claim (keyed by its Message-ID), so two
 * runners never send the same mail twice. Without SMTP settings the mail is written to the
 * server log (recipient, subject and the text part, links included) instead. A `deferred` mail (a
 * journalist's alert) is rendered first, from what is public now; one no longer due is not sent.
 */
export const sendEmail: TaskConfig<'sendEmail'> = {
  slug: 'sendEmail',
  label: 'Send an e-mail',
  inputSchema: [{ name: 'email', type: 'json', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  retries: { attempts: EMAIL_ATTEMPTS - 1, backoff: { type: 'exponential', delay: retryDelayMs() } },
  handler: async ({ input, req }) => {
    const email = await renderDeferred(req.payload, input.email as QueuedEmail)
    if (!email) {
      req.payload.logger.info(`E-mail ${(input.email as QueuedEmail).messageId} not sent: no longer due.`)
      return { output: {} }
    }
    const sent = await once(
      req,
      `email:${email.messageId}`,
      async () => {
        const info = await deliverNow(req.payload, {
          messageId: email.messageId,
          to: email.to,
          from: email.from,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
        })
        return info.messageId ?? ''
      },
      { external: true },
    )
    if (!sent.ran) return { output: {} }
    if (!smtpConfigured()) {
      req.payload.logger.info(
        `E-mail not sent (no SMTP_URL configured), written here instead.\nTo: ${email.to}\nSubject: ${email.subject}\n\n${email.text}`,
      )
    }
    return { output: { messageId: sent.value } }
  },
}
