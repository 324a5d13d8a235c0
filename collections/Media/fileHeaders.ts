import { SVG_MEDIA_CSP } from '@/security/headers'

/**
 * Headers for every file Payload serves from `/api/media/file/…`. Uploads come from staff, but a
 * file served from the newsroom's own origin must never act as a page: browsers may not guess
 * another type than the one sent, and an SVG (which can carry script) is rendered as a
 * sandboxed, script-less image even if one slipped past Payload's upload check.
 * PDFs keep no sandbox: Chromium's PDF viewer refuses to open in a sandboxed document.
 */
export const mediaFileHeaders = ({ headers }: { headers: Headers }): Headers => {
  headers.set('X-Content-Type-Options', 'nosniff')
  const type = headers.get('Content-Type') ?? ''
  if (type.includes('svg') || type.includes('xml')) {
    headers.set('Content-Security-Policy', SVG_MEDIA_CSP)
  }
  return headers
}
