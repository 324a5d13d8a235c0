import type { CollectionConfig } from 'payload'

import { staff } from '@/access/roles'
import { ACTIVITY_ACTIONS, ACTIVITY_LABELS } from '@/workflow/activity'

const nobody = () => false

/**
 * The audit trail: one entry per action on a release. Written only by hooks and endpoints
 * (src/workflow/activity.ts); staff can read it, nobody can change or delete it.
 */
export const ReleaseActivity: CollectionConfig = {
  slug: 'release-activity',
  labels: { singular: 'Activity entry', plural: 'Release activity' },
  admin: {
    group: 'Workflow',
    useAsTitle: 'releaseTitle',
    defaultColumns: ['createdAt', 'action', 'releaseTitle', 'user', 'comment'],
    description: 'Who created, edited, submitted, published or unpublished each release, and when. Read-only.',
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  timestamps: true,
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: ACTIVITY_ACTIONS.map((value) => ({ value, label: ACTIVITY_LABELS[value] })),
    },
    { name: 'release', type: 'relationship', relationTo: 'press-releases', index: true },
    {
      name: 'releaseTitle',
      label: 'Release',
      type: 'text',
      admin: { description: 'The title at the time (kept after deletion).' },
    },
    {
      name: 'user',
      label: 'By',
      type: 'relationship',
      relationTo: 'users',
      admin: { description: 'Empty for the system (scheduled jobs).' },
    },
    { name: 'comment', type: 'textarea' },
    { name: 'detail', type: 'text' },
  ],
}
