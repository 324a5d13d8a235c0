import type { Metadata } from 'next'
import Link from 'next/link'

import { FeedLinks } from '@/components/FeedLinks'
import { JsonLd } from '@/components/JsonLd'
import { PreciseDate } from '@/components/PreciseDate'
import { ReleaseList } from '@/components/ReleaseCard'
import { SubscribeForm } from '@/components/SubscribeForm'
import { allPartners, eventsByTime, latestReleases, timeline } from '@/data/newsroom'
import { SITE_SCOPE } from '@/feeds/formats'
import { formatDateTime } from '@/lib/format'
import { populated } from '@/lib/populated'
import type { PressRelease } from '@/payload-types'
import { breadcrumbsLd, websiteLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { siteName } from '@/server/env'
import { paths } from '@/urls'

export const generateMetadata = (): Metadata => ({
  ...pageMetadata({
    title: siteName(),
    description: `Press releases, quotes journalists can use, partner profiles, milestones and events from the ${siteName()}.`,
    path: '/',
  }),
  title: { absolute: siteName() },
})

export default async function HomePage() {
  const [releases, { upcoming: allUpcoming }, milestones, partners] = await Promise.all([
    latestReleases(6),
    eventsByTime(),
    timeline(),
    allPartners(),
  ])
  const upcoming = allUpcoming.slice(0, 3)
  const recentMilestones = [...milestones].reverse().slice(0, 4)
  return (
    <>
      <JsonLd data={[websiteLd(), breadcrumbsLd([{ name: 'Home', path: paths.home() }])]} />
      <h1>{siteName()}</h1>
      <p className="lede">
        Announcements from our partners, with quotes you may use with attribution, press-kit images and the people to
        call.
      </p>

      <section aria-labelledby="latest">
        <div className="section-head">
          <h2 id="latest">Latest releases</h2>
          <Link href={paths.news()}>All releases</Link>
        </div>
        {releases.length ? <ReleaseList releases={releases} /> : <p>No releases have been published yet.</p>}
      </section>

      <div className="two-col">
        <section aria-labelledby="milestones">
          <div className="section-head">
            <h2 id="milestones">Milestones</h2>
            <Link href={paths.milestones()}>Full timeline</Link>
          </div>
          {recentMilestones.length ? (
            <ol className="timeline">
              {recentMilestones.map((m) => {
                const release = populated<PressRelease>(m.announcedIn)
                return (
                  <li key={m.id}>
                    <p className="meta">
                      <PreciseDate value={m.date} precision={m.datePrecision} source={m.dateSource} />
                    </p>
                    <p>
                      {m.isFirst && <span className="badge badge--first">First</span>}
                      {release ? <Link href={paths.release(release.slug)}>{m.title}</Link> : m.title}
                    </p>
                  </li>
                )
              })}
            </ol>
          ) : (
            <p>No milestones yet.</p>
          )}
        </section>

        <section aria-labelledby="events">
          <div className="section-head">
            <h2 id="events">Upcoming events</h2>
            <Link href={paths.events()}>All events</Link>
          </div>
          {upcoming.length ? (
            <ul className="list-plain">
              {upcoming.map((e) => (
                <li key={e.id}>
                  <Link href={paths.events(e.slug)}>{e.title}</Link>
                  <p className="meta">{formatDateTime(e.start, e.timeZone)}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>
              No upcoming events. <Link href={paths.events()}>See past events</Link>.
            </p>
          )}
        </section>
      </div>

      <section aria-labelledby="partners">
        <div className="section-head">
          <h2 id="partners">Partners</h2>
          <Link href={paths.partners()}>All partners</Link>
        </div>
        <ul className="feed-links">
          {partners.map((p) => (
            <li key={p.id}>
              <Link href={paths.partner(p.slug)}>{p.name}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="subscribe">
        <h2 id="subscribe">Subscribe</h2>
        <p>Every release as a feed:</p>
        <FeedLinks scope={SITE_SCOPE} label="All releases" />
        <SubscribeForm scope={SITE_SCOPE} label="every new release" />
        <p>
          Each partner and topic has its own feeds, listed on its page. Also:{' '}
          <a href={paths.eventsCalendar()}>events calendar (iCal)</a> and{' '}
          <a href={paths.milestonesFeed()}>milestones (JSON Feed)</a>.
        </p>
      </section>
    </>
  )
}
