/**
 * /sitemap.xml (sitemaps.org 0.9), written by an XML library: the section pages and every public
 * release, partner and topic page with its last change. Served like a feed (src/app/sitemap.xml/
 * route.ts): cached with the public content, with a strong ETag and Last-Modified, so crawlers
 * get a 304 while nothing changed instead of the whole file.
 */
import { XMLBuilder } from 'fast-xml-parser'

import { publicModifiedOf } from '@/access/visibility'
import { sitemapEntries } from '@/data/newsroom'
import { absoluteUrl, paths } from '@/urls'

type Url = { loc: string; lastmod?: string; changefreq?: string; priority?: string }

const newestOf = (dates: (string | null | undefined)[]) =>
  dates.reduce<string | undefined>((a, b) => (b && (!a || Date.parse(b) > Date.parse(a)) ? b : a), undefined)

export const buildSitemap = async (): Promise<{ body: string; lastModified: Date }> => {
  const { releases, partners, topics } = await sitemapEntries()
  // A release's last change is its public date (an embargo lift) or a later edit.
  const releaseModified = releases.map((r) => ({ slug: r.slug, lastmod: publicModifiedOf(r) }))
  const newestRelease = newestOf(releaseModified.map((r) => r.lastmod))
  const urls: Url[] = [
    { loc: absoluteUrl(paths.home()), lastmod: newestRelease, changefreq: 'daily', priority: '1.0' },
    { loc: absoluteUrl(paths.news()), lastmod: newestRelease, changefreq: 'daily', priority: '0.9' },
    { loc: absoluteUrl(paths.partners()), changefreq: 'weekly' },
    { loc: absoluteUrl(paths.topics()), changefreq: 'weekly' },
    { loc: absoluteUrl(paths.milestones()), changefreq: 'weekly' },
    { loc: absoluteUrl(paths.events()), changefreq: 'weekly' },
    ...releaseModified.map((r) => ({
      loc: absoluteUrl(paths.release(r.slug)),
      lastmod: r.lastmod ?? undefined,
      priority: '0.8',
    })),
    ...partners.map((p) => ({ loc: absoluteUrl(paths.partner(p.slug)), lastmod: p.updatedAt, priority: '0.6' })),
    ...topics.map((t) => ({ loc: absoluteUrl(paths.topic(t.slug)), lastmod: t.updatedAt, priority: '0.5' })),
  ]
  const newest = newestOf([
    ...releaseModified.map((r) => r.lastmod),
    ...partners.map((p) => p.updatedAt),
    ...topics.map((t) => t.updatedAt),
  ])
  const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: false }).build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      url: urls.map(({ lastmod, ...u }) => ({
        ...u,
        ...(lastmod ? { lastmod: new Date(lastmod).toISOString() } : {}),
      })),
    },
  }) as string
  return { body: xml, lastModified: new Date(newest ?? 0) }
}
