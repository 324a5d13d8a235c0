import type { Metadata } from 'next'
import Link from 'next/link'

import { publicDateOf } from '@/access/visibility'
import { JsonLd } from '@/components/JsonLd'
import { Marked } from '@/components/Marked'
import { ReleaseDate } from '@/components/PreciseDate'
import { searchResults } from '@/data/newsroom'
import { bestPassage } from '@/search/terms'
import { breadcrumbsLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const MAX_QUERY = 200
const readQuery = async (searchParams: SearchParams) => {
  const raw = (await searchParams).q
  return (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, MAX_QUERY) ?? ''
}

export const generateMetadata = async ({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> => {
  const q = await readQuery(searchParams)
  return pageMetadata({
    title: q ? `Search: ${q}` : 'Search',
    description: 'Search press releases, quotes and partners.',
    path: paths.search(),
    noIndex: Boolean(q),
  })
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const q = await readQuery(searchParams)
  const results = q ? await searchResults(q) : null
  const total = results ? results.releases.length + results.quotes.length + results.partners.length : 0
  return (
    <>
      <JsonLd
        data={breadcrumbsLd([
          { name: 'Home', path: paths.home() },
          { name: 'Search', path: paths.search() },
        ])}
      />
      <h1>Search</h1>
      <form className="filters" role="search" method="get" action={paths.search()}>
        <label>
          Search releases, quotes and partners
          <input type="search" name="q" defaultValue={q} maxLength={MAX_QUERY} />
        </label>
        <button type="submit">Search</button>
      </form>
      {results && (
        <p role="status" className="muted">
          {total === 0 ? `Nothing matches “${q}”.` : `${total} result${total === 1 ? '' : 's'} for “${q}”.`}
        </p>
      )}
      {results && results.releases.length > 0 && (
        <section aria-labelledby="r-releases">
          <h2 id="r-releases">Releases</h2>
          <ul className="list-plain">
            {results.releases.map(({ doc: r, marks }) => {
              const passage = bestPassage([marks.summary, marks.searchText, marks.subtitle]) ?? r.summary
              const published = publicDateOf(r)
              return (
                <li key={r.id}>
                  <Link href={paths.release(r.slug)}>
                    <Marked text={marks.title ?? r.title} />
                  </Link>
                  {published && (
                    <p className="meta">
                      <ReleaseDate release={r} />
                    </p>
                  )}
                  {passage && (
                    <p>
                      <Marked text={passage} />
                    </p>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {results && results.quotes.length > 0 && (
        <section aria-labelledby="r-quotes">
          <h2 id="r-quotes">Quotes</h2>
          <ul className="list-plain">
            {results.quotes.map(({ doc: quote, marks }) => (
              <li key={quote.id}>
                <p>
                  “<Marked text={marks.text ?? quote.text} />”
                </p>
                <p className="meta">
                  —{' '}
                  <Marked
                    text={[
                      marks.speakerName ?? quote.speakerName,
                      quote.speakerTitle,
                      marks.speakerOrganization ?? quote.speakerOrganization,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results && results.partners.length > 0 && (
        <section aria-labelledby="r-partners">
          <h2 id="r-partners">Partners</h2>
          <ul className="list-plain">
            {results.partners.map(({ doc: p, marks }) => (
              <li key={p.id}>
                <Link href={paths.partner(p.slug)}>
                  <Marked text={marks.name ?? p.name} />
                </Link>
                {(marks.summary ?? p.summary) && (
                  <p>
                    <Marked text={(marks.summary ?? p.summary)!} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
