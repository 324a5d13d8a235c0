import type { Metadata } from 'next'
import Link from 'next/link'

import { JsonLd } from '@/components/JsonLd'
import { PreciseDate } from '@/components/PreciseDate'
import { timeline } from '@/data/newsroom'
import { populated, populatedList } from '@/lib/populated'
import { labelOf, MILESTONE_KINDS } from '@/options'
import type { Partner, PressRelease } from '@/payload-types'
import { breadcrumbsLd, timelineLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

export const generateMetadata = (): Metadata =>
  pageMetadata({
    title: 'Milestones',
    description: 'The partnership timeline, each milestone linked to the release that announced it.',
    path: paths.milestones(),
  })

export default async function MilestonesPage() {
  const milestones = await timeline()
  return (
    <>
      <JsonLd
        data={[
          breadcrumbsLd([
            { name: 'Home', path: paths.home() },
            { name: 'Milestones', path: paths.milestones() },
          ]),
          timelineLd(milestones),
        ]}
      />
      <h1>Milestones</h1>
      <p className="lede">
        The partnership timeline, oldest first. Also as a machine-readable{' '}
        <a href={paths.milestonesFeed()}>JSON Feed</a>.
      </p>
      {milestones.length ? (
        <ol className="timeline">
          {milestones.map((m) => {
            const release = populated<PressRelease>(m.announcedIn)
            const partners = populatedList<Partner>(m.partners)
            return (
              <li key={m.id} id={m.slug ?? undefined}>
                <p className="meta">
                  <PreciseDate value={m.date} precision={m.datePrecision} source={m.dateSource} /> ·{' '}
                  {labelOf(MILESTONE_KINDS, m.kind)}
                </p>
                <h2 style={{ fontSize: '1.15rem', margin: '0.2rem 0' }}>
                  {m.isFirst && <span className="badge badge--first">First</span>}
                  {m.title}
                </h2>
                {m.summary && <p>{m.summary}</p>}
                {m.dateSource && <p className="meta date-source">Date: {m.dateSource}</p>}
                <p className="meta">
                  {partners.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ', '}
                      <Link href={paths.partner(p.slug)}>{p.name}</Link>
                    </span>
                  ))}
                  {release && (
                    <>
                      {partners.length > 0 && ' · '}
                      Announced in <Link href={paths.release(release.slug)}>{release.title}</Link>
                    </>
                  )}
                </p>
              </li>
            )
          })}
        </ol>
      ) : (
        <p>No milestones have been published yet.</p>
      )}
    </>
  )
}
