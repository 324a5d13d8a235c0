import type { MetadataRoute } from 'next'

import { sitemapEntries } from '@/data/newsroom'
import { absoluteUrl } from '@/lib/env'

export const dynamic = 'force-dynamic'

/** Public releases and partners (only what the visibility rule shows) plus the section pages. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { releases, partners } = await sitemapEntries()
  const newest = releases[0]?.updatedAt
  return [
    { url: absoluteUrl('/'), lastModified: newest, changeFrequency: 'daily', priority: 1 },
    { url: absoluteUrl('/news'), lastModified: newest, changeFrequency: 'daily', priority: 0.9 },
    { url: absoluteUrl('/partners'), changeFrequency: 'weekly' },
    { url: absoluteUrl('/milestones'), changeFrequency: 'weekly' },
    { url: absoluteUrl('/events'), changeFrequency: 'weekly' },
    ...releases.map((r) => ({ url: absoluteUrl(`/news/${r.slug}`), lastModified: r.updatedAt, priority: 0.8 })),
    ...partners.map((p) => ({ url: absoluteUrl(`/partners/${p.slug}`), lastModified: p.updatedAt, priority: 0.6 })),
  ]
}
