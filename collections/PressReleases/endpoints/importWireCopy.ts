import { type Endpoint, type PayloadRequest } from 'payload'

import { isStaff } from '@/access/roles'
import { importRelease } from '@/import/wireCopy/importRelease'
import { WireCopyError } from '@/import/wireCopy/parse'

/** Wire copy is text; a megabyte is far more than any release and bounds what is read. */
const MAX_BODY_BYTES = 1024 * 1024

const problem = (status: number, message: string, data?: unknown) =>
  Response.json(
    { errors: [{ message, ...(data ? { data } : {}) }] },
    { status, headers: { 'Cache-Control': 'no-store' } },
  )

/** `{ "text": "…", "title"?: "…" }` as JSON, or the text itself as text/plain. */
const readInput = async (req: PayloadRequest): Promise<{ text: unknown; title?: unknown }> => {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('application/json')) {
    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      throw new WireCopyError('The request body is not valid JSON: send {"text": "…"}.')
    }
    if (!body || typeof body !== 'object' || !('text' in body)) {
      throw new WireCopyError('The JSON body needs a "text" field holding the pasted wire copy.')
    }
    const { text, title } = body as { text: unknown; title?: unknown }
    if (typeof text !== 'string') throw new WireCopyError('"text" must be a string holding the pasted wire copy.')
    if (title !== undefined && title !== null && typeof title !== 'string')
      throw new WireCopyError('"title", when given, must be a string.')
    return { text, title }
  }
  if (type.startsWith('text/plain') || !type) return { text: (await req.text?.()) ?? '' }
  throw new WireCopyError(
    `Send the wire copy as application/json ({"text": "…"}) or text/plain, not ${type.split(';')[0]}.`,
  )
}

/**
 * `POST /api/press-releases/import`: staff paste wire copy, get a draft release back.
 * 201 with the release and what was extracted; 401/403 for anonymous or non-staff callers;
 * 400 naming the problem for empty or unusable text; 413 for an oversized body.
 */
export const importWireCopy: Endpoint = {
  path: '/import',
  method: 'post',
  // It takes text/plain as well as JSON (src/security/wellFormedBodies.ts leaves its body to it).
  custom: { readsOwnBody: true },
  handler: async (req) => {
    if (!req.user) return problem(401, 'Log in to import wire copy.')
    if (!isStaff(req.user)) return problem(403, 'Only newsroom staff may import wire copy.')
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      return problem(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB; wire copy is plain text.`)
    }
    try {
      const { text, title } = await readInput(req)
      const result = await importRelease({ text, title, req })
      return Response.json(result, {
        status: 201,
        headers: {
          'Cache-Control': 'no-store',
          Location: `${req.payload.config.routes.api}/press-releases/${result.release.id}`,
        },
      })
    } catch (error) {
      if (error instanceof WireCopyError) return problem(400, error.message)
      const status = (error as { status?: number }).status
      if (status && status >= 400 && status < 500) {
        return problem(status, (error as Error).message, (error as { data?: unknown }).data)
      }
      req.payload.logger.error({ msg: 'Wire-copy import failed', err: error })
      return problem(
        500,
        'The import failed on the server; nothing was saved. Try again, or report the text that failed.',
      )
    }
  },
}
