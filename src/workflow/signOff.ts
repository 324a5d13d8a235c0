/**
 * Sign-off of joint releases: a release that lists two or more partners is published (or
 * scheduled) only once a designated approver of EACH listed partner (`partners.approvers`) has
 * approved its current text. A partner with no designated approver is signed off by an editor or
 * admin standing in for it, recorded as such, so nothing goes out in a partner's name without an
 * explicit, recorded approval.
 *
 * An approval is of one text: the fingerprint (`textVersion`) of the words published in the
 * partners' names, worked out the same way for the approver's screen, the approval and the
 * publish. Any later edit of that text gives a new fingerprint, and approvals of the old one no
 * longer count; an approval sent for a version that is no longer current is refused. The
 * decisions are entries of the audit trail (`release-activity`: `signed-off`,
 * `sign-off-refused`, with `partner` and `version`), so the trail is the one record of who
 * approved which version. They are taken through the review endpoint
 * (`POST /api/press-releases/:id/review` with `{"action":"approve"|"refuse","version",…}`,
 * src/workflow/takeReviewAction.ts) and enforced on every write by ./requireSignOff.ts.
 */
import { createHash } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { isEditor } from '@/access/roles'

/** The fields whose words a partner signs off: any change to one of them needs a new sign-off. */
export const SIGNED_FIELDS = [
  'title',
  'subtitle',
  'dateline',
  'summary',
  'body',
  'footnotes',
  'quotes',
  'partners',
] as const

export const SIGN_OFF_DECISIONS = ['signed-off', 'sign-off-refused'] as const

type Ref = number | string | { id: number | string } | null | undefined

const idOf = (ref: Ref): number | null => {
  const raw = typeof ref === 'object' && ref ? ref.id : ref
  const id = typeof raw === 'string' ? Number(raw) : raw
  return typeof id === 'number' && Number.isFinite(id) ? id : null
}

const ids = (refs: unknown): number[] =>
  Array.isArray(refs) ? refs.map((r) => idOf(r as Ref)).filter((id): id is number => id !== null) : []

/** The partners a release lists, each once, in order. */
export const partnerIdsOf = (doc: { partners?: unknown }): number[] => [...new Set(ids(doc.partners))]

export const isJointRelease = (doc: { partners?: unknown }) => partnerIdsOf(doc).length >= 2

/**
 * Rich text as what a reader sees: node types, words, formatting, heading levels, list kinds,
 * link targets and images; not the editor's bookkeeping (versions, direction, indents), which the
 * admin may rewrite on a save without changing a word.
 */
const readable = (node: unknown): unknown => {
  if (!node || typeof node !== 'object') return null
  const n = node as Record<string, unknown>
  const out: Record<string, unknown> = { type: n.type }
  if (typeof n.text === 'string') {
    out.text = n.text
    out.format = n.format ?? 0
  }
  if (n.tag) out.tag = n.tag
  if (n.listType) out.listType = n.listType
  if (n.fields && typeof n.fields === 'object') {
    const f = n.fields as Record<string, unknown>
    const doc = f.doc as { relationTo?: unknown; value?: Ref } | undefined
    out.link = [f.linkType ?? null, f.url ?? null, doc ? [doc.relationTo, idOf(doc.value)] : null]
  }
  if ('value' in n && n.type !== 'text') out.value = [n.relationTo ?? null, idOf(n.value as Ref)]
  if (Array.isArray(n.children)) out.children = n.children.map(readable)
  return out
}

type SignedDoc = Partial<Record<(typeof SIGNED_FIELDS)[number], unknown>> & Record<string, unknown>

/** What a partner signs off, as plain data (the quotes used and partners listed by id). */
export const signedText = (doc: SignedDoc) => ({
  title: String(doc.title ?? ''),
  subtitle: String(doc.subtitle ?? ''),
  dateline: String(doc.dateline ?? ''),
  summary: String(doc.summary ?? ''),
  body: doc.body && typeof doc.body === 'object' ? readable((doc.body as { root?: unknown }).root) : null,
  footnotes: Array.isArray(doc.footnotes)
    ? doc.footnotes.map((f: { marker?: unknown; text?: unknown }) => [String(f?.marker ?? ''), String(f?.text ?? '')])
    : [],
  quotes: ids(doc.quotes),
  partners: partnerIdsOf(doc).sort((a, b) => a - b),
})

/** The fingerprint of a release's signed text: 16 hex digits, the "version" an approver approves. */
export const textVersion = (doc: SignedDoc): string =>
  createHash('sha256')
    .update(JSON.stringify(signedText(doc)))
    .digest('hex')
    .slice(0, 16)

export type PartnerSignOff = {
  partner: { id: number; name: string }
  approvers: { id: number; name: string }[]
  /** No designated approver: an editor or admin signs off for the partner. */
  standIn: boolean
  state: 'approved' | 'refused' | 'missing'
  /** The decision that counts for the current version, if any. */
  by?: { id: number; name: string } | null
  at?: string | null
  comment?: string | null
}

export type SignOffStatus = {
  joint: boolean
  /** The current text's fingerprint. */
  version: string
  partners: PartnerSignOff[]
  /** The partners still without an approval of this version, by name. */
  missing: string[]
}

type User = { id: number; name?: string | null; role?: string | null }

/** Who may sign off for a partner: its designated approvers; without any, editors and admins. */
const maySignFor = (user: User | null | undefined, p: { approvers: { id: number }[]; standIn: boolean }) =>
  Boolean(user) &&
  (p.standIn ? isEditor({ ...user, collection: 'users' } as never) : p.approvers.some((a) => a.id === user!.id))

/**
 * Where a release stands: for each partner it lists, who may sign off, and the decision that
 * counts for the text's current version (the latest decision by someone who may still sign off
 * for that partner). `release` is the document as it is or is about to be saved.
 */
export const signOffStatus = async (
  payload: Payload,
  release: SignedDoc & { id?: number | string | null },
  req?: PayloadRequest,
): Promise<SignOffStatus> => {
  const version = textVersion(release)
  const partnerIds = partnerIdsOf(release)
  if (partnerIds.length < 2) return { joint: false, version, partners: [], missing: [] }
  const releaseId = idOf(release.id as Ref)
  const [{ docs: partners }, { docs: decisions }] = await Promise.all([
    payload.find({
      collection: 'partners',
      where: { id: { in: partnerIds } },
      depth: 0,
      limit: partnerIds.length,
      pagination: false,
      overrideAccess: true,
      req,
    }),
    releaseId === null
      ? Promise.resolve({ docs: [] as never[] })
      : payload.find({
          collection: 'release-activity',
          where: {
            and: [
              { release: { equals: releaseId } },
              { action: { in: [...SIGN_OFF_DECISIONS] } },
              { version: { equals: version } },
            ],
          },
          sort: '-createdAt',
          depth: 0,
          limit: 500,
          overrideAccess: true,
          req,
        }),
  ])
  const userIds = new Set<number>()
  for (const p of partners) for (const id of ids(p.approvers)) userIds.add(id)
  for (const d of decisions) if (idOf(d.user as Ref) !== null) userIds.add(idOf(d.user as Ref)!)
  const { docs: users } = userIds.size
    ? await payload.find({
        collection: 'users',
        where: { id: { in: [...userIds] } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const userById = new Map(users.map((u) => [u.id, u as User]))
  const named = (id: number) => ({ id, name: userById.get(id)?.name || `User ${id}` })
  const byId = new Map(partners.map((p) => [p.id, p]))

  const result: PartnerSignOff[] = partnerIds.map((id) => {
    const p = byId.get(id)
    const approvers = ids(p?.approvers)
      .filter((a) => userById.has(a))
      .map(named)
    const entry = { partner: { id, name: p?.name ?? `Partner ${id}` }, approvers, standIn: approvers.length === 0 }
    const decision = decisions.find(
      (d) => idOf(d.partner as Ref) === id && maySignFor(userById.get(idOf(d.user as Ref) ?? -1), entry),
    )
    if (!decision) return { ...entry, state: 'missing' as const }
    return {
      ...entry,
      state: decision.action === 'signed-off' ? ('approved' as const) : ('refused' as const),
      by: named(idOf(decision.user as Ref)!),
      at: decision.createdAt,
      comment: decision.comment ?? null,
    }
  })
  return {
    joint: true,
    version,
    partners: result,
    missing: result.filter((p) => p.state !== 'approved').map((p) => p.partner.name),
  }
}

/** The partners of a release `user` may sign off for (designated approver, or stand-in editor). */
export const partnersUserSignsFor = (status: SignOffStatus, user: User | null | undefined) =>
  status.partners.filter((p) => maySignFor(user, p))

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

/** The refusal of a publish or schedule, naming who is still missing. */
export const missingSignOffMessage = (status: SignOffStatus) =>
  `This joint release needs the sign-off of every partner it lists before it can be published or scheduled. ` +
  `Still missing for this version of the text (${status.version}): ${list(status.missing)}.`

export { list as listNames }
