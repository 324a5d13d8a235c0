import { randomBytes } from 'node:crypto'

import type { CollectionConfig } from 'payload'

import { admins, editors } from '@/access/roles'
import { urlField } from '@/fields/url'

/** Partner endpoints that receive a signed webhook whenever a release becomes public. */
export const WebhookSubscribers: CollectionConfig = {
  slug: 'webhook-subscribers',
  labels: { singular: 'Webhook subscriber', plural: 'Webhook subscribers' },
  admin: {
    group: 'Notifications',
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'partner', 'active'],
    description:
      'Each subscriber gets a POST with the release as JSON, signed with HMAC-SHA256 over "timestamp.body" using its secret (headers X-Newsroom-Timestamp and X-Newsroom-Signature: sha256=…).',
  },
  access: { read: editors, create: admins, update: admins, delete: admins },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    urlField('url', {
      required: true,
      admin: { description: "The partner site's endpoint (https:// in production)." },
    }),
    {
      name: 'partner',
      type: 'relationship',
      relationTo: 'partners',
      admin: { description: 'Only releases involving this partner. Empty: every release.' },
    },
    { name: 'active', type: 'checkbox', defaultValue: true },
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: 16,
      defaultValue: () => randomBytes(24).toString('hex'),
      access: { read: ({ req }) => admins({ req }) as boolean },
      admin: { description: 'Shared with the partner to verify signatures. Generated; replace it to rotate.' },
    },
  ],
}
