import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import config from '@payload-config'

import { cachedAnonymousReads } from '@/cache/apiReads'
import { boundedAnswers } from '@/security/boundedAnswers'
import { costlyQueriesAre400 } from '@/security/graphqlCost'
import { privateAnswers } from '@/security/privateAnswers'
import { problem, wellFormedBodies } from '@/security/wellFormedBodies'

import { inWriteFlow } from '../../../../../scripts/server/writeFlows.mjs'

const post = GRAPHQL_POST(config)

/**
 * An answer whose every error is a refusal of the request (Payload marks them with a 4xx
 * `extensions.statusCode`: a filter over its limits, a missing permission) and which has no data
 * goes out with that status instead of 200, as the GraphQL-over-HTTP spec allows.
 */
const refusedStatus = (text: string): number | null => {
  if (!text.includes('"statusCode":4')) return null
  try {
    const { data, errors } = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] }
    const statuses = (errors ?? []).map((e) => (e as { extensions?: { statusCode?: unknown } }).extensions?.statusCode)
    const noData = !data || Object.values(data).every((v) => v === null)
    const [first] = statuses
    return noData && typeof first === 'number' && first >= 400 && first < 500 && statuses.every((s) => s === first)
      ? first
      : null
  } catch {
    return null
  }
}

/** Payload's GraphQL route lets a refusal thrown while it reads the request escape as an empty 500. */
const refusalsAnswered = async (...args: Parameters<typeof post>): Promise<Response> => {
  try {
    const response = await post(...args)
    // graphql-http's own refusals (415 for a charset other than UTF-8, 405) have no body.
    if (response.status >= 400 && response.body === null) {
      const message =
        response.status === 415
          ? 'Send GraphQL requests as application/json in UTF-8 (charset=utf-8, or no charset).'
          : `The GraphQL request was refused (${response.status} ${response.statusText}).`
      return problem(response.status, message, Object.fromEntries(response.headers))
    }
    if (response.status !== 200) return response
    const text = await response.text()
    const status = refusedStatus(text)
    return new Response(text, { status: status ?? 200, headers: response.headers })
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (typeof status === 'number' && status >= 400 && status < 500) return problem(status, (error as Error).message)
    throw error
  }
}

// Each request is a flow of work, so its writes never wait for its own transaction (src/server/writeTurns.ts).
// Anonymous reads are cached with the public content and replayed by the server (src/cache/apiReads.ts).
export const POST = cachedAnonymousReads(
  'graphql',
  config,
  privateAnswers(
    boundedAnswers(
      wellFormedBodies(
        config,
        'graphql',
        costlyQueriesAre400((...args: Parameters<typeof post>) => inWriteFlow(() => refusalsAnswered(...args))),
      ),
    ),
  ),
)
export const GET = () =>
  problem(405, 'GraphQL requests are POSTed to /api/graphql as application/json.', { Allow: 'POST, OPTIONS' })
export const OPTIONS = REST_OPTIONS(config)
