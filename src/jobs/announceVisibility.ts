import type { TaskConfig } from 'payload'

import { invalidatePublicContent } from '@/cache/publicContent'

/**
 * Runs on the jobs queue at the moment a published release becomes public by itself (its
 * embargo lifts or its future publish date arrives): public caches are revalidated by tag, so
 * pages and feeds show it without anyone touching the admin.
 */
export const announceVisibility: TaskConfig<'announceVisibility'> = {
  slug: 'announceVisibility',
  label: 'Release becomes public (embargo lift or publish date)',
  inputSchema: [
    { name: 'release', type: 'text', required: true },
    { name: 'at', type: 'date', required: true },
  ],
  retries: 3,
  handler: async ({ input, req }) => {
    invalidatePublicContent()
    req.payload.logger.info(`Release ${input.release} is public from ${input.at}: public caches revalidated`)
    return { output: {} }
  },
}
