import type { CollectionConfig } from 'payload'

import { keepInPartnerScope, theirPartners } from '@/access/partnerScope'
import { readReleases } from '@/access/releases'
import { mediaContactsField } from '@/fields/contacts'
import { correctionsField } from '@/fields/corrections'
import { datePrecisionFields } from '@/fields/datePrecision'
import { feedIdField } from '@/fields/feedId'
import { requiredToPublish } from '@/fields/requiredToPublish'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { previewLinks } from '@/preview/urls'
import { keepSlugHistory, previousSlugsField } from '@/slugs/history'
import { claimQuotesUsed } from '@/workflow/claimDerived'
import { editorsOnceLive } from '@/workflow/contributorWrites'
import { rememberAccessControl, requireSignOff } from '@/workflow/requireSignOff'
import {
  lockedOnceLive,
  reviewComponents,
  reviewedAccess,
  reviewEndpoints,
  reviewFields,
  reviewHooks,
  reviewStatusBannerField,
} from '@/workflow/reviewed'

import { importWireCopy } from './endpoints/importWireCopy'
import { preBriefingEndpoints } from './endpoints/preBriefings'
import { announceWhenPublic } from './hooks/announceWhenPublic'
import { fillBodyMedia } from './hooks/fillBodyMedia'
import { fillSearchText } from './hooks/fillSearchText'
import { keepDerivedHidden } from './hooks/keepDerivedHidden'
import { queueVisibilityJob } from './hooks/queueVisibilityJob'
import { recordCorrections, rememberPublishedCorrections } from './hooks/recordCorrections'
import { stampPublishedAt } from './hooks/stampPublishedAt'

export const PressReleases: CollectionConfig = {
  slug: 'press-releases',
  labels: { singular: 'Press release', plural: 'Press releases' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'reviewStatus', 'publishedAt', 'embargoUntil', '_status'],
    listSearchableFields: ['title', 'subtitle', 'summary', 'slug'],
    description:
      'Announcements. Public once published, when neither the publish date nor the embargo is in the future.',
    ...previewLinks('press-releases'),
    components: {
      beforeListTable: ['@/admin/importWireCopy/ImportWireCopyLink#ImportWireCopyLink'],
      ...reviewComponents,
    },
  },
  endpoints: [importWireCopy, ...reviewEndpoints('press-releases'), ...preBriefingEndpoints],
  access: reviewedAccess('press-releases', readReleases),
  defaultSort: '-publishedAt',
  // Public lists filter on status, date and embargo and sort by date, then by creation (the
  // tie-break Payload adds): one index serves all of it, so no database sorts whole rows of a
  // large archive, and the count every API page makes reads the index alone. Without `createdAt`
  // SQLite sorted every row up to the page's offset with its joined fields computed (10,000
  // releases: 60 ms per API page at any depth); with this index the page's query and count
  // take 1.2 and 0.5 ms.
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt', 'embargoUntil'] }],
  versions: {
    maxPerDoc: 100,
    drafts: {
      autosave: { interval: 2000 },
      schedulePublish: true,
      // No empty draft on opening "Create new": the first save (Save draft) creates it, then
      // autosave takes over. Required fields may stay empty until publishing (src/fields/requiredToPublish.ts).
      validate: true,
    },
  },
  hooks: {
    afterChange: [
      ...invalidatesPublicContent.afterChange,
      queueVisibilityJob,
      claimQuotesUsed,
      ...reviewHooks.afterChange,
      recordCorrections,
      announceWhenPublic,
    ],
    afterDelete: [...invalidatesPublicContent.afterDelete, ...reviewHooks.afterDelete],
    beforeOperation: [...reviewHooks.beforeOperation, rememberAccessControl],
    beforeDelete: [keepDerivedHidden],
    beforeChange: [
      keepInPartnerScope('press-releases'),
      ...reviewHooks.beforeChange,
      rememberPublishedCorrections,
      stampPublishedAt,
      // Joint releases publish only with every partner's sign-off (src/workflow/signOff.ts).
      requireSignOff,
      ...reviewHooks.beforeChangeLast,
      keepSlugHistory,
    ],
  },
  fields: [
    reviewStatusBannerField,
    {
      // Joint releases: each partner's sign-off of the current text, and the approver's controls.
      name: 'signOff',
      type: 'ui',
      admin: { components: { Field: '@/admin/signOff/SignOffPanel#SignOffPanel' } },
    },
    { name: 'title', type: 'text', required: true, maxLength: 200, validate: requiredToPublish.text },
    { name: 'subtitle', type: 'text', maxLength: 300 },
    lockedOnceLive(slugField('title')),
    previousSlugsField(),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      access: { update: editorsOnceLive },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description:
          'Release date. Set automatically on first publish; a future date keeps the release hidden until then.',
      },
    },
    ...datePrecisionFields({ sidebar: true }),
    {
      name: 'embargoUntil',
      type: 'date',
      index: true,
      access: { update: editorsOnceLive },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Published releases stay hidden from the public, feeds included, until this moment.',
      },
    },
    ...reviewFields,
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Content',
          fields: [
            {
              name: 'summary',
              type: 'textarea',
              required: true,
              maxLength: 600,
              validate: requiredToPublish.textarea,
              admin: { description: 'Plain text, 1–3 sentences. Used by feeds, cards and link previews.' },
            },
            {
              name: 'dateline',
              type: 'text',
              maxLength: 80,
              admin: { description: 'City and state as wire copy writes them, e.g. “HARTFORD, Conn.”' },
            },
            { name: 'body', type: 'richText', required: true, validate: requiredToPublish.richText },
            {
              name: 'footnotes',
              type: 'array',
              labels: { singular: 'Footnote', plural: 'Footnotes' },
              fields: [
                { name: 'marker', type: 'text', maxLength: 8, admin: { description: 'e.g. *, ** or 1' } },
                { name: 'text', type: 'textarea', required: true },
              ],
            },
          ],
        },
        { label: 'Corrections', fields: [correctionsField()] },
        {
          label: 'Media & press kit',
          fields: [
            { name: 'heroImage', type: 'upload', relationTo: 'media' },
            {
              name: 'assets',
              label: 'Press kit',
              type: 'array',
              labels: { singular: 'Asset', plural: 'Assets' },
              admin: { description: 'Images and PDFs journalists may download at full resolution.' },
              fields: [
                { name: 'file', type: 'upload', relationTo: 'media', required: true },
                { name: 'title', type: 'text' },
                { name: 'description', type: 'textarea' },
              ],
            },
          ],
        },
        {
          label: 'Relations',
          fields: [
            {
              name: 'partners',
              type: 'relationship',
              relationTo: 'partners',
              hasMany: true,
              index: true,
              defaultValue: theirPartners,
              admin: {
                description:
                  'Every partner announcing it. Partner staff see and edit the releases that list their partner.',
              },
            },
            { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, index: true },
            {
              name: 'quotes',
              label: 'Quotes used',
              type: 'relationship',
              relationTo: 'quotes',
              hasMany: true,
            },
            {
              name: 'milestones',
              label: 'Milestones announced',
              type: 'join',
              collection: 'milestones',
              on: 'announcedIn',
              admin: { description: 'Set on each milestone (“Announced in”).' },
            },
            {
              name: 'relatedReleases',
              type: 'relationship',
              relationTo: 'press-releases',
              hasMany: true,
              filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
            },
            mediaContactsField(),
          ],
        },
        {
          label: 'Distribution',
          fields: [
            {
              name: 'source',
              type: 'group',
              admin: { description: 'Where this release was first distributed.' },
              fields: [
                { name: 'distributor', type: 'text', admin: { description: 'e.g. PR Newswire' } },
                urlField('originalUrl', { label: 'Original URL' }),
                {
                  name: 'sourceLine',
                  type: 'text',
                  admin: { description: 'The wire “SOURCE” line, e.g. “SOURCE Hartford HealthCare”.' },
                },
              ],
            },
          ],
        },
        // The plugin's `meta` group goes here (src/plugins/seo.ts).
        { label: 'SEO', fields: [] },
        {
          label: 'Pre-briefing',
          description:
            'Share this release under embargo with chosen press contacts: each gets a personal link, which you can revoke, and which leads to the public page once the embargo lifts.',
          fields: [
            {
              name: 'preBriefings',
              type: 'ui',
              admin: { components: { Field: '@/admin/preBriefing/PreBriefings#PreBriefings' } },
            },
          ],
        },
        {
          label: 'Activity',
          fields: [
            {
              name: 'auditTrail',
              type: 'ui',
              admin: { components: { Field: '@/admin/review/AuditTrail#AuditTrail' } },
            },
          ],
        },
      ],
    },
    {
      name: 'bodyMedia',
      type: 'relationship',
      relationTo: 'media',
      hasMany: true,
      maxDepth: 0,
      admin: { hidden: true },
      hooks: { beforeChange: [fillBodyMedia] },
    },
    feedIdField(),
    {
      name: 'searchText',
      type: 'textarea',
      admin: { hidden: true },
      hooks: { beforeChange: [fillSearchText] },
    },
  ],
}
