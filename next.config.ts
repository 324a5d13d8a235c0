import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Uploaded media is served by Payload's file route only, which checks media access on every
  // request; Next's optimiser (which caches copies for hours) is given no source to fetch.
  images: { localPatterns: [] },
  // sharp and libsql are native: keep them out of the server bundle.
  serverExternalPackages: ['sharp', '@libsql/client', 'libsql'],
}

const withAdmin = withPayload(nextConfig, { devBundleServerPackages: false })

/**
 * withPayload sends colour-scheme client hints (Accept-CH, Critical-CH, Vary) on every response.
 * Only the admin uses them; on feeds and public pages a Vary on a client hint splits shared caches.
 */
const adminOnlyClientHints: NextConfig['headers'] = async () => {
  const rules = (await withAdmin.headers?.()) ?? []
  return rules.map((rule) =>
    rule.source === '/:path*' && rule.headers.some((h) => h.key === 'Accept-CH')
      ? { ...rule, source: '/admin/:path*' }
      : rule,
  )
}

export default { ...withAdmin, headers: adminOnlyClientHints } satisfies NextConfig
