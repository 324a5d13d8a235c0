import { randomUUID } from 'node:crypto'

import type { CollectionConfig } from 'payload'

import { keepInPartnerScope, theirPartners } from '@/access/partnerScope'
import { readPublished } from '@/access/releases'
import { calendarDateField } from '@/fields/calendarDate'
import { feedIdField } from '@/fields/feedId'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { DEFAULT_TIME_ZONE, isTimeZone } from '@/lib/timezones'
import { EVENT_STATUSES, selectOptions } from '@/options'
import { previewLinks } from '@/preview/urls'
import { keepSlugHistory, previousSlugsField } from '@/slugs/history'
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

import { bumpSequence } from './hooks/bumpSequence'

/** Events are public once an editor publishes them; contributors write drafts and submit them. */
export const Events: CollectionConfig = {
  slug: 'events',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'start', 'status', 'venue.name', 'reviewStatus', '_status'],
    ...previewLinks('events'),
    components: reviewComponents,
  },
  access: reviewedAccess('events', readPublished),
  versions: reviewedVersions,
  endpoints: reviewEndpoints('events'),
  defaultSort: '-start',
  hooks: {
    beforeOperation: reviewHooks.beforeOperation,
    beforeChange: [
      keepInPartnerScope('events'),
      ...reviewHooks.beforeChange,
      bumpSequence,
      ...reviewHooks.beforeChangeLast,
      keepSlugHistory,
    ],
    afterChange: [...invalidatesPublicContent.afterChange, ...reviewHooks.afterChange],
    afterDelete: [...invalidatesPublicContent.afterDelete, ...reviewHooks.afterDelete],
  },
  fields: [
    reviewStatusBannerField,
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    lockedOnceLive(slugField('title')),
    previousSlugsField(),
    {
      name: 'status',
      type: 'select',
      // Its own enum name on PostgreSQL: the default (`enum_events_status`) is the one drafts'
      // `_status` gets too, and the two would collide.
      enumName: ({ tableName }) => `enum_${tableName}_event_status`,
      required: true,
      defaultValue: 'scheduled',
      options: selectOptions(EVENT_STATUSES),
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'end',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: { start?: string } }) => {
            if (!value || !siblingData.start) return true
            return Date.parse(String(value)) >= Date.parse(siblingData.start)
              ? true
              : 'The end must not be before the start.'
          },
        },
      ],
    },
    {
      name: 'timeZone',
      type: 'text',
      required: true,
      defaultValue: DEFAULT_TIME_ZONE,
      admin: { description: 'IANA time zone of the venue, e.g. America/New_York. Times are shown in it.' },
      validate: (value: unknown) => (isTimeZone(value) ? true : 'Enter an IANA time zone such as America/New_York.'),
    },
    { name: 'summary', type: 'textarea', maxLength: 600 },
    { name: 'description', type: 'richText' },
    {
      name: 'venue',
      type: 'group',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'address', type: 'text' },
        {
          type: 'row',
          fields: [
            { name: 'city', type: 'text' },
            { name: 'region', type: 'text', label: 'State / region' },
            { name: 'postalCode', type: 'text' },
          ],
        },
        { name: 'country', type: 'text', defaultValue: 'US' },
      ],
    },
    urlField('onlineUrl', { label: 'Online link', admin: { description: 'For online or hybrid events.' } }),
    urlField('registrationUrl', { label: 'Registration URL' }),
    calendarDateField({ name: 'registrationDeadline' }),
    { name: 'hosts', type: 'relationship', relationTo: 'partners', hasMany: true, defaultValue: theirPartners },
    { name: 'image', type: 'upload', relationTo: 'media' },
    {
      name: 'sequence',
      type: 'number',
      defaultValue: 0,
      admin: { readOnly: true, position: 'sidebar', description: 'Calendar revision, bumped on every change.' },
    },
    auditTrailField,
    ...reviewFields,
    // The iCalendar UID (RFC 7986 recommends a UUID).
    feedIdField(() => randomUUID()),
  ],
}
