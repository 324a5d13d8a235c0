/**
 * Mails rendered when the queue sends them (`deferred` in ./queue.ts), by kind: the content they
 * carry is read at sending time, through the public reads, so it is what anonymous readers see
 * then. Null means the mail is no longer due and is not sent.
 */
import type { Payload } from 'payload'

import { renderReleaseAlert } from './journalistMail'
import type { QueuedEmail } from './queue'

export const renderDeferred = async (payload: Payload, email: QueuedEmail): Promise<QueuedEmail | null> => {
  if (!email.deferred) return email
  switch (email.deferred.kind) {
    case 'release-alert': {
      const content = await renderReleaseAlert(payload, email.deferred)
      return content ? { ...email, ...content } : null
    }
  }
}
