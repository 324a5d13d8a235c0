import type { CollectionConfig } from 'payload'

import { readInScope } from '@/access/partnerScope'
import { ACTIVITY_ACTIONS, ACTIVITY_LABELS, REVIEWED_COLLECTIONS } from '@/workflow/activity'

const nobody = () => false

/**
 * The audit trail: one entry per action on a release, quote, milestone or event. Written only by
 * hooks and endpoints (src/workflow/activity.ts, which says why the slug stayed
 * `release-activity`); staff can read it (partner staff the entries about what involves their partners), nobody can change or delete it.
 */
const SUBJECT_LABELS = { 'press-releases': 'Press release', quotes: 'Quote', milestones: 'Milestone', events: 'Event' }

export const ReleaseActivity: CollectionConfig = {
  slug: 'release-activity',
  labels: { singular: 'Activity entry', plural: 'Activity' },
  admin: {
    group: 'Workflow',
    useAsTitle: 'releaseTitle',
    defaultColumns: ['createdAt', 'action', 'subjectType', 'releaseTitle', 'user', 'comment'],
    description:
      'Who created, edited, submitted, published or unpublished each release, quote, milestone and event, and when. Read-only.',
  },
  access: {
    read: ({ req }) => readInScope(req, 'release-activity', () => false),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
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
    {
      name: 'subjectType',
      label: 'Of',
      type: 'select',
      index: true,
      defaultValue: 'press-releases',
      options: REVIEWED_COLLECTIONS.map((value) => ({ value, label: SUBJECT_LABELS[value] })),
    },
    { name: 'release', type: 'relationship', relationTo: 'press-releases', index: true },
    { name: 'quote', type: 'relationship', relationTo: 'quotes', index: true },
    { name: 'milestone', type: 'relationship', relationTo: 'milestones', index: true },
    { name: 'event', type: 'relationship', relationTo: 'events', index: true },
    {
      name: 'releaseTitle',
      label: 'Title',
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
    // Sign-off of joint releases (src/workflow/signOff.ts): for which partner, and which text.
    { name: 'partner', label: 'For partner', type: 'relationship', relationTo: 'partners', index: true },
    {
      name: 'version',
      label: 'Text version',
      type: 'text',
      index: true,
      admin: { description: 'The fingerprint of the text signed off or refused.' },
    },
  ],
}
