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

export default withPayload(nextConfig, { devBundleServerPackages: false })
