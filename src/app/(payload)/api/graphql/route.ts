import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import config from '@payload-config'

import { boundedAnswers } from '@/security/boundedAnswers'
import { costlyQueriesAre400 } from '@/security/graphqlCost'
import { privateAnswers } from '@/security/privateAnswers'

import { inWriteFlow } from '../../../../../scripts/server/writeFlows.mjs'

const post = GRAPHQL_POST(config)
// Each request is a flow of work, so its writes never wait for its own transaction (src/server/writeTurns.ts).
export const POST = privateAnswers(
  boundedAnswers(costlyQueriesAre400((...args: Parameters<typeof post>) => inWriteFlow(() => post(...args)))),
)
export const OPTIONS = REST_OPTIONS(config)
