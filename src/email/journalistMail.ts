/**
 * The mails journalists get: the double opt-in confirmation, and one alert per release that
 * becomes public. Each is a React Email template rendered to HTML and text (src/email/render.ts)
 * and queued as a `sendEmail` job in the caller's transaction (src/email/queue.ts). Alerts go only
 * to confirmed subscriptions whose scope matches, once per release, subscription and public
 * moment (`once()`) (daily-digest subscriptions get theirs in src/email/digest.ts), and carry RFC
 * 8058 one-click unsubscribe headers and a preferences link. An alert is queued in the transaction
 * that makes its release public and rendered when it is sent (`renderReleaseAlert`), from the
 * release's public page content at that moment: what the page shows, the mail shows.
 */
import type { Payload, PayloadRequest } from 'payload'
import { createElement } from 'react'

import { isReleasePublic, publicDateOf } from '@/access/visibility'
import { publicReleaseById } from '@/data/releaseMail'
import { once } from '@/jobs/once'
import { releaseContacts } from '@/lib/contacts'
import { formatDate } from '@/lib/format'
import { populated, populatedList } from '@/lib/populated'
import { quoteAttribution } from '@/lib/quotes'
import type { Media, Partner, PressRelease, Quote, Subscriber, Topic } from '@/payload-types'
import { siteName } from '@/server/env'
import { CONFIRM_VALID_HOURS, manageToken } from '@/subscriptions/tokens'
import { absoluteUrl, paths } from '@/urls'

import { type DeferredContent, queueEmail } from './queue'
import { renderEmail } from './render'
import { ConfirmSubscription } from './templates/ConfirmSubscription'
import { type AlertHero, ReleaseAlert } from './templates/ReleaseAlert'

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
  let queued = 0
  for (const sub of subscribers) {
    const done = await once(req, `alert:${release.id}:${sub.id}:${moment}`, async (txReq) => {
      const links = subscriptionLinks(txReq, sub)
      // Rendered when sent, from the public page's content then (renderReleaseAlert below).
      await queueEmail(
        txReq.payload,
        {
          to: sub.email,
          subject: release.title,
          html: '',
          text: '',
          headers: {
            'List-Unsubscribe': `<${links.oneClick}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        },
        txReq,
        {
          deferred: {
            kind: 'release-alert',
            release: release.id,
            subscriber: sub.id,
            moment,
            scopeLabel: scopeLabel(sub),
            preferencesLink: links.preferences,
          },
        },
      )
    })
    if (done.ran) queued++
  }
  return queued
}

/** The alert's hero image: the page's hero at its large size, at an absolute address. */
const alertHero = (release: PressRelease): AlertHero | null => {
  const media = populated<Media>(release.heroImage)
  if (!media?.mimeType?.startsWith('image/')) return null
  const large = media.sizes?.hero
  const chosen = large?.url && large.width && large.height ? large : media
  if (!chosen.url || !chosen.width || !chosen.height) return null
  return {
    src: absoluteUrl(chosen.url),
    alt: media.alt,
    width: chosen.width,
    height: chosen.height,
    caption: media.caption,
    credit: media.credit,
  }
}

/**
 * The alert, rendered when the queue sends it (src/email/deferred.ts), from the release as its
 * public page reads it then (src/data/releaseMail.ts): title, dates, hero image, summary, the
 * quotes with their attribution and the media contacts of the release and its partners. Null,
 * and no mail, when the release is no longer public from that moment or the subscription has
 * ended or is unconfirmed.
 */
export const renderReleaseAlert = async (
  payload: Payload,
  deferred: DeferredContent,
): Promise<{ subject: string; html: string; text: string } | null> => {
  const subscriber = await payload.findByID({
    collection: 'subscribers',
    id: deferred.subscriber,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!subscriber?.confirmed) return null
  const release = await publicReleaseById(payload, deferred.release)
  const moment = release ? publicDateOf(release) : null
  if (!release || !moment || Date.parse(moment) !== Date.parse(deferred.moment)) return null
  const partners = populatedList<Partner>(release.partners)
  const content = await renderEmail(
    createElement(ReleaseAlert, {
      siteName: siteName(),
      title: release.title,
      subtitle: release.subtitle,
      date: formatDate(moment),
      dateline: release.dateline,
      summary: release.summary,
      link: absoluteUrl(paths.release(release.slug)),
      scopeLabel: deferred.scopeLabel,
      preferencesLink: deferred.preferencesLink,
      hero: alertHero(release),
      quotes: populatedList<Quote>(release.quotes).map((q) => ({
        text: q.text,
        attribution: quoteAttribution(q),
        paraphrase: q.provenance === 'paraphrase',
      })),
      contacts: releaseContacts(release, partners),
    }),
  )
  return { subject: release.title, ...content }
}
