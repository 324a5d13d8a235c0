import { getPayload, type Payload } from 'payload'

import config from '@payload-config'

/** The Payload instance for server code (pages, feeds). */
export const payload = (): Promise<Payload> => getPayload({ config })

/**
 * Options for local-API reads on public surfaces: as an anonymous reader, so the access rules,
 * and with them the visibility rule, apply.
 */
export const asPublic = { overrideAccess: false, user: null, draft: false } as const
