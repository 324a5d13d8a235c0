import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * The change log behind every public cache (src/cache/changes.ts): one row per change anonymous
 * readers may notice (a publish, edit, unpublish or delete; a scheduled publish or embargo lift),
 * written in the change's own transaction, so it appears to every instance exactly when the
 * change commits. Instances read the last few minutes of it twice a second (hence the `createdAt`
 * index Payload keeps); rows older than an hour are pruned. Not shown in the admin and closed to
 * every API; only the server's own code writes it.
 */
export const PublicChanges: CollectionConfig = {
  slug: 'public-changes',
  labels: { singular: 'Public change', plural: 'Public changes' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    // What changed: a collection slug and a document id (none for changes that are not one document).
    { name: 'collectionSlug', type: 'text', required: true },
    { name: 'documentId', type: 'text' },
    { name: 'reason', type: 'select', required: true, options: ['change', 'delete', 'scheduled'] },
  ],
}
