import { siteUrl } from '@/lib/env'

/**
 * The admin's Preview button and live-preview iframe open this URL: it checks that the visitor
 * is logged-in staff, turns on Next.js draft mode and redirects to the page (src/app/preview/).
 * Absolute, because the admin only talks to a live-preview window on the origin it was given.
 */
export const previewUrl = (path: string): string => `${siteUrl()}/preview/enter?path=${encodeURIComponent(path)}`

/** Only paths on this site: a leading single slash, no scheme, no protocol-relative `//host`. */
export const safePreviewPath = (path: string | null): string | null =>
  path && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null
