import type { MetadataRoute } from 'next'

import { sitemapEntries } from '@/data/newsroom'
import { absoluteUrl, paths } from '@/urls'

export const dynamic = 'force-dynamic'

/** Public releases and partners (only what the visibility rule shows) plus the section pages. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { releases, partners } = await sitemapEntries()
  const newest = releases[0]?.updatedAt
  return [
    { url: absoluteUrl('/'), lastModified: newest, changeFrequency: 'daily', priority: 1 },
    { url: absoluteUrl(paths.news()), lastModified: newest, changeFrequency: 'daily', priority: 0.9 },
    { url: absoluteUrl(paths.partners()), changeFrequency: 'weekly' },
    { url: absoluteUrl(paths.milestones()), changeFrequency: 'weekly' },
    { url: absoluteUrl(paths.events()), changeFrequency: 'weekly' },
    ...releases.map((r) => ({ url: absoluteUrl(paths.release(r.slug)), lastModified: r.updatedAt, priority: 0.8 })),
    ...partners.map((p) => ({ url: absoluteUrl(paths.partner(p.slug)), lastModified: p.updatedAt, priority: 0.6 })),
  ]
}
