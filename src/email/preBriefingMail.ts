/**
 * The mail a press contact gets when an editor shares an embargoed release: the embargo notice,
 * the summary and a personal link (src/briefings/). A React Email template rendered to HTML and
 * text (./render.ts), queued as a `sendEmail` job in the caller's transaction (./queue.ts), so the
 * link and its mail exist together or not at all.
 */
import type { PayloadRequest } from 'payload'
import { createElement } from 'react'

import { embargoNotice } from '@/briefings/notice'
import type { PressContact, PressRelease } from '@/payload-types'
import { siteName } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

import { queueEmail } from './queue'
import { renderEmail } from './render'
import { PreBriefing } from './templates/PreBriefing'

export const queuePreBriefing = async (
  req: PayloadRequest,
  {
    release,
    contact,
    token,
    sentBy,
  }: { release: PressRelease; contact: PressContact; token: string; sentBy: string | null },
) => {
  const notice = embargoNotice(release.embargoUntil!)
  const recipient = contact.outlet ? `${contact.name} (${contact.outlet})` : contact.name
  const content = await renderEmail(
    createElement(PreBriefing, {
      siteName: siteName(),
      title: release.title,
      subtitle: release.subtitle,
      embargoNotice: notice,
      dateline: release.dateline,
      summary: release.summary,
      link: absoluteUrl(paths.briefing(token)),
      recipient,
      sentBy,
    }),
  )
  await queueEmail(req.payload, { to: contact.email, subject: `EMBARGOED: ${release.title}`, ...content }, req)
}
