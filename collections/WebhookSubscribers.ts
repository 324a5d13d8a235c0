import { randomBytes } from 'node:crypto'

import type { CollectionConfig } from 'payload'

import { newsroomEditors } from '@/access/partnerScope'
import { admins } from '@/access/roles'
import { urlField, validateHttpUrl } from '@/fields/url'
import { targetRefusal } from '@/notify/targets'

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
  access: { read: newsroomEditors, create: admins, update: admins, delete: admins },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    urlField('url', {
      required: true,
      validate: async (value: string | null | undefined, { previousValue }: { previousValue?: unknown }) => {
        if (!value) return 'This field is required.'
        const malformed = validateHttpUrl(value)
        if (malformed !== true) return malformed
        // Checked when the address is entered or changed (so a subscriber whose address is no
        // longer allowed can still be deactivated); every delivery checks it again.
        if (value === previousValue) return true
        return (await targetRefusal(value)) ?? true
      },
      admin: {
        description:
          "The partner site's endpoint (https:// in production). It must be on the public internet: addresses inside the network (localhost, 127.x, 10.x, 172.16–31.x, 192.168.x, 169.254.x, ::1, fc00::/7, fe80::/10 and the like) are refused, when saved and again at each delivery, unless the server operator lists the host in WEBHOOK_ALLOWED_HOSTS.",
      },
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
