/**
 * Drafts and review for every collection whose documents the public reads: press releases,
 * quotes, milestones and events get the same pieces from here, so one mechanism holds for all
 * of them (TRUST.md, "contributor"):
 *
 * - access: staff read drafts and versions; contributors write drafts only (`writeDrafts`);
 * - hooks: a contributor's save on a published document becomes a draft version on top of it,
 *   its slug and publish dates keep the published values (./contributorWrites.ts), readers who
 *   are not staff never get drafts (./keepDraftsFromReaders.ts), the review fields change only
 *   through review and publishing (./keepReviewState.ts), every action goes to the audit trail
 *   (./recordActivityHooks.ts);
 * - the review fields in the sidebar, the "Submit for review" / "Send back" controls and the
 *   review endpoint `POST /api/{collection}/:id/review` (./reviewEndpoint.ts).
 *
 * Each collection spreads these into its config beside its own hooks and fields.
 */
import type { CollectionConfig, Field } from 'payload'

import { versionsInScope, withinPartnerScope } from '@/access/partnerScope'
import { writeDrafts } from '@/access/releases'
import { editors, staff, staffField } from '@/access/roles'

import type { ReviewedCollection } from './activity'
import { editorsOnceLive, keepContributorWritesDraft, pinPublicFields } from './contributorWrites'
import { keepDraftsFromReaders } from './keepDraftsFromReaders'
import { keepReviewState } from './keepReviewState'
import { recordChange, recordDeletion } from './recordActivityHooks'
import { REVIEW_LABELS, REVIEW_STATES } from './review'
import { reviewEndpoint } from './reviewEndpoint'
import { rememberDraftSave } from './writeContext'

/** Internal workflow fields: never in public API answers. */
const staffOnly = { read: staffField }

/**
 * Access for a reviewed collection, given who may read its published documents. Partner staff
 * keep their role's powers only over what involves their partners (src/access/partnerScope.ts;
 * what they create is checked by its `keepInPartnerScope` hook, since create access has no document).
 */
export const reviewedAccess = (
  collection: ReviewedCollection,
  read: NonNullable<CollectionConfig['access']>['read'],
) => ({
  read,
  readVersions: versionsInScope(collection, staff),
  create: writeDrafts,
  update: withinPartnerScope(collection, writeDrafts),
  delete: withinPartnerScope(collection, editors),
})

/** Hooks every reviewed collection runs, in this order before and after its own. */
export const reviewHooks = {
  beforeOperation: [keepContributorWritesDraft, rememberDraftSave, keepDraftsFromReaders],
  /** First, so the collection's own hooks see the pinned public fields. */
  beforeChange: [pinPublicFields],
  /** Last, so a publish (whatever the collection's own hooks made of it) approves the review. */
  beforeChangeLast: [keepReviewState],
  afterChange: [recordChange],
  afterDelete: [recordDeletion],
}

export const reviewEndpoints = (collection: ReviewedCollection) => [reviewEndpoint(collection)]

/** Review buttons beside the document controls, and where the document stands at its top. */
export const reviewComponents = {
  edit: { beforeDocumentControls: ['@/admin/review/ReviewControls#ReviewControls'] },
}

export const reviewStatusBannerField: Field = {
  name: 'statusBanner',
  type: 'ui',
  admin: { components: { Field: '@/admin/review/ReleaseStatusBanner#ReleaseStatusBanner' } },
}

/** Who did what to the document, newest first (the releases show it on their Activity tab). */
export const auditTrailField: Field = {
  name: 'auditTrail',
  type: 'ui',
  admin: { components: { Field: '@/admin/review/AuditTrail#AuditTrail' } },
}

/** The slug of a published document changes only by an editor's publish. */
export const lockedOnceLive = <F extends Field>(field: F): F =>
  ({ ...field, access: { ...('access' in field ? field.access : {}), update: editorsOnceLive } }) as F

export const reviewFields: Field[] = [
  {
    name: 'reviewStatus',
    label: 'Review',
    type: 'select',
    index: true,
    defaultValue: 'in_progress',
    access: staffOnly,
    options: REVIEW_STATES.map((value) => ({ value, label: REVIEW_LABELS[value] })),
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: 'Changed with “Submit for review”, “Send back” and Publish.',
    },
  },
  {
    name: 'reviewComment',
    label: 'Editor’s comment',
    type: 'textarea',
    access: staffOnly,
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.reviewComment) },
  },
  {
    name: 'submittedBy',
    type: 'relationship',
    relationTo: 'users',
    access: staffOnly,
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.submittedBy) },
  },
  {
    name: 'submittedAt',
    type: 'date',
    access: staffOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Boolean(data?.submittedAt),
      date: { pickerAppearance: 'dayAndTime' },
    },
  },
]

/** Drafts and versions for quotes, milestones and events (releases add autosave and scheduling). */
export const reviewedVersions = { maxPerDoc: 50, drafts: true } as const
