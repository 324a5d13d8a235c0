import config from '@payload-config'

import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { privateAnswers } from '@/security/privateAnswers'

export const GET = privateAnswers(REST_GET(config))
export const POST = privateAnswers(REST_POST(config))
export const DELETE = privateAnswers(REST_DELETE(config))
export const PATCH = privateAnswers(REST_PATCH(config))
export const PUT = privateAnswers(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
