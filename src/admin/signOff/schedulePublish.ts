/**
 * The admin's "Schedule publish" server function, with the sign-off check of joint releases in
 * front of Payload's own (src/workflow/requireSignOff.ts): scheduling queues a job without a write
 * to the release, so no collection hook sees it. Wired in src/app/(payload)/layout.tsx.
 */
import {
  schedulePublishHandler,
  type SchedulePublishHandlerArgs,
} from '@payloadcms/ui/utilities/schedulePublishHandler'
import type { ServerFunction } from 'payload'

import { refuseUnsignedSchedule } from '@/workflow/requireSignOff'

export const schedulePublishWithSignOff: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const refusal = await refuseUnsignedSchedule(args.req, args)
  if (refusal) {
    args.req.payload.logger.info({ doc: args.doc }, `Scheduled publish refused: ${refusal}`)
    return { error: refusal }
  }
  return schedulePublishHandler(args)
}
