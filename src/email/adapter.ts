/**
 * Payload's e-mail adapter: `@payloadcms/email-nodemailer`, with the SMTP server from the
 * environment (src/email/settings.ts) or, without one, nodemailer's JSON transport (nothing
 * leaves the machine; the sendEmail job writes the mail to the server log). Every
 * `payload.sendEmail()` (Payload's own forgot-password mail included) only queues a `sendEmail`
 * job (src/email/queue.ts): no request waits on an SMTP server, and a server that is down is
 * retried by the queue. The job delivers through `deliverNow`.
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { queueEmail } from './queue'
import { emailFrom, smtpOptions } from './settings'

type Sender = ReturnType<EmailAdapter>
const senders = new WeakMap<Payload, Sender>()

export const emailAdapter = async (): Promise<EmailAdapter> => {
  const from = emailFrom()
  const smtp = smtpOptions()
  const nodemailerEmail = await nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    // Verifying would make start-up wait on the SMTP server; a failed delivery is retried anyway.
    skipVerify: true,
    ...(smtp ? { transportOptions: smtp } : { transport: nodemailer.createTransport({ jsonTransport: true }) }),
  })
  return ({ payload }) => {
    const sender = nodemailerEmail({ payload })
    senders.set(payload, sender)
    return {
      ...sender,
      name: 'nodemailer-queued',
      sendEmail: (message) => queueEmail(payload, message),
    }
  }
}

/** Hands a message to nodemailer now (for the sendEmail job only). */
export const deliverNow = async (payload: Payload, message: SendEmailOptions) => {
  const sender = senders.get(payload)
  if (!sender) throw new Error('The e-mail adapter was not initialised for this Payload instance.')
  return (await sender.sendEmail(message)) as { messageId?: string; message?: string | Buffer }
}
