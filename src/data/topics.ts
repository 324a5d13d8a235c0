/** Public reads for topic pages, through the local API as an anonymous reader, cached like every page's data. */
import { cachedPublic } from '@/cache/publicCache'
import type { PressRelease, Quote, Topic } from '@/payload-types'

import { asPublic, payload } from './payload'

export const TOPIC_PAGE_RELEASES = 12

export const topicBySlug = (slug: string) =>
  cachedPublic(`topic:${slug}`, async () => {
    const p = await payload()
    const { docs } = await p.find({ collection: 'topics', where: { slug: { equals: slug } }, limit: 1, depth: 0, ...asPublic })
    const topic = docs[0] as Topic | undefined
    if (!topic) return null
    const [releases, quotes] = await Promise.all([
      p.find({
        collection: 'press-releases',
        where: { topics: { in: [topic.id] } },
        sort: ['-publishedAt', '-id'],
        limit: TOPIC_PAGE_RELEASES,
        depth: 1,
        ...asPublic,
      }),
      p.find({
        collection: 'quotes',
        where: { topics: { in: [topic.id] } },
        sort: '-date',
        limit: 20,
        depth: 1,
        ...asPublic,
      }),
    ])
    return {
      topic,
      releases: releases.docs as PressRelease[],
      totalReleases: releases.totalDocs,
      quotes: quotes.docs as Quote[],
    }
  })

/** Every topic with how many public releases it has, for /topics. */
export const topicsWithCounts = () =>
  cachedPublic('topics:with-counts', async () => {
    const p = await payload()
    const { docs } = await p.find({ collection: 'topics', sort: 'name', limit: 200, depth: 0, ...asPublic })
    return Promise.all(
      (docs as Topic[]).map(async (topic) => ({
        topic,
        releases: (await p.count({ collection: 'press-releases', where: { topics: { in: [topic.id] } }, ...asPublic }))
          .totalDocs,
      })),
    )
  })
