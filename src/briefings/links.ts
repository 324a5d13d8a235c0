/**
 * Sharing an embargoed release with press contacts, and taking it back. Each contact gets a link
 * of its own (src/briefings/tokens.ts) by mail (src/email/preBriefingMail.ts, through the jobs
 * queue, in the same transaction as the link); sending again to the same contact replaces the
 * previous link (it then answers 410). Every share and revocation is on the release's Activity tab.
 */
import type { PayloadRequest, Where } from 'payload'

import { releaseState } from '@/access/visibility'
import { queuePreBriefing } from '@/email/preBriefingMail'
import type { PreBriefing, PressContact, PressRelease, User } from '@/payload-types'
import { recordActivity } from '@/workflow/activity'

import { newBriefingToken } from './tokens'

export type ShareResult =
  | { ok: true; sent: { briefing: number; contact: number; email: string }[] }
  | { ok: false; status: number; message: string }

/** "Jane Doe (The Courant)", or the name alone. */
export const contactLabel = (c: Pick<PressContact, 'name' | 'outlet'>) =>
  c.outlet ? `${c.name} (${c.outlet})` : c.name

const activeWhere = (where: Where): Where => ({ and: [where, { revokedAt: { exists: false } }] })

/** Revokes every active link `where` selects; returns how many. */
export const revokeBriefings = async (req: PayloadRequest, where: Where, reason: string): Promise<number> => {
  const { docs } = await req.payload.update({
    collection: 'pre-briefings',
    where: activeWhere(where),
    data: { revokedAt: new Date().toISOString(), revokedReason: reason },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.length
}

/** Mails a personal link to each contact for an embargoed release. */
export const shareRelease = async (
  req: PayloadRequest,
  release: PressRelease,
  contactIds: number[],
): Promise<ShareResult> => {
  if (releaseState(release) !== 'embargoed' || release._status !== 'published') {
    return {
      ok: false,
      status: 409,
      message:
        'Only a published release with a future Embargo Until can be pre-briefed; this one is not (publish it with an embargo first).',
    }
  }
  const { docs: contacts } = await req.payload.find({
    collection: 'press-contacts',
    where: { id: { in: contactIds } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const missing = contactIds.filter((id) => !contacts.some((c) => c.id === id))
  if (missing.length) return { ok: false, status: 400, message: `No press contact with id ${missing.join(', ')}.` }
  const sentBy = req.user as (User & { collection: 'users' }) | null
  const sent: { briefing: number; contact: number; email: string }[] = []
  for (const contact of contacts) {
    await revokeBriefings(
      req,
      { and: [{ release: { equals: release.id } }, { contact: { equals: contact.id } }] },
      'replaced by a new link',
    )
    const { token, hash } = newBriefingToken()
    const briefing = await req.payload.create({
      collection: 'pre-briefings',
      data: {
        release: release.id,
        releaseTitle: release.title,
        contact: contact.id,
        sentBy: sentBy?.id ?? null,
        views: 0,
        tokenHash: hash,
      },
      overrideAccess: true,
      req,
    })
    await queuePreBriefing(req, { release, contact, token, sentBy: sentBy?.name ?? null })
    await recordActivity(req, {
      action: 'pre-briefed',
      doc: { id: release.id, title: release.title },
      detail: `to ${contactLabel(contact)}`,
    })
    sent.push({ briefing: briefing.id, contact: contact.id, email: contact.email })
  }
  return { ok: true, sent }
}

/** Revokes one link of a release; false when the release has no such link. */
export const revokeOne = async (req: PayloadRequest, release: PressRelease, briefingId: number): Promise<boolean> => {
  const { docs } = await req.payload.find({
    collection: 'pre-briefings',
    where: { and: [{ id: { equals: briefingId } }, { release: { equals: release.id } }] },
    limit: 1,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const briefing = docs[0] as PreBriefing | undefined
  if (!briefing) return false
  if (!briefing.revokedAt) {
    await revokeBriefings(req, { id: { equals: briefing.id } }, 'revoked by an editor')
    const contact = typeof briefing.contact === 'object' ? briefing.contact : null
    await recordActivity(req, {
      action: 'pre-briefing-revoked',
      doc: { id: release.id, title: release.title },
      detail: contact ? `link of ${contactLabel(contact)}` : null,
    })
  }
  return true
}

/** What the release's Pre-briefing tab lists. */
export const briefingsOf = async (req: PayloadRequest, releaseId: number) => {
  const { docs } = await req.payload.find({
    collection: 'pre-briefings',
    where: { release: { equals: releaseId } },
    sort: '-createdAt',
    pagination: false,
    depth: 1,
    overrideAccess: true,
    req,
  })
  return docs.map((b) => {
    const contact = typeof b.contact === 'object' ? b.contact : null
    const by = typeof b.sentBy === 'object' ? b.sentBy : null
    return {
      id: b.id,
      contact: contact
        ? { id: contact.id, name: contact.name, outlet: contact.outlet ?? null, email: contact.email }
        : null,
      sentAt: b.createdAt,
      sentBy: by?.name ?? null,
      views: b.views ?? 0,
      lastViewedAt: b.lastViewedAt ?? null,
      revokedAt: b.revokedAt ?? null,
      revokedReason: b.revokedReason ?? null,
    }
  })
}
