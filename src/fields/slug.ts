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
  validate: (value: string | null | undefined) => {
    if (!value) return 'A slug is required (or a title to generate it from).'
    if (!SLUG_PATTERN.test(value)) return 'Use lower-case letters, digits and hyphens only.'
    return true
  },
})
