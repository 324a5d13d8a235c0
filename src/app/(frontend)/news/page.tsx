import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { FeedLinks } from '@/components/FeedLinks'
import { JsonLd } from '@/components/JsonLd'
import { Pagination } from '@/components/Pagination'
import { ReleaseList } from '@/components/ReleaseCard'
import { SubscribeForm } from '@/components/SubscribeForm'
import { allPartners, allTopics, archive, releaseYears } from '@/data/newsroom'
import { SITE_SCOPE } from '@/feeds/formats'
import { SLUG_PATTERN } from '@/lib/slugify'
import { breadcrumbsLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined

/** Filters from the query string; anything malformed is treated as absent. */
const readQuery = async (searchParams: SearchParams) => {
  const sp = await searchParams
  const partner = one(sp.partner)
  const topic = one(sp.topic)
  const year = one(sp.year)
  const rawPage = one(sp.page)
  const page = rawPage && /^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1 ? Number(rawPage) : rawPage ? NaN : 1
  return {
    partner: partner && SLUG_PATTERN.test(partner) ? partner : undefined,
    topic: topic && SLUG_PATTERN.test(topic) ? topic : undefined,
    year: year && /^\d{4}$/.test(year) ? year : undefined,
    page,
  }
}

export const generateMetadata = async ({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> => {
  const q = await readQuery(searchParams)
  const topics = q.topic ? await allTopics() : []
  const topic = topics.find((t) => t.slug === q.topic)
  return pageMetadata({
    title: 'News releases',
    description: 'Every press release, filterable by partner, topic and year.',
    path: paths.news(),
    feeds: topic ? { scope: { kind: 'topic', slug: topic.slug! }, label: topic.name } : undefined,
    noIndex: Boolean(q.partner || q.topic || q.year || q.page !== 1),
  })
}

export default async function NewsPage({ searchParams }: { searchParams: SearchParams }) {
  const q = await readQuery(searchParams)
  if (Number.isNaN(q.page)) notFound()
  const [result, partners, topics, years] = await Promise.all([
    archive({ partner: q.partner, topic: q.topic, year: q.year, page: q.page }),
    allPartners(),
    allTopics(),
    releaseYears(),
  ])
  if (q.page > Math.max(1, result.totalPages)) notFound()
  const filtered = Boolean(q.partner || q.topic || q.year)
  return (
    <>
      <JsonLd
        data={breadcrumbsLd([
          { name: 'Home', path: paths.home() },
          { name: 'News', path: paths.news() },
        ])}
      />
      <h1>News releases</h1>
      <form className="filters" method="get" action={paths.news()} role="search" aria-label="Filter releases">
        <label>
          Partner
          <select name="partner" defaultValue={q.partner ?? ''}>
            <option value="">All partners</option>
            {partners.map((p) => (
              <option key={p.id} value={p.slug ?? ''}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic
          <select name="topic" defaultValue={q.topic ?? ''}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.slug ?? ''}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year
          <select name="year" defaultValue={q.year ?? ''}>
            <option value="">All years</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
        {filtered && (
          <a className="button" href={paths.news()}>
            Clear filters
          </a>
        )}
      </form>
      <p className="muted" role="status">
        {result.totalDocs === 1 ? '1 release' : `${result.totalDocs} releases`}
        {result.partner && ` involving ${result.partner.name}`}
        {result.topic && ` about ${result.topic.name}`}
        {q.year && ` from ${q.year}`}.
      </p>
      {result.docs.length ? (
        <ReleaseList releases={result.docs} headingLevel={2} />
      ) : (
        <p>No releases match these filters.</p>
      )}
      <Pagination
        page={q.page}
        totalPages={result.totalPages}
        path={paths.news()}
        params={{ partner: q.partner, topic: q.topic, year: q.year }}
      />
      <h2>Subscribe</h2>
      {result.topic ? (
        <>
          <FeedLinks scope={{ kind: 'topic', slug: result.topic.slug! }} label={result.topic.name} />
          <SubscribeForm scope={{ kind: 'topic', slug: result.topic.slug! }} label={result.topic.name} />
        </>
      ) : result.partner ? (
        <>
          <FeedLinks scope={{ kind: 'partner', slug: result.partner.slug! }} label={result.partner.name} />
          <SubscribeForm scope={{ kind: 'partner', slug: result.partner.slug! }} label={result.partner.name} />
        </>
      ) : (
        <>
          <FeedLinks scope={SITE_SCOPE} label="All releases" />
          <SubscribeForm scope={SITE_SCOPE} label="every new release" />
        </>
      )}
    </>
  )
}
