import type { CollectionConfig } from 'payload'

import { keepInPartnerScope, theirPartners } from '@/access/partnerScope'
import { readDerivedFrom } from '@/access/releases'
import { calendarDateField } from '@/fields/calendarDate'
import { datePrecisionFields, truncateToPrecision } from '@/fields/datePrecision'
import { feedIdField } from '@/fields/feedId'
import { slugField } from '@/fields/slug'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { MILESTONE_KINDS, selectOptions } from '@/options'
import {
  lockedOnceLive,
  reviewComponents,
  auditTrailField,
  reviewedAccess,
  reviewedVersions,
  reviewEndpoints,
  reviewFields,
  reviewHooks,
  reviewStatusBannerField,
} from '@/workflow/reviewed'

/**
 * The partnership timeline. A milestone is public once an editor publishes it, and one announced
 * by a release stays hidden while that release is; contributors write drafts and submit them.
 */
export const Milestones: CollectionConfig = {
  slug: 'milestones',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'date', 'kind', 'isFirst', 'reviewStatus', '_status'],
    components: reviewComponents,
  },
  access: reviewedAccess('milestones', readDerivedFrom('announcedIn', 'milestones')),
  versions: reviewedVersions,
  endpoints: reviewEndpoints('milestones'),
  hooks: {
    beforeOperation: reviewHooks.beforeOperation,
    beforeChange: [
      keepInPartnerScope('milestones'),
      ...reviewHooks.beforeChange,
      truncateToPrecision('date'),
      ...reviewHooks.beforeChangeLast,
    ],
    afterChange: [...invalidatesPublicContent.afterChange, ...reviewHooks.afterChange],
    afterDelete: [...invalidatesPublicContent.afterDelete, ...reviewHooks.afterDelete],
  },
  defaultSort: '-date',
  fields: [
    reviewStatusBannerField,
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    lockedOnceLive(slugField('title')),
    {
      type: 'row',
      fields: [
        calendarDateField({ name: 'date', required: true, index: true }),
        { name: 'kind', type: 'select', required: true, options: selectOptions(MILESTONE_KINDS) },
      ],
    },
    { type: 'row', fields: datePrecisionFields() },
    {
      name: 'isFirst',
      label: 'A “first”',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'The first of its kind, e.g. the first member or the first designated partner.' },
    },
    {
      name: 'partners',
      type: 'relationship',
      relationTo: 'partners',
      hasMany: true,
      index: true,
      defaultValue: theirPartners,
    },
    { name: 'summary', type: 'textarea', maxLength: 1000 },
    {
      name: 'announcedIn',
      label: 'Announced in',
      type: 'relationship',
      relationTo: 'press-releases',
      index: true,
      admin: { description: 'The release that announced it. The milestone is public only once that release is.' },
    },
    auditTrailField,
    ...reviewFields,
    feedIdField(),
  ],
}
