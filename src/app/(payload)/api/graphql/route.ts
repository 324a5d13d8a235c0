import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import config from '@payload-config'

import { privateAnswers } from '@/security/privateAnswers'

export const POST = privateAnswers(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
