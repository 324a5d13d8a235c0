import Link from 'next/link'
import type { ReactNode } from 'react'

import { paths } from '@/urls'

/** A 404 page's heading and explanation, then where to go instead. */
export const NotFoundHelp = ({ title, children }: { title: string; children: ReactNode }) => (
  <>
    <h1>{title}</h1>
    <p className="lede">{children}</p>
    <p>You might find what you were looking for here:</p>
    <ul>
      <li>
        <Link href={paths.news()}>All news releases</Link>
      </li>
      <li>
        <Link href={paths.partners()}>Partners</Link> and <Link href={paths.milestones()}>milestones</Link>
      </li>
      <li>
        <Link href={paths.events()}>Events</Link>
      </li>
    </ul>
    <form role="search" method="get" action={paths.search()} className="filters">
      <label>
        Search the newsroom
        <input type="search" name="q" />
      </label>
      <button type="submit">Search</button>
    </form>
  </>
)
