/**
 * No REST or GraphQL answer is larger than `MAX_ANSWER_BYTES` (TRUST.md property 4): `GET
 * /api/quotes?depth=10&limit=100` used to answer 117 MB. Depth and page size are already bounded
 * for anonymous readers (src/security/publicQuery.ts) and GraphQL queries by their cost
 * (src/security/graphqlCost.ts); this is the last bound, for everyone, staff included: a JSON
 * answer over it is replaced by a 400 that says how large it was and what to ask for instead.
 * File downloads (`/api/media/file/…`) are not JSON and are left alone. Wraps the Next.js route
 * handlers of `/api`.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const boundedAnswers =
  <C>(handler: Handler<C>): Handler<C> =>
  async (request, context) => {
    const response = await handler(request, context)
    if (!response.body || !(response.headers.get('content-type') ?? '').includes('json')) return response
    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > 0 && declared <= MAX_ANSWER_BYTES) return response
    const body = new Uint8Array(await response.arrayBuffer())
    if (body.byteLength <= MAX_ANSWER_BYTES) {
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
    }
    const message = `The answer would be ${megabytes(body.byteLength)}, more than the ${megabytes(MAX_ANSWER_BYTES)} the API sends. Ask for a smaller limit, less depth, or select fewer fields.`
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    headers.delete('content-encoding')
    return Response.json({ errors: [{ name: 'AnswerTooLarge', message }] }, { status: 400, headers })
  }
