import type { Metadata } from 'next'
import Link from 'next/link'

import { JsonLd } from '@/components/JsonLd'
import { topicsWithCounts } from '@/data/topics'
import { breadcrumbsLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

export const generateMetadata = (): Metadata =>
  pageMetadata({
    title: 'Topics',
    description: 'Every topic the newsroom covers, each with its releases, quotes and feeds.',
    path: paths.topics(),
  })

export default async function TopicsPage() {
  const topics = await topicsWithCounts()
  return (
    <>
      <JsonLd
        data={breadcrumbsLd([
          { name: 'Home', path: paths.home() },
          { name: 'Topics', path: paths.topics() },
        ])}
      />
      <h1>Topics</h1>
      <p className="lede">Each topic has its own page with its releases, quotes and feeds.</p>
      {topics.length ? (
        <ul className="list-plain">
          {topics.map(({ topic, releases }) => (
            <li key={topic.id}>
              <Link href={paths.topic(topic.slug)}>{topic.name}</Link>{' '}
              <span className="muted">({releases === 1 ? '1 release' : `${releases} releases`})</span>
              {topic.description && <p className="muted">{topic.description}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p>No topics yet.</p>
      )}
    </>
  )
}
