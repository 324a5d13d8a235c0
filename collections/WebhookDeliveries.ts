import type { CollectionConfig } from 'payload'

import { newsroomEditors } from '@/access/partnerScope'

const nobody = () => false

export const DELIVERY_STATES = ['pending', 'delivered', 'retrying', 'failed'] as const

/** The delivery log: one entry per webhook (and hub ping) per release, updated on each attempt. */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Delivery', plural: 'Delivery log' },
  admin: {
    group: 'Notifications',
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'summary', 'status', 'attempts', 'responseStatus', 'deliveredAt'],
    description:
      'Webhook deliveries and WebSub hub pings, with every attempt. Failed attempts are retried with back-off.',
  },
  access: { read: newsroomEditors, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'summary', type: 'text' },
    { name: 'kind', type: 'select', required: true, options: ['webhook', 'websub'], defaultValue: 'webhook' },
    { name: 'event', type: 'text', required: true },
    { name: 'subscriber', type: 'relationship', relationTo: 'webhook-subscribers' },
    { name: 'release', type: 'relationship', relationTo: 'press-releases' },
    { name: 'url', type: 'text', required: true },
    { name: 'body', type: 'code', admin: { language: 'json' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [...DELIVERY_STATES],
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'responseStatus', type: 'number' },
    { name: 'lastError', type: 'text' },
    { name: 'deliveredAt', type: 'date' },
    {
      name: 'log',
      type: 'array',
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', required: true },
        { name: 'responseStatus', type: 'number' },
        { name: 'error', type: 'text' },
        { name: 'durationMs', type: 'number' },
      ],
    },
  ],
}
