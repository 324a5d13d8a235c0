/**
 * The mails journalists get: the double opt-in confirmation, and one alert per release that
 * becomes public. Each is a React Email template rendered to HTML and text (src/email/render.ts)
 * and queued as a `sendEmail` job in the caller's transaction (src/email/queue.ts). Alerts go only
 * to confirmed subscriptions whose scope matches, once per release, subscription and public
 * moment (`once()`) (daily-digest subscriptions get theirs in src/email/digest.ts), and carry RFC 8058 one-click unsubscribe headers and a preferences link.
 */
import type { PayloadRequest } from 'payload'
import { createElement } from 'react'

import { isReleasePublic, publicDateOf } from '@/access/visibility'
import { once } from '@/jobs/once'
import { formatDate } from '@/lib/format'
import type { Partner, PressRelease, Subscriber, Topic } from '@/payload-types'
import { siteName } from '@/server/env'
import { CONFIRM_VALID_HOURS, manageToken } from '@/subscriptions/tokens'
import { absoluteUrl, paths } from '@/urls'

import { queueEmail } from './queue'
import { renderEmail } from './render'
import { ConfirmSubscription } from './templates/ConfirmSubscription'
import { ReleaseAlert } from './templates/ReleaseAlert'

type Ref<T> = number | T | null | undefined
const idOf = <T extends { id: number }>(ref: Ref<T>) => (typeof ref === 'object' ? ref?.id : ref) ?? null

/** "every new release", "releases involving MSK", "releases about Research". */
export const scopeLabel = (sub: Pick<Subscriber, 'scope' | 'partner' | 'topic'>): string => {
  if (sub.scope === 'partner') {
    const name = typeof sub.partner === 'object' ? sub.partner?.name : null
    return name ? `releases involving ${name}` : 'releases involving one partner'
  }
  if (sub.scope === 'topic') {
    const name = typeof sub.topic === 'object' ? sub.topic?.name : null
    return name ? `releases about ${name}` : 'releases about one topic'
  }
  return 'every new release'
}

export const queueConfirmation = async (
  req: PayloadRequest,
  { to, token, label }: { to: string; token: string; label: string },
) => {
  const content = await renderEmail(
    createElement(ConfirmSubscription, {
      siteName: siteName(),
      scopeLabel: label,
      link: absoluteUrl(paths.subscriptionConfirm(token)),
      validHours: CONFIRM_VALID_HOURS,
    }),
  )
  await queueEmail(req.payload, { to, subject: `Confirm your ${siteName()} e-mail alerts`, ...content }, req)
}

/** The links every alert carries for its subscription. */
export const subscriptionLinks = (req: PayloadRequest, sub: Pick<Subscriber, 'id' | 'email'>) => {
  const token = manageToken(req.payload.secret, sub)
  return {
    preferences: absoluteUrl(paths.subscription(token)),
    oneClick: absoluteUrl(paths.unsubscribeEndpoint(token)),
  }
}

/** The confirmed subscriptions a release reaches: everyone on "all", and those of its partners and topics. */
const matchingSubscribers = async (req: PayloadRequest, release: PressRelease) => {
  const partners = (release.partners ?? []).map((p) => idOf<Partner>(p)).filter((id): id is number => id !== null)
  const topics = (release.topics ?? []).map((t) => idOf<Topic>(t)).filter((id): id is number => id !== null)
  const { docs } = await req.payload.find({
    collection: 'subscribers',
    where: {
      and: [
        { confirmed: { equals: true } },
        // Daily-digest subscriptions get the release in their next digest (src/email/digest.ts).
        { frequency: { not_equals: 'daily' } },
        {
          or: [
            { scope: { equals: 'all' } },
            ...(partners.length ? [{ and: [{ scope: { equals: 'partner' } }, { partner: { in: partners } }] }] : []),
            ...(topics.length ? [{ and: [{ scope: { equals: 'topic' } }, { topic: { in: topics } }] }] : []),
          ],
        },
      ],
    },
    sort: 'createdAt',
    pagination: false,
    depth: 1,
    overrideAccess: true,
    req,
  })
  // One mail per address, even when several of its subscriptions match.
  const seen = new Set<string>()
  return docs.filter((sub) => !seen.has(sub.email) && Boolean(seen.add(sub.email)))
}

/**
 * Queues one alert per matching confirmed subscription for a release that is public now. Called
 * where a release becomes public (collections/PressReleases/hooks/announceWhenPublic.ts, the
 * announceVisibility job), inside that write's or job's transaction. Returns how many were queued.
 */
export const queueReleaseAlerts = async (req: PayloadRequest, release: PressRelease): Promise<number> => {
  if (!isReleasePublic(release)) return 0
  const moment = publicDateOf(release)!
  const subscribers = await matchingSubscribers(req, release)
  const link = absoluteUrl(paths.release(release.slug))
  let queued = 0
  for (const sub of subscribers) {
    const done = await once(req, `alert:${release.id}:${sub.id}:${moment}`, async (txReq) => {
      const links = subscriptionLinks(txReq, sub)
      const content = await renderEmail(
        createElement(ReleaseAlert, {
          siteName: siteName(),
          title: release.title,
          subtitle: release.subtitle,
          date: formatDate(moment),
          dateline: release.dateline,
          summary: release.summary,
          link,
          scopeLabel: scopeLabel(sub),
          preferencesLink: links.preferences,
        }),
      )
      await queueEmail(
        txReq.payload,
        {
          to: sub.email,
          subject: release.title,
          ...content,
          headers: {
            'List-Unsubscribe': `<${links.oneClick}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        },
        txReq,
      )
    })
    if (done.ran) queued++
  }
  return queued
}
