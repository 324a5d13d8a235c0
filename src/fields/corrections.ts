/**
 * Public corrections on a release: a dated note readers see at the top of the page, in JSON-LD
 * and in every feed (src/lib/corrections.ts). Only editors and admins add or change them; a
 * contributor's draft keeps the published ones (src/workflow/contributorWrites.ts), and the
 * release's public date never moves for one (src/access/visibility.ts).
 */
import { type DateFieldValidation, type Field, validations } from 'payload'

import { editorsField } from '@/access/roles'

/** A few minutes' grace for clocks: a correction is dated when it was made, never ahead. */
const GRACE_MS = 5 * 60 * 1000

const notInTheFuture: DateFieldValidation = (value, args) =>
  value && Date.parse(String(value)) > Date.now() + GRACE_MS
    ? 'A correction cannot be dated in the future.'
    : validations.date(value, args)

export const correctionsField = (): Field => ({
  name: 'corrections',
  type: 'array',
  labels: { singular: 'Correction', plural: 'Corrections' },
  access: { create: editorsField, update: editorsField },
  admin: {
    description:
      'A public note for each correction of a published release, e.g. “the designation excludes two locations”. Shown at the top of the page and in the feeds as an update; the release date stays as it is. Editors only.',
    initCollapsed: false,
  },
  fields: [
    {
      name: 'date',
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString(),
      validate: notInTheFuture,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'note',
      type: 'textarea',
      required: true,
      maxLength: 600,
      admin: { description: 'What was wrong and what is right, in a sentence or two.' },
    },
  ],
})
