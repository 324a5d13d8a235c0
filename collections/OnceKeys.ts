import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * The claims behind `once()` (src/jobs/once.ts): one row per effect that must happen exactly
 * once (a release becoming public, a webhook delivery, a notification). The unique index on `key`
 * is what makes a second job runner, or a retry, find the effect already claimed. Not shown in
 * the admin and closed to every API; only the server's own code writes it.
 */
export const OnceKeys: CollectionConfig = {
  slug: 'once-keys',
  labels: { singular: 'Once key', plural: 'Once keys' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'state', type: 'select', required: true, defaultValue: 'done', options: ['claimed', 'done'] },
    // Only for claims on effects outside the database: after this moment a holder that never
    // finished (its process died) may be replaced.
    { name: 'leaseUntil', type: 'date' },
  ],
}
