import Link from 'next/link'

import type { ReleaseCardFields } from '@/data/newsroom'
import { paths } from '@/urls'

import { asMedia, MediaImage } from './MediaImage'
import { ReleaseDate } from './PreciseDate'

export const ReleaseCard = ({
  release,
  headingLevel = 3,
  priority,
}: {
  release: ReleaseCardFields
  headingLevel?: 2 | 3
  priority?: boolean
}) => {
  const hero = asMedia(release.heroImage)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <li className="card">
      {hero && <MediaImage media={hero} size="card" sizes="(min-width: 60rem) 22rem, 100vw" priority={priority} />}
      <div className="card__body">
        <p className="meta">
          {release.dateline && <span className="dateline">{release.dateline}</span>}
          {release.dateline && release.publishedAt && ' · '}
          <ReleaseDate release={release} />
        </p>
        <Heading className="card__title">
          <Link href={paths.release(release.slug)}>{release.title}</Link>
        </Heading>
        <p>{release.summary}</p>
      </div>
    </li>
  )
}

export const ReleaseList = ({ releases, headingLevel }: { releases: ReleaseCardFields[]; headingLevel?: 2 | 3 }) => (
  <ul className="cards">
    {releases.map((r, i) => (
      <ReleaseCard key={r.id} release={r} headingLevel={headingLevel} priority={i === 0} />
    ))}
  </ul>
)
