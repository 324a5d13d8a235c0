import type { Access, CollectionConfig } from 'payload'

import { keepInPartnerScope, partnerIdsOf, versionsInScope } from '@/access/partnerScope'
import { admins, adminsField, anyone, editorsField, isAdmin, staff, staffField } from '@/access/roles'
import { mediaContactsField } from '@/fields/contacts'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { PARTNER_KINDS, selectOptions } from '@/options'
import { previewLinks } from '@/preview/urls'
import { keepSlugHistory, previousSlugsField } from '@/slugs/history'

import { forgetUnsavedLogo } from './hooks/forgetUnsavedLogo'

/** Admins edit every profile; partner staff (any role) their own partners' (name, slug and kind stay the admins'). */
const ownProfileOrAdmin: Access = ({ req }) => {
  if (isAdmin(req.user)) return true
  const ids = partnerIdsOf(req.user)
  return ids ? { id: { in: ids } } : false
}

const adminsOnlyUpdate = { update: adminsField }

export const Partners: CollectionConfig = {
  slug: 'partners',
  admin: {
    useAsTitle: 'name',
    ...previewLinks('partners'),
    defaultColumns: ['name', 'kind', 'location', 'updatedAt'],
    listSearchableFields: ['name', 'shortName', 'slug'],
    description:
      'Organisations in the alliance. Profiles are public; every past wording of a boilerplate is kept in Versions.',
  },
  access: {
    read: anyone,
    readVersions: versionsInScope('partners', staff),
    create: admins,
    update: ownProfileOrAdmin,
    delete: admins,
  },
  hooks: {
    ...invalidatesPublicContent,
    beforeChange: [keepInPartnerScope('partners'), keepSlugHistory],
    afterError: [forgetUnsavedLogo],
  },
  // No drafts: profiles are public as saved. Versions keep every past "About" wording recoverable.
  versions: { maxPerDoc: 100 },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200, access: adminsOnlyUpdate },
    {
      name: 'shortName',
      type: 'text',
      maxLength: 60,
      admin: { description: 'As used in running text after first mention, e.g. “MSK”.' },
    },
    { ...slugField('name'), access: adminsOnlyUpdate },
    previousSlugsField(),
    {
      name: 'kind',
      type: 'select',
      required: true,
      access: adminsOnlyUpdate,
      options: selectOptions(PARTNER_KINDS),
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
    {
      // Who signs off joint releases for this partner (src/workflow/signOff.ts). Staff-only: the
      // public profile never names the newsroom's accounts.
      name: 'approvers',
      label: 'Sign-off approvers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      access: { read: staffField, create: editorsField, update: editorsField },
      admin: {
        position: 'sidebar',
        description:
          'Who approves releases listing this partner together with others. Without one, an editor signs off for the partner.',
      },
    },
  ],
}
