import type { Metadata } from 'next'
import Link from 'next/link'

import { JsonLd } from '@/components/JsonLd'
import { eventsByTime } from '@/data/newsroom'
import { eventSlugHistory } from '@/data/slugRedirects'
import { formatCalendarDate } from '@/lib/calendarDate'
import { formatDateTime, formatTime } from '@/lib/format'
import { populatedList } from '@/lib/populated'
import type { Event, Partner } from '@/payload-types'
import { breadcrumbsLd, eventLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

export const generateMetadata = (): Metadata =>
  pageMetadata({
    title: 'Events',
    description: 'Upcoming and past events of the partners, with times, venues and registration.',
    path: paths.events(),
  })

const sameDay = (a: string, b: string, timeZone: string) => {
  const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date(iso))
  return day(a) === day(b)
}

const EventItem = ({ e, past, earlierSlugs = [] }: { e: Event; past?: boolean; earlierSlugs?: string[] }) => {
  const hosts = populatedList<Partner>(e.hosts)
  const place = [e.venue?.name, e.venue?.address, e.venue?.city, e.venue?.region].filter(Boolean).join(', ')
  return (
    <li id={e.slug ?? undefined}>
      {/* Links to the event under an earlier slug (`/events#old-slug`) still land here. */}
      {earlierSlugs.map((slug) => (
        <span key={slug} id={slug} />
      ))}
      <h3 style={{ marginTop: 0 }}>
        {e.status === 'cancelled' && <span className="badge badge--cancelled">Cancelled</span>}
        {e.title}
      </h3>
      <p className="meta">
        <time dateTime={e.start}>{formatDateTime(e.start, e.timeZone)}</time>
        {e.end && (
          <>
            {' – '}
            <time dateTime={e.end}>
              {sameDay(e.start, e.end, e.timeZone) ? formatTime(e.end, e.timeZone) : formatDateTime(e.end, e.timeZone)}
            </time>
          </>
        )}{' '}
        <span>(time zone: {e.timeZone.replace(/_/g, ' ')})</span>
      </p>
      {place && <p>{place}</p>}
      {e.summary && <p>{e.summary}</p>}
      <p>
        {e.registrationUrl && e.status !== 'cancelled' && !past && (
          <>
            <a href={e.registrationUrl}>Register</a>
            {e.registrationDeadline && (
              <span className="muted"> (by {formatCalendarDate(e.registrationDeadline)})</span>
            )}
            {' · '}
          </>
        )}
        {e.onlineUrl && !past && (
          <>
            <a href={e.onlineUrl}>Join online</a>
            {' · '}
          </>
        )}
        {/* A calendar entry is for what is still to come. */}
        {!past && e.status !== 'cancelled' && <a href={paths.eventsCalendar()}>Add to calendar</a>}
        {hosts.length > 0 && (
          <span className="muted">
            {!past && e.status !== 'cancelled' ? ' · Hosted by ' : 'Hosted by '}
            {hosts.map((h, i) => (
              <span key={h.id}>
                {i > 0 && ', '}
                <Link href={paths.partner(h.slug)}>{h.name}</Link>
              </span>
            ))}
          </span>
        )}
      </p>
    </li>
  )
}

export default async function EventsPage() {
  const [{ events, upcoming, past }, earlier] = await Promise.all([eventsByTime(), eventSlugHistory()])
  return (
    <>
      <JsonLd
        data={
          [
            ...events.map(eventLd),
            breadcrumbsLd([
              { name: 'Home', path: paths.home() },
              { name: 'Events', path: paths.events() },
            ]),
          ] as never
        }
      />
      <h1>Events</h1>
      <p className="lede">
        Times are shown in each venue&rsquo;s time zone. Subscribe to the{' '}
        <a href={paths.eventsCalendar()}>events calendar</a> to add them all to yours.
      </p>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming</h2>
        {upcoming.length ? (
          <ul className="list-plain">
            {upcoming.map((e) => (
              <EventItem key={e.id} e={e} earlierSlugs={earlier.get(e.id)} />
            ))}
          </ul>
        ) : (
          <p>No upcoming events are scheduled.</p>
        )}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">Past events</h2>
        {past.length ? (
          <ul className="list-plain">
            {past.map((e) => (
              <EventItem key={e.id} e={e} past earlierSlugs={earlier.get(e.id)} />
            ))}
          </ul>
        ) : (
          <p>No past events.</p>
        )}
      </section>
    </>
  )
}
