import type { CollectionConfig } from 'payload'

import { anyone, editors } from '@/access/roles'
import { slugField } from '@/fields/slug'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { keepSlugHistory, previousSlugsField } from '@/slugs/history'

export const Topics: CollectionConfig = {
  slug: 'topics',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  hooks: { ...invalidatesPublicContent, beforeChange: [keepSlugHistory] },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField('name'),
    previousSlugsField(),
    { name: 'description', type: 'textarea', maxLength: 500 },
  ],
}
