import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  images: {
    // Media is served by Payload's own file route; next/image optimises from there.
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
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
