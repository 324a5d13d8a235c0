/** Finds the subscription behind a preferences/unsubscribe link (for the endpoints and the preferences page). */
import type { Payload } from 'payload'

import type { Subscriber } from '@/payload-types'

import { idInManageToken, manageTokenMatches } from './tokens'

/** The subscription a manage token names, when the token is genuine (and the subscription still exists). */
export const subscriptionOfToken = async (req: { payload: Payload }, token: string) => {
  const id = idInManageToken(token)
  if (id === null) return null
  const sub = (await req.payload.findByID({
    collection: 'subscribers',
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })) as Subscriber | null
  return sub && manageTokenMatches(req.payload.secret, token, sub) ? sub : null
}
