/**
 * Embargoed pre-briefings of one release, for editors and admins (the release's Pre-briefing tab
 * uses them; src/briefings/ does the work):
 * - `GET  /api/press-releases/:id/pre-briefings`: the release's state and every link sent for it;
 * - `POST /api/press-releases/:id/pre-briefings` `{ "contacts": [id, …] }`: mails each press
 *   contact a personal link (409 unless the release is published under a future embargo);
 * - `POST /api/press-releases/:id/pre-briefings/:briefing/revoke`: the link answers 410 from now on.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { isEditor } from '@/access/roles'
import { releaseState } from '@/access/visibility'
import { briefingsOf, revokeOne, shareRelease } from '@/briefings/links'
import type { PressRelease } from '@/payload-types'

const NO_STORE = { 'Cache-Control': 'private, no-store' }
const problem = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: NO_STORE })

const MAX_CONTACTS = 200

/** The release of `:id` for an editor, or the answer to give instead. */
const releaseFor = async (req: PayloadRequest): Promise<PressRelease | Response> => {
  if (!req.user) return problem(401, 'Log in as an editor to manage pre-briefings.')
  if (!isEditor(req.user)) return problem(403, 'Only editors and admins can share embargoed releases.')
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id <= 0) return problem(400, 'The release id must be a positive whole number.')
  const release = (await req.payload.findByID({
    collection: 'press-releases',
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as PressRelease | null
  return release ?? problem(404, `There is no press release ${id}.`)
}

export const listPreBriefings: Endpoint = {
  path: '/:id/pre-briefings',
  method: 'get',
  handler: async (req) => {
    const release = await releaseFor(req)
    if (release instanceof Response) return release
    return Response.json(
      {
        state: releaseState(release),
        embargoUntil: release.embargoUntil ?? null,
        briefings: await briefingsOf(req, release.id),
      },
      { headers: NO_STORE },
    )
  },
}

export const sharePreBriefings: Endpoint = {
  path: '/:id/pre-briefings',
  method: 'post',
  handler: async (req) => {
    const release = await releaseFor(req)
    if (release instanceof Response) return release
    let body: unknown
    try {
      body = req.json ? await req.json() : undefined
    } catch {
      return problem(400, 'The request body is not valid JSON. Send {"contacts": [1, 2]}.')
    }
    const contacts = (body as { contacts?: unknown } | undefined)?.contacts
    if (
      !Array.isArray(contacts) ||
      contacts.length === 0 ||
      contacts.length > MAX_CONTACTS ||
      !contacts.every((c) => Number.isInteger(c) && (c as number) > 0)
    ) {
      return problem(400, `"contacts" must list 1 to ${MAX_CONTACTS} press-contact ids, e.g. {"contacts": [1, 2]}.`)
    }
    const result = await shareRelease(req, release, [...new Set(contacts as number[])])
    if (!result.ok) return problem(result.status, result.message)
    return Response.json(
      {
        message: `Pre-briefing queued for ${result.sent.length} ${result.sent.length === 1 ? 'contact' : 'contacts'}.`,
        sent: result.sent,
      },
      { status: 201, headers: NO_STORE },
    )
  },
}

export const revokePreBriefing: Endpoint = {
  path: '/:id/pre-briefings/:briefing/revoke',
  method: 'post',
  handler: async (req) => {
    const release = await releaseFor(req)
    if (release instanceof Response) return release
    const briefing = Number(req.routeParams?.briefing)
    if (!Number.isInteger(briefing) || briefing <= 0)
      return problem(400, 'The link id must be a positive whole number.')
    if (!(await revokeOne(req, release, briefing)))
      return problem(404, `Release ${release.id} has no link ${briefing}.`)
    return Response.json({ message: 'Link revoked: it answers 410 Gone from now on.' }, { headers: NO_STORE })
  },
}

export const preBriefingEndpoints = [listPreBriefings, sharePreBriefings, revokePreBriefing]
