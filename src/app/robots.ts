import type { MetadataRoute } from 'next'

import { absoluteUrl, paths } from '@/urls'

export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    // Uploaded images live under /api/media/ and should be indexable; the rest of the API is not a page.
    rules: [
      {
        userAgent: '*',
        allow: [paths.home(), `${paths.api()}/media/`],
        disallow: [paths.admin(), `${paths.api()}/`, paths.search(), paths.briefings()],
      },
    ],
    sitemap: absoluteUrl(paths.sitemap()),
  }
}
