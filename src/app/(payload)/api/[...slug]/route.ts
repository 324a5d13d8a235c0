import config from '@payload-config'

import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { cachedAnonymousReads } from '@/cache/apiReads'
import { boundedAnswers } from '@/security/boundedAnswers'
import { privateAnswers } from '@/security/privateAnswers'
import { wellFormedBodies } from '@/security/wellFormedBodies'

import { inWriteFlow } from '../../../../../scripts/server/writeFlows.mjs'

// Each request is a flow of work, so its writes never wait for its own transaction (src/server/writeTurns.ts).
const ownFlow =
  <A extends unknown[], R>(handler: (...args: A) => R) =>
  (...args: A): R =>
    inWriteFlow(() => handler(...args))

// Anonymous reads are cached with the public content and replayed by the server (src/cache/apiReads.ts).
export const GET = cachedAnonymousReads('rest', config, privateAnswers(boundedAnswers(ownFlow(REST_GET(config)))))
export const POST = privateAnswers(boundedAnswers(wellFormedBodies(config, 'rest', ownFlow(REST_POST(config)))))
export const DELETE = privateAnswers(boundedAnswers(ownFlow(REST_DELETE(config))))
export const PATCH = privateAnswers(boundedAnswers(wellFormedBodies(config, 'rest', ownFlow(REST_PATCH(config)))))
export const PUT = privateAnswers(boundedAnswers(wellFormedBodies(config, 'rest', ownFlow(REST_PUT(config)))))
export const OPTIONS = REST_OPTIONS(config)
