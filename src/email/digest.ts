/**
 * The daily digest for subscriptions that chose it: once a day (the `sendDigests` task, see
 * src/jobs/sendDigests.ts), each such confirmed subscription gets one mail listing every release of
 * its scope that became public since its previous digest (or since it was confirmed). A day with
 * nothing new sends nothing. Exactly once per subscription and window: the window's start is the
 * `once()` key, and the new start is written in the same transaction as the queued mail.
 */
import type { PayloadRequest, Where } from 'payload'
import { createElement } from 'react'

import { publicDateOf, publicReleaseWhere } from '@/access/visibility'
import { once } from '@/jobs/once'
import { formatDate } from '@/lib/format'
import type { PressRelease, Subscriber } from '@/payload-types'
import { siteName } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

import { scopeLabel, subscriptionLinks } from './journalistMail'
import { queueEmail } from './queue'
import { renderEmail } from './render'
import { ReleaseDigest } from './templates/ReleaseDigest'

const idOf = (ref: number | { id: number } | null | undefined) => (typeof ref === 'object' ? ref?.id : ref) ?? null

/** Releases public at `until` whose public date (the later of publish date and embargo) is after `since`. */
const releasesBetween = async (req: PayloadRequest, sub: Subscriber, since: Date, until: Date) => {
  const after = since.toISOString()
  const scope: Where[] =
    sub.scope === 'partner'
      ? [{ partners: { in: [idOf(sub.partner) ?? 0] } }]
      : sub.scope === 'topic'
        ? [{ topics: { in: [idOf(sub.topic) ?? 0] } }]
        : []
  const { docs } = await req.payload.find({
    collection: 'press-releases',
    where: {
      and: [
        publicReleaseWhere(until),
        { or: [{ publishedAt: { greater_than: after } }, { embargoUntil: { greater_than: after } }] },
        ...scope,
      ],
    },
    pagination: false,
    depth: 0,
    draft: false,
    overrideAccess: true,
    req,
  })
  return (docs as PressRelease[]).sort((a, b) => Date.parse(publicDateOf(a)!) - Date.parse(publicDateOf(b)!))
}

/** Queues the digest of one subscription for the window ending `until`; returns whether a mail was queued. */
export const queueDigest = async (req: PayloadRequest, sub: Subscriber, until = new Date()): Promise<boolean> => {
  const since = new Date(sub.lastDigestAt || sub.confirmedAt || sub.createdAt)
  const releases = await releasesBetween(req, sub, since, until)
  if (!releases.length) return false
  const done = await once(req, `digest:${sub.id}:${since.toISOString()}`, async (txReq) => {
    const links = subscriptionLinks(txReq, sub)
    const content = await renderEmail(
      createElement(ReleaseDigest, {
        siteName: siteName(),
        day: formatDate(until.toISOString()),
        items: releases.map((r) => ({
          title: r.title,
          date: formatDate(publicDateOf(r)!),
          summary: r.summary,
          link: absoluteUrl(paths.release(r.slug)),
        })),
        scopeLabel: scopeLabel(sub),
        preferencesLink: links.preferences,
      }),
    )
    await queueEmail(
      txReq.payload,
      {
        to: sub.email,
        subject: `${siteName()} daily digest: ${releases.length === 1 ? releases[0].title : `${releases.length} new releases`}`,
        ...content,
        headers: {
          'List-Unsubscribe': `<${links.oneClick}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
      txReq,
    )
    await txReq.payload.update({
      collection: 'subscribers',
      id: sub.id,
      data: { lastDigestAt: until.toISOString() },
      overrideAccess: true,
      req: txReq,
    })
  })
  return done.ran
}
