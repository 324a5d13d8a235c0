/**
 * Where sign-off (./signOff.ts) is enforced: inside Payload's own create and update operations of
 * press releases, so it holds for REST, GraphQL, the local API with access control on, bulk
 * updates, a version restored as published, the admin's Publish button and a scheduled publish
 * when its job runs; and in front of
 * the admin's "Schedule publish" (`refuseUnsignedSchedule`, used by the admin's server functions
 * in src/app/(payload)/layout.tsx), which queues a job without any write to the release.
 *
 * Trusted code that runs with access control off (demo content, migrations, the system's own
 * jobs) is not held to it, as it is not held to any other access rule.
 */
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { isJointRelease, missingSignOffMessage, signOffStatus, textVersion } from './signOff'

declare module 'payload' {
  interface RequestContext {
    /** This create or update runs with access control on: joint releases need sign-off to publish. */
    signOffEnforced?: boolean
  }
}

export const rememberAccessControl: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  if (operation === 'create' || operation === 'update' || operation === 'restoreVersion')
    context.signOffEnforced = (args as { overrideAccess?: boolean }).overrideAccess !== true
  return args
}

const refuse = (message: string): never => {
  throw new APIError(message, 409, { errors: [{ path: 'partners', message }] }, true)
}

/**
 * A save that publishes a joint release (now, or scheduled by a future publish date) needs every
 * partner's sign-off of the text it publishes. Saving again the text that is already published
 * (a topic, an image, a correction note, a date) needs nothing new.
 */
export const requireSignOff: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  if (data._status !== 'published' || context.seeding || !context.signOffEnforced) return data
  const next = { ...(originalDoc ?? {}), ...data, id: originalDoc?.id ?? null }
  if (!isJointRelease(next)) return data
  if (operation === 'update' && originalDoc?.id !== undefined) {
    const live = (await req.payload.db.findOne({
      collection: 'press-releases',
      where: { id: { equals: originalDoc.id } },
      req,
    })) as Record<string, unknown> | null
    if (live?._status === 'published' && textVersion(live) === textVersion(next)) return data
  }
  const status = await signOffStatus(req.payload, next, req)
  if (status.missing.length) refuse(missingSignOffMessage(status))
  return data
}

type ScheduleArgs = { type?: string; doc?: { relationTo?: string; value?: string | number } }

/**
 * Before the admin queues a scheduled publish of a release: refused while a partner's sign-off of
 * the latest text is missing (the publish itself would be refused when the job runs, too).
 * Answers the refusal's message, or null when scheduling may go ahead.
 */
export const refuseUnsignedSchedule = async (req: PayloadRequest, args: ScheduleArgs): Promise<string | null> => {
  if (args.type === 'unpublish' || args.doc?.relationTo !== 'press-releases' || args.doc.value === undefined)
    return null
  const release = await req.payload.findByID({
    collection: 'press-releases',
    id: args.doc.value,
    draft: true,
    depth: 0,
    user: req.user,
    overrideAccess: false,
    disableErrors: true,
    req,
  })
  if (!release || !isJointRelease(release)) return null
  const status = await signOffStatus(req.payload, release as never, req)
  return status.missing.length ? missingSignOffMessage(status) : null
}
