import type { SanitizedConfig } from 'payload'

import { queryProblem } from '../../scripts/server/queryParams.mjs'

/**
 * Request bodies Payload cannot read are refused with a 4xx that names the problem, before
 * Payload tries: it answered a body that is not JSON or form data on a REST write with a bare 500
 * (its data stayed undefined), a form whose `_payload` field is not JSON with a 500, and GraphQL
 * with malformed JSON or another content type with an empty 500 or 415. Wraps the Next.js route
 * handlers of `/api` (REST and GraphQL). Sizes and missing multipart boundaries are refused earlier,
 * by the production server (scripts/server/requestGuards.mjs).
 *
 * An endpoint that reads its own body (the wire-copy import takes text/plain) says so with
 * `custom: { readsOwnBody: true }`, and is left to do so.
 */

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response
export type BodiesRead = 'rest' | 'graphql'

const WRITES = new Set(['POST', 'PATCH', 'PUT'])

export const problem = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

const hasBody = (request: Request): boolean =>
  request.body !== null &&
  (request.headers.has('transfer-encoding') || Number(request.headers.get('content-length') ?? 0) > 0)

const mediaType = (request: Request): string =>
  (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()

const named = (type: string) => (type ? type : 'a body without a Content-Type')

const notJson = (text: string): string | null => {
  try {
    JSON.parse(text)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

type OwnReader = { method: string; pattern: RegExp }
const readsOwnBody = (e: { custom?: Record<string, unknown> }) => e.custom?.readsOwnBody === true

/** `/api/{collection}{path}` and `/api{path}` of the endpoints that read their own bodies, as patterns. */
const ownEndpoints = (config: SanitizedConfig): OwnReader[] => {
  const api = config.routes.api
  const pattern = (path: string) =>
    new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+')}/?$`)
  return [
    ...(config.endpoints || [])
      .filter(readsOwnBody)
      .map((e) => ({ method: e.method, pattern: pattern(`${api}${e.path}`) })),
    ...config.collections.flatMap((c) =>
      (c.endpoints || [])
        .filter(readsOwnBody)
        .map((e) => ({ method: e.method, pattern: pattern(`${api}/${c.slug}${e.path}`) })),
    ),
  ]
}

/** A read sent as a POST, its query in the body (Payload's admin does this for long queries). */
const readOverride = (request: Request): boolean =>
  request.method === 'POST' &&
  (request.headers.get('x-payload-http-method-override') === 'GET' ||
    request.headers.get('x-http-method-override') === 'GET')

/** The answer to a body Payload cannot read, or null. */
const bodyProblem = async (request: Request, reads: BodiesRead): Promise<Response | null> => {
  if (!WRITES.has(request.method) || !hasBody(request)) return null
  const type = mediaType(request)
  if (reads === 'rest' && readOverride(request) && type === 'application/x-www-form-urlencoded') {
    const message = queryProblem(new URLSearchParams(await request.clone().text()))
    return message ? problem(400, message) : null
  }
  if (type === 'application/json') {
    const text = await request.clone().text()
    const error = text.trim() ? notJson(text) : null
    return error ? problem(400, `The request body is not valid JSON (${error}).`) : null
  }
  if (reads === 'graphql') {
    return problem(
      415,
      `Send GraphQL requests as application/json ({"query": "…", "variables": {…}}), not ${named(type)}.`,
      { 'Accept-Post': 'application/json' },
    )
  }
  if (type === 'multipart/form-data') {
    let form: FormData
    try {
      form = await request.clone().formData()
    } catch (error) {
      return problem(400, `The multipart/form-data body cannot be read (${(error as Error).message}).`)
    }
    const data = form.get('_payload')
    const error = typeof data === 'string' ? notJson(data) : null
    return error ? problem(400, `The form field "_payload" must hold the document as JSON (${error}).`) : null
  }
  return problem(415, `The API reads request bodies as application/json or multipart/form-data, not ${named(type)}.`, {
    'Accept-Post': 'application/json, multipart/form-data',
  })
}

/** Refuses unreadable bodies for `handler`, a REST or GraphQL route handler of `config`. */
export const wellFormedBodies = <C>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  reads: BodiesRead,
  handler: Handler<C>,
): Handler<C> => {
  let own: Promise<OwnReader[]> | undefined
  return async (request, context) => {
    if (reads === 'rest') {
      own ??= (async () => ownEndpoints((await config) as SanitizedConfig))()
      const { pathname } = new URL(request.url)
      const method = request.method.toLowerCase()
      if ((await own).some((e) => e.method === method && e.pattern.test(pathname))) return handler(request, context)
    }
    return (await bodyProblem(request, reads)) ?? handler(request, context)
  }
}
