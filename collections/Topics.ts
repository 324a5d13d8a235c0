import type { CollectionConfig } from 'payload'

import { newsroomEditors } from '@/access/partnerScope'
import { anyone } from '@/access/roles'
import { slugField } from '@/fields/slug'
import { invalidatesPublicContent } from '@/hooks/invalidatePublicContent'
import { keepSlugHistory, previousSlugsField } from '@/slugs/history'

export const Topics: CollectionConfig = {
  slug: 'topics',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  // Topics are the newsroom's shared vocabulary: its own editors manage them, not partner staff.
  access: { read: anyone, create: newsroomEditors, update: newsroomEditors, delete: newsroomEditors },
  hooks: { ...invalidatesPublicContent, beforeChange: [keepSlugHistory] },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField('name'),
    previousSlugsField(),
    { name: 'description', type: 'textarea', maxLength: 500 },
  ],
}
