import Link from 'next/link'

import type { Milestone } from '@/payload-types'
import { paths } from '@/urls'

import { PreciseDate } from './PreciseDate'

/** Milestones as a short list, each linked to its place on the timeline. */
export const MilestoneList = ({ milestones, title }: { milestones: Milestone[]; title: string }) =>
  milestones.length > 0 ? (
    <section aria-labelledby="milestones">
      <h2 id="milestones">{title}</h2>
      <ul className="list-plain">
        {milestones.map((m) => (
          <li key={m.id}>
            {m.isFirst && <span className="badge badge--first">First</span>}
            <Link href={paths.milestones(m.slug)}>{m.title}</Link>{' '}
            <span className="muted">
              (<PreciseDate value={m.date} precision={m.datePrecision} source={m.dateSource} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  ) : null
