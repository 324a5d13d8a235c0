import type { Endpoint } from 'payload'

import type { ReviewedCollection } from './activity'
import { takeReviewAction } from './takeReviewAction'

const error = (status: number, message: string, field?: string) =>
  Response.json(
    { errors: [{ message, ...(field ? { data: { errors: [{ path: field, message }] } } : {}) }] },
    { status },
  )

/**
 * `POST /api/{collection}/:id/review` with `{ "action": "submit" | "withdraw" | "send-back",
 * "comment"?: string }`, on releases, quotes, milestones and events alike. Contributors submit
 * and withdraw; editors also send back, with a comment saying what to change. Publishing and
 * scheduling are Payload's own publish controls, which only editors have. On a joint release a
 * partner's approver signs off with `{ "action": "approve", "version" }` or refuses with
 * `{ "action": "refuse", "version", "comment" }`; the answer then carries `signOff`, where the
 * release stands (src/workflow/signOff.ts).
 */
export const reviewEndpoint = (collection: ReviewedCollection): Endpoint => ({
  path: '/:id/review',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(401, 'Log in to take review actions.')
    let body: unknown
    try {
      body = req.json ? await req.json() : undefined
    } catch {
      return error(400, 'The request body is not valid JSON. Send an object such as {"action":"submit"}.')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return error(400, 'Send a JSON object such as {"action":"submit"}.')
    const { action, comment, version } = body as Record<string, unknown>
    const result = await takeReviewAction(req, collection, req.routeParams?.id as string, action, comment, { version })
    if (!result.ok) return error(result.status, result.message, result.field)
    const { id, reviewStatus, reviewComment } = result.doc
    return Response.json({
      message: result.signOff ? 'Sign-off recorded.' : 'Review state updated.',
      id,
      reviewStatus,
      reviewComment: reviewComment ?? null,
      ...(result.signOff ? { signOff: result.signOff } : {}),
    })
  },
})
