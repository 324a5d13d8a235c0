import type { CollectionConfig } from 'payload'

import { keepInPartnerScope, theirOnlyPartner } from '@/access/partnerScope'
import { readDerivedFrom } from '@/access/releases'
import { calendarDateField } from '@/fields/calendarDate'
import { datePrecisionFields, truncateToPrecision } from '@/fields/datePrecision'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { QUOTE_PROVENANCE, selectOptions } from '@/options'
import { claimQuoteMadeInRelease } from '@/workflow/claimDerived'
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
 * Quotes journalists may lift with attribution. Speaker title and organisation are stored as
 * they were when the words were said, so a later job change does not rewrite history.
 * A quote is public once an editor publishes it, and, when it belongs to a release, only while
 * that release is public (src/access/visibility.ts); contributors write drafts and submit them.
 */
export const Quotes: CollectionConfig = {
  slug: 'quotes',
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'speakerName', 'speakerOrganization', 'date', 'reviewStatus', '_status'],
    listSearchableFields: ['text', 'speakerName', 'speakerOrganization'],
    components: reviewComponents,
  },
  access: reviewedAccess('quotes', readDerivedFrom('release', 'quotes')),
  versions: reviewedVersions,
  endpoints: reviewEndpoints('quotes'),
  hooks: {
    beforeOperation: reviewHooks.beforeOperation,
    beforeChange: [
      claimQuoteMadeInRelease,
      keepInPartnerScope('quotes'),
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
    {
      name: 'text',
      label: 'The words',
      type: 'textarea',
      required: true,
      maxLength: 2000,
      admin: { description: 'Exactly as said, without surrounding quotation marks.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'speakerName', type: 'text', required: true, maxLength: 120 },
        {
          name: 'speakerTitle',
          type: 'text',
          maxLength: 200,
          admin: { description: 'Title at the time, e.g. “President and CEO”.' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'speakerOrganization',
          type: 'text',
          maxLength: 200,
          admin: { description: 'Organisation at the time.' },
        },
        {
          name: 'partner',
          type: 'relationship',
          relationTo: 'partners',
          defaultValue: theirOnlyPartner,
          admin: { description: 'The speaker’s organisation, if a partner.' },
        },
      ],
    },
    {
      name: 'provenance',
      type: 'select',
      required: true,
      defaultValue: 'verbatim',
      options: selectOptions(QUOTE_PROVENANCE),
      admin: { position: 'sidebar' },
    },
    calendarDateField({
      name: 'date',
      admin: { position: 'sidebar', description: 'When it was said or first published.' },
    }),
    ...datePrecisionFields({ sidebar: true }),
    {
      name: 'release',
      label: 'From release',
      type: 'relationship',
      relationTo: 'press-releases',
      index: true,
      admin: {
        position: 'sidebar',
        description:
          'The release it came from. Hidden from the public while that release is. Set by itself when the quote is made in a release’s “Quotes used” (at once) or chosen there (on the release’s next save).',
      },
    },
    ...reviewFields,
    urlField('sourceUrl', {
      label: 'Source URL',
      admin: { position: 'sidebar', description: 'Where the words were first published, if elsewhere.' },
    }),
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, admin: { position: 'sidebar' } },
    {
      name: 'label',
      type: 'text',
      admin: { hidden: true },
      hooks: {
        beforeValidate: [
          ({ siblingData }) => {
            const words = String(siblingData.text ?? '')
              .replace(/\s+/g, ' ')
              .trim()
            const short = words.length > 60 ? `${words.slice(0, 57).trimEnd()}…` : words
            return `${siblingData.speakerName ?? 'Unknown'}: “${short}”`
          },
        ],
      },
    },
    auditTrailField,
    lockedOnceLive(
      slugField((data) =>
        data.speakerName && data.text
          ? `${data.speakerName} ${String(data.text).split(/\s+/).slice(0, 8).join(' ')}`
          : undefined,
      ),
    ),
  ],
}
