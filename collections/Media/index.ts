import type { CollectionConfig } from 'payload'

import { readMedia, updateMedia } from '@/access/media'
import { keepInPartnerScope, theirPartners, withinPartnerScope } from '@/access/partnerScope'
import { editors, staff } from '@/access/roles'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { mediaDir } from '@/server/uploads'

import { mediaFileHeaders } from './fileHeaders'
import { checkFileContent } from './hooks/checkFileContent'
import { limitUploadSize } from './hooks/limitUploadSize'

/** Images and PDFs. Images get sizes for cards, pages and a 1200×630 Open Graph crop. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media file', plural: 'Media' },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize'],
    description: 'Images (JPEG, PNG, WebP, GIF, AVIF, SVG) and PDFs up to 25 MB.',
  },
  // Public only while a public document uses the file (src/access/media.ts).
  // Partner staff: files of their partners only (src/access/partnerScope.ts).
  access: {
    read: readMedia,
    create: staff,
    update: withinPartnerScope('media', updateMedia),
    delete: withinPartnerScope('media', editors),
  },
  hooks: {
    ...invalidatesPublicContent, beforeOperation: [limitUploadSize, checkFileContent],
    beforeChange: [keepInPartnerScope('media')],
  },
  upload: {
    staticDir: mediaDir(),
    modifyResponseHeaders: mediaFileHeaders,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/svg+xml', 'application/pdf'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 800, height: 450, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      label: 'Alt text',
      type: 'text',
      required: true,
      maxLength: 300,
      admin: { description: 'What the image shows, for readers who cannot see it. For PDFs, the document title.' },
    },
    { name: 'caption', type: 'textarea', maxLength: 1000 },
    { name: 'credit', type: 'text', maxLength: 200, admin: { description: 'Photographer or rights holder.' } },
    {
      name: 'partners',
      type: 'relationship',
      relationTo: 'partners',
      hasMany: true,
      defaultValue: theirPartners,
      admin: {
        position: 'sidebar',
        description: 'Whose file it is: their partner staff may see and edit it. Files partner staff upload get their partners.',
      },
    },
  ],
}
