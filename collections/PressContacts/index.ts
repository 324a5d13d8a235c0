import type { CollectionConfig } from 'payload'

import { editors } from '@/access/roles'

import { exportPressContacts } from './endpoints'
import { revokeLinksOfContact } from './hooks/revokeLinksOfContact'

/**
 * Journalists the newsroom trusts with embargoed releases: name, outlet, e-mail. Personal data,
 * like subscribers: only editors and admins (who pre-brief) see, add, change, export
 * (`GET /api/press-contacts/export`) or delete them; contributors and anonymous readers see
 * nothing, not even that the list exists (an empty answer). Deleting a contact revokes the
 * pre-briefing links it holds (src/briefings/).
 */
export const PressContacts: CollectionConfig = {
  slug: 'press-contacts',
  labels: { singular: 'Press contact', plural: 'Press contacts' },
  admin: {
    group: 'Notifications',
    useAsTitle: 'name',
    defaultColumns: ['name', 'outlet', 'email', 'updatedAt'],
    listSearchableFields: ['name', 'outlet', 'email'],
    description:
      'Journalists who may receive embargoed pre-briefings (personal data: editors and admins only). Share an embargoed release with them from its Pre-briefing tab. Export: /api/press-contacts/export.',
  },
  access: { read: editors, create: editors, update: editors, delete: editors },
  timestamps: true,
  endpoints: [exportPressContacts],
  hooks: { beforeDelete: [revokeLinksOfContact] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'outlet', type: 'text', maxLength: 120, admin: { description: 'The publication or station.' } },
    { name: 'email', type: 'email', required: true, unique: true, index: true },
  ],
}
