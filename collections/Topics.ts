import type { CollectionConfig } from 'payload'

import { anyone, editors } from '@/access/roles'
import { slugField } from '@/fields/slug'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'

export const Topics: CollectionConfig = {
  slug: 'topics',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  hooks: invalidatesPublicContent,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 500 },
  ],
}
