import { createEvents, type EventAttributes } from 'ics'

import { asPublic, payload } from '@/data/payload'
import { withoutFeedForbiddenCharacters as clean } from '@/lib/controlCharacters'
import { populatedList } from '@/lib/populated'
import type { Event, Partner } from '@/payload-types'
import { siteName, siteUrl } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

import { refoldIcs } from './icsFolding'
import type { BuiltFeed } from './releaseFeed'

const MAX_EVENTS = 500

const venueText = (e: Event) =>
  [
    e.venue?.name,
    e.venue?.address,
    [e.venue?.city, e.venue?.region, e.venue?.postalCode].filter(Boolean).join(', '),
    e.venue?.country,
  ]
    .filter((part) => part && String(part).trim())
    .join(', ')

/**
 * Events as an RFC 5545 calendar, written by the `ics` package. Times are absolute (UTC), so
 * every client shows them correctly in its own zone; UIDs are stable per event and SEQUENCE
 * rises with every edit; cancelled events stay in the feed as STATUS:CANCELLED.
 */
export const buildEventsCalendar = async (): Promise<BuiltFeed> => {
  const { docs } = await (
    await payload()
  ).find({
    collection: 'events',
    sort: '-start',
    limit: MAX_EVENTS,
    depth: 1,
    ...asPublic,
  })
  const host = new URL(siteUrl()).hostname
  const events: EventAttributes[] = (docs as Event[]).map((e) => {
    const start = Date.parse(e.start)
    const end = e.end ? Date.parse(e.end) : start + 60 * 60 * 1000
    const hosts = populatedList<Partner>(e.hosts)
    const description = [
      e.summary,
      `Time zone of the venue: ${e.timeZone}.`,
      e.registrationUrl ? `Register: ${e.registrationUrl}` : '',
      e.onlineUrl ? `Join online: ${e.onlineUrl}` : '',
      hosts.length ? `Hosted by ${hosts.map((h) => h.name).join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join('\n\n')
    const location = venueText(e) || (e.onlineUrl ? 'Online' : '')
    return {
      // Minted once (src/fields/feedId.ts); the formula is the backfilled UIDs' own.
      uid: e.feedId || `event-${e.id}@${host}`,
      sequence: e.sequence ?? 0,
      title: clean(e.title),
      start,
      startInputType: 'utc',
      startOutputType: 'utc',
      end,
      endInputType: 'utc',
      endOutputType: 'utc',
      ...(description ? { description: clean(description) } : {}),
      ...(location ? { location: clean(location) } : {}),
      url: e.registrationUrl || e.onlineUrl || absoluteUrl(paths.events(e.slug)),
      status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      created: Date.parse(e.createdAt),
      lastModified: Date.parse(e.updatedAt),
      // DTSTAMP: the last change rather than the time of writing, so unchanged events give the same bytes.
      timestamp: Date.parse(e.updatedAt),
      categories: hosts.map((h) => clean(h.name)),
      productId: `-//${siteName()}//Events//EN`,
      calName: `Events · ${siteName()}`,
    } as EventAttributes
  })
  const { error, value } = createEvents(events, {
    productId: `-//${siteName()}//Events//EN`,
    method: 'PUBLISH',
    calName: `Events · ${siteName()}`,
  })
  if (error || value === null) throw error ?? new Error('calendar could not be written')
  const lastModified = new Date(Math.max(0, ...(docs as Event[]).map((e) => Date.parse(e.updatedAt))) || Date.now())
  return { status: 200, body: refoldIcs(value), lastModified }
}
