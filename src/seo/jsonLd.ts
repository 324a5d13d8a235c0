import type {
  BreadcrumbList,
  CorrectionComment,
  Event as SchemaEvent,
  ItemList,
  NewsArticle,
  Organization,
  WebSite,
  WithContext,
} from 'schema-dts'

import { publicDateOf, publicModifiedOf } from '@/access/visibility'
import { correctionsOf } from '@/lib/corrections'
import { isDayPrecise, reducedIsoDate } from '@/lib/datePrecision'
import { NEWSROOM_TIME_ZONE } from '@/lib/format'
import { populated, populatedList } from '@/lib/populated'
import type { Event, Media, Milestone, Partner, PressRelease } from '@/payload-types'
import { siteName, siteUrl } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

export const publisher = (): Organization => ({ '@type': 'Organization', name: siteName(), url: siteUrl() })

export const websiteLd = (): WithContext<WebSite> => ({
  '@context': 'https://schema.org',
  '@type': 'WebSite',
  name: siteName(),
  url: siteUrl(),
  potentialAction: {
    '@type': 'SearchAction',
    target: `${siteUrl()}/search?q={search_term_string}`,
    'query-input': 'required name=search_term_string',
  } as never,
})

export const breadcrumbsLd = (items: { name: string; path: string }[]): WithContext<BreadcrumbList> => ({
  '@context': 'https://schema.org',
  '@type': 'BreadcrumbList',
  itemListElement: items.map((item, i) => ({
    '@type': 'ListItem',
    position: i + 1,
    name: item.name,
    item: absoluteUrl(item.path),
  })),
})

type OrganizationObject = Exclude<Organization, string>

const partnerOrg = (p: Partner): OrganizationObject => ({
  '@type': 'Organization',
  name: p.name,
  ...(p.shortName ? { alternateName: p.shortName } : {}),
  url: p.website || absoluteUrl(paths.partner(p.slug)),
})

export const organizationLd = (p: Partner): WithContext<Organization> => {
  const logo = populated<Media>(p.logo)
  return {
    '@context': 'https://schema.org',
    ...partnerOrg(p),
    '@id': `${absoluteUrl(paths.partner(p.slug))}#organization`,
    ...(p.summary ? { description: p.summary } : {}),
    ...(logo?.url ? { logo: absoluteUrl(logo.url) } : {}),
    ...(p.location ? { location: p.location } : {}),
    sameAs: absoluteUrl(paths.partner(p.slug)),
    ...(p.mediaContacts?.length
      ? {
          contactPoint: p.mediaContacts.map((c) => ({
            '@type': 'ContactPoint' as const,
            contactType: 'media relations',
            name: c.name,
            ...(c.email ? { email: c.email } : {}),
            ...(c.phone ? { telephone: c.phone } : {}),
          })),
        }
      : {}),
  }
}

/**
 * A release's date as JSON-LD gives it: its public date (publish date or embargo lift, whichever
 * is later), the full timestamp when the source gives the day, else only the month or year
 * (reduced ISO 8601, "2013-09", "2013"), never an invented day.
 */
export const releaseDatePublished = (r: PressRelease): string => {
  const at = publicDateOf(r) ?? r.createdAt
  return isDayPrecise(r.datePrecision) ? at : reducedIsoDate(at, r.datePrecision, NEWSROOM_TIME_ZONE)
}

/**
 * The timeline as an ItemList of Events, each dated as precisely as its source allows: a
 * milestone known only to the year has `startDate: "2013"`.
 */
export const timelineLd = (milestones: Milestone[]): WithContext<ItemList> => ({
  '@context': 'https://schema.org',
  '@type': 'ItemList',
  name: `Milestones · ${siteName()}`,
  itemListOrder: 'https://schema.org/ItemListOrderAscending',
  itemListElement: milestones.map((m, i) => ({
    '@type': 'ListItem',
    position: i + 1,
    item: {
      '@type': 'Event',
      name: m.title,
      startDate: reducedIsoDate(m.date, m.datePrecision),
      ...(m.summary ? { description: m.summary } : {}),
      url: absoluteUrl(paths.milestones(m.slug)),
      eventStatus: 'https://schema.org/EventScheduled',
      ...(m.dateSource ? { disambiguatingDescription: `Date: ${m.dateSource}` } : {}),
    },
  })),
})

/** A release's public corrections, newest first, as schema.org CorrectionComments. */
export const correctionsLd = (r: PressRelease): CorrectionComment[] =>
  correctionsOf(r).map((c) => ({ '@type': 'CorrectionComment', text: c.note, datePublished: c.date }))

export const newsArticleLd = (r: PressRelease): WithContext<NewsArticle> => {
  const corrections = correctionsLd(r)
  const hero = populated<Media>(r.heroImage)
  const partners = populatedList<Partner>(r.partners)
  const images = hero?.url
    ? [hero.sizes?.og?.url, hero.sizes?.hero?.url, hero.url].filter(Boolean).map((u) => absoluteUrl(u as string))
    : []
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: r.title,
    ...(r.subtitle ? { alternativeHeadline: r.subtitle } : {}),
    description: r.summary,
    url: absoluteUrl(paths.release(r.slug)),
    mainEntityOfPage: absoluteUrl(paths.release(r.slug)),
    ...(images.length ? { image: images } : {}),
    datePublished: releaseDatePublished(r),
    dateModified: publicModifiedOf(r) ?? r.updatedAt,
    ...(r.dateline ? { dateline: r.dateline } : {}),
    ...(corrections.length ? { correction: corrections } : {}),
    publisher: publisher(),
    author: partners.length ? partners.map(partnerOrg) : publisher(),
    about: partners.map(partnerOrg),
    mentions: partners.map(partnerOrg),
  }
}

export const eventLd = (e: Event): WithContext<SchemaEvent> => {
  const hosts = populatedList<Partner>(e.hosts)
  const place = e.venue?.name
    ? {
        '@type': 'Place' as const,
        name: e.venue.name,
        address: {
          '@type': 'PostalAddress' as const,
          ...(e.venue.address ? { streetAddress: e.venue.address } : {}),
          ...(e.venue.city ? { addressLocality: e.venue.city } : {}),
          ...(e.venue.region ? { addressRegion: e.venue.region } : {}),
          ...(e.venue.postalCode ? { postalCode: e.venue.postalCode } : {}),
          ...(e.venue.country ? { addressCountry: e.venue.country } : {}),
        },
      }
    : null
  const online = e.onlineUrl ? { '@type': 'VirtualLocation' as const, url: e.onlineUrl } : null
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    startDate: e.start,
    ...(e.end ? { endDate: e.end } : {}),
    eventStatus: e.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode:
      place && online
        ? 'https://schema.org/MixedEventAttendanceMode'
        : online
          ? 'https://schema.org/OnlineEventAttendanceMode'
          : 'https://schema.org/OfflineEventAttendanceMode',
    ...(place || online ? { location: [place, online].filter(Boolean) as never } : {}),
    ...(e.summary ? { description: e.summary } : {}),
    url: absoluteUrl(paths.events(e.slug)),
    ...(hosts.length ? { organizer: hosts.map(partnerOrg) } : {}),
    ...(e.registrationUrl ? { offers: { '@type': 'Offer', url: e.registrationUrl } } : {}),
  }
}
