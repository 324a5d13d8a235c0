/**
 * Derived content follows its release (src/access/visibility.ts): a quote chosen or created from
 * within a release ("Quotes used", the drawer included) belongs to that release unless staff say
 * otherwise, so a quote written for an embargoed or draft release is not public before it.
 *
 * On every save of a release (autosave and drafts included, so the quote is tied at once), each
 * quote newly added to "Quotes used" whose "From release" is empty gets this release. Quotes
 * staff tied to another release, or cleared after this, are left as they are: only the moment of
 * choosing claims a quote.
 *
 * Who saves decides what may be claimed, so that no contributor changes an anonymous answer: a
 * contributor's release claims only quotes that are not published (their drafts, say), which
 * nothing public shows; an editor's (or the system's) claims published ones too, hiding them
 * until the release is public; partner staff claim only quotes of their partners. Milestones need no hook: the release's "Milestones announced" is
 * a join on the milestone's own "Announced in", which the admin fills when a milestone is made
 * from there.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { involvesWhere, partnerIdsOf } from '@/access/partnerScope'
import { isEditor, isStaff } from '@/access/roles'
import { recordPublicChange } from '@/cache/changes'

type Id = number | string

const idsOf = (value: unknown): Id[] =>
  Array.isArray(value)
    ? value
        .map((v) => (v && typeof v === 'object' ? (v as { id?: Id }).id : (v as Id)))
        .filter((v): v is Id => v !== undefined && v !== null)
    : []

/** Ties one quote to the release, leaving what the public sees of it otherwise as it was. */
const claim = async (req: PayloadRequest, quote: { id: Id; _status?: string | null }, release: Id) => {
  const common = { collection: 'quotes', id: quote.id, overrideAccess: true, depth: 0, req } as const
  const data = { release: release as number }
  if (quote._status !== 'published') {
    // Nothing public reads an unpublished quote: its latest version gets the release, and the
    // editor's publish of it carries the release into the published document.
    await req.payload.update({ ...common, data, draft: true })
    return
  }
  const latest = await req.payload.findByID({ ...common, draft: true, select: { _status: true } })
  if (latest._status === 'published') {
    // Saved as published again: the same words, now tied to the release.
    await req.payload.update({ ...common, data })
    return
  }
  // A draft waits on top of the published quote: both get the release, and the draft stays a draft.
  await req.payload.db.updateOne({ collection: 'quotes', id: quote.id, data, req })
  await req.payload.update({ ...common, data, draft: true })
  await recordPublicChange(req, { collection: 'quotes', document: quote.id, reason: 'change' })
}

export const claimQuotesUsed: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const before = new Set((operation === 'create' ? [] : idsOf(previousDoc?.quotes)).map(String))
  const added = idsOf(doc.quotes).filter((id) => !before.has(String(id)))
  if (!added.length) return doc
  // Staff who are not editors are contributors; no user is the system (importer, jobs, scripts).
  const mayClaimPublished = !req.user || !isStaff(req.user) || isEditor(req.user)
  // Partner staff claim only quotes that involve their partners: choosing another partner's quote
  // in their release does not tie it to their release.
  const scope = partnerIdsOf(req.user)
  const { docs } = await req.payload.find({
    collection: 'quotes',
    where: {
      and: [
        { id: { in: added } },
        { release: { exists: false } },
        ...(mayClaimPublished ? [] : [{ _status: { not_equals: 'published' } }]),
        ...(scope ? [involvesWhere.quotes(scope)] : []),
      ],
    },
    select: { _status: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const quote of docs) await claim(req, quote, doc.id)
  return doc
}

/** The admin's edit view of one release: `/admin/collections/press-releases/{id}`. */
const RELEASE_EDITOR = /\/admin\/collections\/press-releases\/(\d+)(?:[/?#]|$)/

/**
 * A quote made in a release's "Quotes used" drawer belongs to that release from its first save,
 * not only from the release's next save: an editor may publish the quote in the drawer before the
 * release form saves again, and it must not be public for that moment. The drawer posts from the
 * release's edit view, so the request's same-origin `Referer` names the release (the site sends
 * `strict-origin-when-cross-origin`, which keeps the path on same-origin requests). Staff who want
 * the quote free of the release clear "From release" afterwards.
 */
export const claimQuoteMadeInRelease: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !isStaff(req.user) || (data && data.release)) return data
  const referer = req.headers?.get?.('referer')
  const host = req.headers?.get?.('host') ?? (req.url ? new URL(req.url).host : null)
  if (!referer || !host) return data
  let url: URL
  try {
    url = new URL(referer)
  } catch {
    return data
  }
  if (url.host !== host) return data
  const match = RELEASE_EDITOR.exec(url.pathname)
  if (!match) return data
  const release = await req.payload.findByID({
    collection: 'press-releases',
    id: Number(match[1]),
    depth: 0,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
    select: { title: true },
    req,
  })
  return release ? { ...data, release: release.id } : data
}
