import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/env'

export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    // Uploaded images live under /api/media/ and should be indexable; the rest of the API is not a page.
    rules: [{ userAgent: '*', allow: ['/', '/api/media/'], disallow: ['/admin', '/api/', '/search'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
