import { cachedPublic } from '@/cache/publicCache'
import { entityTag, feedResponse } from '@/feeds/http'
import { buildSitemap } from '@/seo/sitemap'

export const dynamic = 'force-dynamic'

/**
 * /sitemap.xml as a route of its own (Next's metadata sitemap sends no validators): cached until
 * public content changes, with a strong ETag and Last-Modified, and 304 for a crawler that has it.
 */
export const GET = async (request: Request) => {
  const value = await cachedPublic('sitemap.xml', async () => {
    const built = await buildSitemap()
    return { status: 200 as const, ...built, etag: entityTag(built.body) }
  })
  return feedResponse(request, value, { contentType: 'application/xml' })
}
