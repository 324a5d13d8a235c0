import type { GroupField } from 'payload'

/**
 * Search and social metadata, in the same shape as `@payloadcms/plugin-seo`'s `meta` group
 * (`meta.title`, `meta.description`, `meta.image`). The plugin itself is not published at this
 * project's pinned Payload version, and mixing versions breaks the admin, so the fields live here.
 */
export const seoFields: GroupField = {
  name: 'meta',
  label: 'SEO',
  type: 'group',
  admin: {
    description:
      'How this page appears in search results and when shared. Empty fields fall back to the title, summary and hero image.',
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      maxLength: 70,
      admin: { description: 'Up to 70 characters; search engines cut longer titles.' },
    },
    {
      name: 'description',
      type: 'textarea',
      maxLength: 200,
      admin: { description: 'Up to 200 characters (about 160 are shown in results).' },
    },
    {
      name: 'image',
      type: 'upload',
      relationTo: 'media',
      admin: { description: 'Shared on social networks, cropped to 1200×630.' },
    },
    {
      name: 'noIndex',
      type: 'checkbox',
      defaultValue: false,
      label: 'Hide from search engines',
    },
  ],
}
