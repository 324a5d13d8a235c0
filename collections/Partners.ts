import type { CollectionConfig } from 'payload'

import { admins, anyone } from '@/access/roles'
import { mediaContactsField } from '@/fields/contacts'
import { seoFields } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { previewUrl } from '@/preview/urls'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'

export const PARTNER_KINDS = [
  { label: 'Health system', value: 'health-system' },
  { label: 'Cancer center', value: 'cancer-center' },
  { label: 'Coalition', value: 'coalition' },
  { label: 'Advocacy group', value: 'advocacy-group' },
  { label: 'Government agency', value: 'government-agency' },
  { label: 'Other', value: 'other' },
] as const

export const Partners: CollectionConfig = {
  slug: 'partners',
  admin: {
    useAsTitle: 'name',
    livePreview: { url: ({ data }) => (data?.slug ? previewUrl(`/partners/${data.slug}`) : null) },
    preview: (doc) => (doc?.slug ? previewUrl(`/partners/${doc.slug as string}`) : null),
    defaultColumns: ['name', 'kind', 'location', 'updatedAt'],
    listSearchableFields: ['name', 'shortName', 'slug'],
    description:
      'Organisations in the alliance. Profiles are public; every past wording of a boilerplate is kept in Versions.',
  },
  access: { read: anyone, create: admins, update: admins, delete: admins },
  hooks: invalidatesPublicContent,
  // No drafts: profiles are public as saved. Versions keep every past "About" wording recoverable.
  versions: { maxPerDoc: 100 },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    {
      name: 'shortName',
      type: 'text',
      maxLength: 60,
      admin: { description: 'As used in running text after first mention, e.g. “MSK”.' },
    },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: PARTNER_KINDS.map((k) => ({ ...k })),
      admin: { position: 'sidebar' },
    },
    { name: 'logo', type: 'upload', relationTo: 'media', admin: { position: 'sidebar' } },
    urlField('website', { admin: { position: 'sidebar' } }),
    {
      name: 'location',
      type: 'text',
      maxLength: 120,
      admin: { position: 'sidebar', description: 'e.g. “Hartford, Connecticut”' },
    },
    {
      name: 'summary',
      type: 'textarea',
      maxLength: 400,
      admin: { description: 'One or two plain sentences for cards and link previews.' },
    },
    {
      name: 'about',
      label: 'About (boilerplate)',
      type: 'richText',
      admin: { description: 'The “About …” paragraph printed at the end of releases. Past wordings stay in Versions.' },
    },
    {
      name: 'keyFacts',
      type: 'array',
      labels: { singular: 'Key fact', plural: 'Key facts' },
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, admin: { description: 'e.g. “Colleagues”' } },
            { name: 'value', type: 'text', required: true, admin: { description: 'e.g. “48,000”' } },
          ],
        },
      ],
    },
    mediaContactsField(),
    seoFields,
  ],
}
