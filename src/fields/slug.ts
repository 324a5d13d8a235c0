import type { TextField } from 'payload'

import { SLUG_PATTERN, slugify } from '@/lib/slugify'

/**
 * A unique, URL-safe slug generated from `sourceField` when left empty, and editable.
 * Typed slugs are normalised too, so "My Release!" is stored as "my-release".
 */
type SlugSource = string | ((data: Record<string, unknown>) => string | undefined)

export const slugField = (source: SlugSource = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  index: true,
  unique: true,
  // Not `required` in the schema: the hook fills it in, and `validate` refuses an empty one.
  admin: {
    position: 'sidebar',
    description: `Used in the URL. Generated from the ${typeof source === 'string' ? source : 'content'} when left empty.`,
  },
  hooks: {
    beforeValidate: [
      ({ value, data, originalDoc }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        const merged = { ...(originalDoc ?? {}), ...(data ?? {}) }
        const from = typeof source === 'string' ? merged[source] : source(merged)
        return typeof from === 'string' && from.trim() ? slugify(from) : value
      },
    ],
  },
  validate: (
    value: string | null | undefined,
    { data, req }: { data?: { _status?: string | null }; req?: { context?: { draftSave?: boolean } } },
  ) => {
    // A draft may have no title yet, so no slug (src/fields/requiredToPublish.ts); publishing needs one.
    const lenient = req?.context?.draftSave ?? data?._status === 'draft'
    if (!value) return lenient ? true : 'A slug is required (or a title to generate it from).'
    if (!SLUG_PATTERN.test(value)) return 'Use lower-case letters, digits and hyphens only.'
    return true
  },
})
