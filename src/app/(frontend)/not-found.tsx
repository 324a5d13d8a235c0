import Link from 'next/link'

export const metadata = { title: 'Page not found', robots: { index: false } }

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p className="lede">This page does not exist, or it is not public yet.</p>
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
}
