import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { ALWAYS, RESOURCE_CSP, RESOURCE_SOURCES, SVG_MEDIA_CSP, SVG_MEDIA_SOURCE } from './src/security/headers'

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

/** Security headers (src/security/headers.ts): pages and the admin get their CSP from src/proxy.ts. */
const securityHeaders: NextConfig['headers'] = async () => [
  { source: '/:path*', headers: Object.entries(ALWAYS).map(([key, value]) => ({ key, value })) },
  ...RESOURCE_SOURCES.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: RESOURCE_CSP }] })),
  { source: SVG_MEDIA_SOURCE, headers: [{ key: 'Content-Security-Policy', value: SVG_MEDIA_CSP }] },
]

const headers: NextConfig['headers'] = async () => [
  ...((await adminOnlyClientHints()) ?? []),
  ...((await securityHeaders()) ?? []),
]

export default { ...withAdmin, headers } satisfies NextConfig
