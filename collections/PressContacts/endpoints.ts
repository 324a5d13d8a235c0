/**
 * `GET /api/press-contacts/export`: every press contact as JSON, with the pre-briefings each was
 * sent (release title, when, views, revoked), for editors and admins: what the newsroom holds
 * about a person, in one answer.
 */
import type { Endpoint } from 'payload'

import { isEditor } from '@/access/roles'
import type { PreBriefing, PressRelease } from '@/payload-types'

const NO_STORE = { 'Cache-Control': 'private, no-store' }

export const exportPressContacts: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!isEditor(req.user))
      return Response.json(
        { errors: [{ message: 'Only editors and admins can export press contacts.' }] },
        { status: req.user ? 403 : 401, headers: NO_STORE },
      )
    const [{ docs: contacts }, { docs: briefings }] = await Promise.all([
      req.payload.find({ collection: 'press-contacts', pagination: false, sort: 'name', depth: 0, req }),
      req.payload.find({ collection: 'pre-briefings', pagination: false, sort: 'createdAt', depth: 1, req }),
    ])
    const contactId = (b: PreBriefing) => (typeof b.contact === 'object' ? b.contact?.id : b.contact)
    const rows = contacts.map((c) => ({
      name: c.name,
      outlet: c.outlet ?? null,
      email: c.email,
      createdAt: c.createdAt,
      preBriefings: briefings
        .filter((b) => contactId(b) === c.id)
        .map((b) => ({
          release: typeof b.release === 'object' ? ((b.release as PressRelease | null)?.title ?? null) : b.release,
          sentAt: b.createdAt,
          views: b.views ?? 0,
          lastViewedAt: b.lastViewedAt ?? null,
          revokedAt: b.revokedAt ?? null,
        })),
    }))
    return Response.json(rows, {
      headers: { ...NO_STORE, 'Content-Disposition': 'attachment; filename="press-contacts.json"' },
    })
  },
}
