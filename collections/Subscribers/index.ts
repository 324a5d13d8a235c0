import type { CollectionConfig } from 'payload'

import { admins } from '@/access/roles'

import {
  confirmEndpoint,
  exportEndpoint,
  preferencesEndpoint,
  subscribeEndpoint,
  unsubscribeEndpoint,
} from './endpoints'

const nobody = () => false

/**
 * Journalists who asked for e-mail alerts: personal data. Only admins see, list, export
 * (`GET /api/subscribers/export`) or delete them; nobody creates or edits one through the API or
 * the admin: the public endpoints (./endpoints.ts) do, with double opt-in. A subscription is for
 * every release, one partner's or one topic's, each release as it comes or as a daily digest. Unconfirmed requests are forgotten when their link
 * expires; unsubscribing deletes the subscription.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: 'Subscriber', plural: 'Subscribers' },
  admin: {
    group: 'Notifications',
    useAsTitle: 'email',
    defaultColumns: ['email', 'scope', 'partner', 'topic', 'confirmed', 'createdAt'],
    description:
      'Journalists subscribed to e-mail alerts (personal data: admins only). They subscribe and confirm on the public site; delete one to stop all mail to it. Export: /api/subscribers/export.',
  },
  access: { read: admins, create: nobody, update: nobody, delete: admins },
  timestamps: true,
  endpoints: [subscribeEndpoint, confirmEndpoint, preferencesEndpoint, unsubscribeEndpoint, exportEndpoint],
  fields: [
    { name: 'email', type: 'email', required: true, index: true, admin: { readOnly: true } },
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'all',
      options: [
        { label: 'Every release', value: 'all' },
        { label: 'One partner', value: 'partner' },
        { label: 'One topic', value: 'topic' },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      defaultValue: 'each',
      options: [
        { label: 'Each release', value: 'each' },
        { label: 'Daily digest', value: 'daily' },
      ],
      admin: { readOnly: true },
    },
    { name: 'partner', type: 'relationship', relationTo: 'partners', admin: { readOnly: true } },
    { name: 'topic', type: 'relationship', relationTo: 'topics', admin: { readOnly: true } },
    {
      name: 'confirmed',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { readOnly: true, description: 'Only confirmed addresses get alerts.' },
    },
    { name: 'confirmedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    // Where the next daily digest's window starts (src/email/digest.ts).
    { name: 'lastDigestAt', type: 'date', admin: { hidden: true } },
    // Address and scope in one value, so the same request twice finds the same subscription.
    { name: 'key', type: 'text', required: true, unique: true, access: { read: nobody }, admin: { hidden: true } },
    // SHA-256 of the confirmation link's token (the token itself is only in the mail), and its expiry.
    { name: 'confirmTokenHash', type: 'text', index: true, access: { read: nobody }, admin: { hidden: true } },
    { name: 'confirmBy', type: 'date', access: { read: nobody }, admin: { hidden: true } },
  ],
}
