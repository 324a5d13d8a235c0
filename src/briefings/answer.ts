/**
 * `GET /briefings/{token}`: what a pre-briefing link answers.
 * - a valid link of a release still under embargo: the release (src/briefings/content.ts) marked
 *   "EMBARGOED until … — not for publication"; the view is counted on the link and recorded on
 *   the release's Activity tab;
 * - the release is public now (the embargo lifted): 303 to its public page;
 * - revoked (by an editor, by a newer link for the same contact, or with its contact deleted),
 *   or the release was unpublished, rescheduled or deleted: 410 Gone;
 * - a token that was never issued: 404.
 * Every answer is `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`, sends no
 * Referer onward, and is never replayed by the production server (scripts/server/responseCache.mjs
 * leaves /briefings/ alone): each request reaches this code, so a revocation or the lift counts at once.
 */
import { render } from '@react-email/components'
import { createLocalReq, type Payload } from 'payload'
import { createElement, type ReactElement } from 'react'

import { releaseState } from '@/access/visibility'
import type { PreBriefing, PressContact, PressRelease } from '@/payload-types'
import { siteName } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'
import { recordActivity } from '@/workflow/activity'

import { BriefingDocument, BriefingUnavailable } from './BriefingDocument'
import { briefingContent } from './content'
import { contactLabel } from './links'
import { embargoNotice } from './notice'
import { BRIEFING_TOKEN, hashBriefingToken } from './tokens'

export const PRIVATE_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow, noarchive',
  'Referrer-Policy': 'no-referrer',
}

// React's server renderer, through React Email's `render` (the one the mails use): Next.js refuses
// a route that imports react-dom/server itself.
const html = async (status: number, element: ReactElement) =>
  new Response(await render(element), {
    status,
    headers: { ...PRIVATE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' },
  })

const unknown = () =>
  html(
    404,
    createElement(BriefingUnavailable, {
      heading: 'Link not found',
      text: 'This pre-briefing link is not known. Check that it was copied whole from the mail.',
    }),
  )

const gone = (text: string) =>
  html(410, createElement(BriefingUnavailable, { heading: 'This pre-briefing is no longer available', text }))

export const answerBriefing = async (payload: Payload, token: string): Promise<Response> => {
  if (!BRIEFING_TOKEN.test(token)) return unknown()
  const { docs } = await payload.find({
    collection: 'pre-briefings',
    where: { tokenHash: { equals: hashBriefingToken(token) } },
    limit: 1,
    depth: 1,
    // The contact's name for the page; the release is read below, as published.
    populate: { 'press-releases': { title: true } },
    overrideAccess: true,
  })
  const briefing = docs[0] as PreBriefing | undefined
  if (!briefing) return unknown()
  if (briefing.revokedAt) return gone('The newsroom has withdrawn this link. Ask your contact there for a new one.')
  const releaseId = typeof briefing.release === 'object' ? briefing.release?.id : briefing.release
  const release = releaseId
    ? ((await payload.findByID({
        collection: 'press-releases',
        id: releaseId,
        depth: 0,
        draft: false,
        overrideAccess: true,
        disableErrors: true,
      })) as PressRelease | null)
    : null
  const contact = typeof briefing.contact === 'object' ? (briefing.contact as PressContact | null) : null
  if (!release || !contact) return gone('The release this link was for is not available.')
  const state = releaseState(release)
  if (state === 'public') {
    return new Response(null, {
      status: 303,
      headers: { ...PRIVATE_HEADERS, Location: absoluteUrl(paths.release(release.slug)) },
    })
  }
  if (state !== 'embargoed' || release._status !== 'published')
    return gone('The release this link was for is no longer shared under embargo.')

  const content = await briefingContent(payload, release)
  const req = await createLocalReq({}, payload)
  await payload.update({
    collection: 'pre-briefings',
    id: briefing.id,
    data: { views: (briefing.views ?? 0) + 1, lastViewedAt: new Date().toISOString() },
    overrideAccess: true,
    req,
  })
  await recordActivity(req, {
    action: 'pre-briefing-viewed',
    doc: { id: release.id, title: release.title },
    detail: `by ${contactLabel(contact)}`,
  })
  return html(
    200,
    createElement(BriefingDocument, {
      content,
      notice: embargoNotice(release.embargoUntil!),
      recipient: contactLabel(contact),
      siteName: siteName(),
    }),
  )
}
