import Link from 'next/link'
import type { ReactNode } from 'react'

/** A 404 page's heading and explanation, then where to go instead. */
export const NotFoundHelp = ({ title, children }: { title: string; children: ReactNode }) => (
  <>
    <h1>{title}</h1>
    <p className="lede">{children}</p>
    <p>You might find what you were looking for here:</p>
    <ul>
      <li>
        <Link href="/news">All news releases</Link>
      </li>
      <li>
        <Link href="/partners">Partners</Link> and <Link href="/milestones">milestones</Link>
      </li>
      <li>
        <Link href="/events">Events</Link>
      </li>
    </ul>
    <form role="search" method="get" action="/search" className="filters">
      <label>
        Search the newsroom
        <input type="search" name="q" />
      </label>
      <button type="submit">Search</button>
    </form>
  </>
)
