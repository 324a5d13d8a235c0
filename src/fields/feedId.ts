import { randomUUID } from 'node:crypto'

import type { TextField } from 'payload'

/**
 * The permanent id feed readers and calendars know an entry by (RSS guid, Atom id, JSON Feed
 * id, iCalendar UID). Minted once when the document is created and never changed afterwards,
 * so moving the newsroom to another domain (SITE_URL) or editing a slug shows readers nothing
 * new. No API may set or change it (field access), and a duplicate gets its own. Documents that
 * existed before this field keep the id they were published with (the backfill migration).
 */
export const mintFeedId = (): string => `urn:uuid:${randomUUID()}`

export const feedIdField = (mint: () => string = mintFeedId): TextField => ({
  name: 'feedId',
  type: 'text',
  unique: true,
  index: true,
  access: { create: () => false, update: () => false },
  admin: { hidden: true },
  hooks: {
    beforeChange: [
      ({ operation, originalDoc, value }) => {
        if (operation === 'create') return mint()
        const kept = (originalDoc as { feedId?: string | null } | undefined)?.feedId
        return kept || value || mint()
      },
    ],
  },
})
