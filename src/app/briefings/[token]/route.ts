import { getPayload } from 'payload'

import { answerBriefing } from '@/briefings/answer'
import config from '@payload-config'

// Each request is answered afresh: a revoked link, or the embargo's lift, counts at once.
export const dynamic = 'force-dynamic'

/** A press contact's personal pre-briefing link (src/briefings/answer.ts says what it answers). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params
  return answerBriefing(await getPayload({ config }), token)
}
