import type { CollectionAdminOptions } from 'payload'

import { absoluteUrl, pathOfDocument, paths } from '@/urls'

/**
 * The admin's Preview button and live-preview iframe open this URL: it checks that the visitor
 * is logged-in staff, turns on Next.js draft mode and redirects to the page (src/app/preview/).
 * Absolute, because the admin only talks to a live-preview window on the origin it was given.
 */
export const previewUrl = (path: string): string => absoluteUrl(paths.previewEnter(path))

const previewOf = (collection: string, doc: Record<string, unknown> | null | undefined): string | null => {
  const path = pathOfDocument(collection, doc as { slug?: string } | null)
  return path ? previewUrl(path) : null
}

/** `admin.livePreview` and `admin.preview` for a collection whose documents have a public page. */
export const previewLinks = (collection: string): Pick<CollectionAdminOptions, 'livePreview' | 'preview'> => ({
  livePreview: { url: ({ data }) => previewOf(collection, data) ?? '' },
  preview: (doc) => previewOf(collection, doc),
})

/** Only paths on this site: a leading single slash, no scheme, no protocol-relative `//host`. */
export const safePreviewPath = (path: string | null): string | null =>
  path && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null
