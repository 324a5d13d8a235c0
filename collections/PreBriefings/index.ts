import type { CollectionConfig } from 'payload'

import { editors } from '@/access/roles'

const nobody = () => false

/**
 * One personal pre-briefing link: which embargoed release, for which press contact, who sent it,
 * how often it was opened, and whether it was revoked. Only the SHA-256 hash of the link's token
 * is stored (the token itself is only in the contact's mail), so the database alone opens
 * nothing. Written only by the release's pre-briefing endpoints and the link's page
 * (src/briefings/); editors and admins may read the list, nobody edits it through the API.
 */
export const PreBriefings: CollectionConfig = {
  slug: 'pre-briefings',
  labels: { singular: 'Pre-briefing link', plural: 'Pre-briefing links' },
  admin: {
    group: 'Notifications',
    useAsTitle: 'releaseTitle',
    defaultColumns: ['releaseTitle', 'contact', 'createdAt', 'views', 'revokedAt'],
    description:
      'Personal links to embargoed releases sent to press contacts. Send and revoke them on the release’s Pre-briefing tab. Read-only here.',
  },
  access: { read: editors, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  timestamps: true,
  fields: [
    { name: 'release', type: 'relationship', relationTo: 'press-releases', index: true },
    { name: 'releaseTitle', label: 'Release', type: 'text', admin: { description: 'The title when it was sent.' } },
    { name: 'contact', type: 'relationship', relationTo: 'press-contacts', index: true },
    { name: 'sentBy', type: 'relationship', relationTo: 'users' },
    { name: 'views', type: 'number', defaultValue: 0 },
    { name: 'lastViewedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'revokedAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'revokedReason', type: 'text' },
    {
      name: 'tokenHash',
      type: 'text',
      required: true,
      unique: true,
      access: { read: nobody },
      admin: { hidden: true },
    },
  ],
}
