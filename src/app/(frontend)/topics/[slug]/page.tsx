import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'

import { JsonLd } from '@/components/JsonLd'
import { QuoteFigure } from '@/components/QuoteFigure'
import { ReleaseList } from '@/components/ReleaseCard'
import { TopicSubscribe } from '@/components/TopicSubscribe'
import { currentSlugOf } from '@/data/slugRedirects'
import { topicBySlug } from '@/data/topics'
import { SLUG_PATTERN } from '@/lib/slugify'
import { breadcrumbsLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

type Params = Promise<{ slug: string }>

const load = async (params: Params) => {
  const { slug } = await params
  return SLUG_PATTERN.test(slug) ? topicBySlug(slug) : null
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const data = await load(params)
  if (!data) return { title: 'Topic not found', robots: { index: false } }
  const { topic } = data
  return pageMetadata({
    title: topic.name,
    description: topic.description || `Press releases and quotes about ${topic.name}.`,
    path: paths.topic(topic.slug),
    feeds: { scope: { kind: 'topic', slug: topic.slug! }, label: topic.name },
  })
}

export default async function TopicPage({ params }: { params: Params }) {
  const data = await load(params)
  if (!data) {
    const { slug } = await params
    const current = SLUG_PATTERN.test(slug) ? await currentSlugOf('topics', slug) : null
    if (current) permanentRedirect(paths.topic(current))
    notFound()
  }
  const { topic, releases, totalReleases, quotes } = data
  return (
    <>
      <JsonLd
        data={breadcrumbsLd([
          { name: 'Home', path: paths.home() },
          { name: 'Topics', path: paths.topics() },
          { name: topic.name, path: paths.topic(topic.slug) },
        ])}
      />
      <p className="meta">
        <Link href={paths.topics()}>Topics</Link>
      </p>
      <h1>{topic.name}</h1>
      {topic.description && <p className="lede">{topic.description}</p>}

      <section aria-labelledby="releases">
        <div className="section-head">
          <h2 id="releases">Releases</h2>
          {totalReleases > 0 && (
            <Link href={paths.news({ topic: topic.slug })}>
              {totalReleases === 1 ? 'The release in the archive' : `All ${totalReleases} in the archive`}
            </Link>
          )}
        </div>
        {releases.length ? <ReleaseList releases={releases} /> : <p>No releases about {topic.name} yet.</p>}
      </section>

      {quotes.length > 0 && (
        <section aria-labelledby="quotes">
          <h2 id="quotes">Quotes</h2>
          {quotes.map((q) => (
            <QuoteFigure key={q.id} quote={q} showSource />
          ))}
        </section>
      )}

      <TopicSubscribe topic={topic} />
    </>
  )
}
