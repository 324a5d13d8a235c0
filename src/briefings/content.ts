/**
 * What a pre-briefing page shows of its release, and nothing of any other. The release itself is
 * read as published (its live version, not a newer draft) with access control off, at depth 0,
 * so no relationship is populated on the way: links in the body to other documents lose their
 * target (they lead to the home page) and images stay out. Partners and topics are read as an
 * anonymous reader would (they hide nothing); quotes only when they belong to this release or are
 * public, so a quote of another embargoed release never shows. Related releases, milestones,
 * images and the press kit are left out: they come with the public release.
 */
import type { Payload } from 'payload'

import { asPublic } from '@/data/payload'
import { type Contact, mergeContacts } from '@/lib/contacts'
import type { Partner, PressRelease, Quote, Topic } from '@/payload-types'

export type BriefingContent = {
  release: PressRelease
  partners: Partner[]
  topics: Topic[]
  quotes: Quote[]
  contacts: Contact[]
}

const ids = (list: unknown[] | null | undefined): number[] =>
  (list ?? [])
    .map((v) => (typeof v === 'object' && v ? (v as { id: number }).id : v))
    .filter((v): v is number => typeof v === 'number')

const inOrder = <T extends { id: number }>(order: number[], docs: T[]): T[] =>
  order.map((id) => docs.find((d) => d.id === id)).filter((d): d is T => Boolean(d))

export const briefingContent = async (payload: Payload, release: PressRelease): Promise<BriefingContent> => {
  const partnerIds = ids(release.partners)
  const topicIds = ids(release.topics)
  const quoteIds = ids(release.quotes)
  const none = { docs: [] as never[] }
  const [partners, topics, ownQuotes, publicQuotes] = await Promise.all([
    partnerIds.length
      ? payload.find({ collection: 'partners', where: { id: { in: partnerIds } }, depth: 0, limit: 100, ...asPublic })
      : none,
    topicIds.length
      ? payload.find({ collection: 'topics', where: { id: { in: topicIds } }, depth: 0, limit: 100, ...asPublic })
      : none,
    quoteIds.length
      ? payload.find({
          collection: 'quotes',
          where: {
            and: [{ id: { in: quoteIds } }, { release: { equals: release.id } }, { _status: { equals: 'published' } }],
          },
          depth: 0,
          limit: 100,
          draft: false,
          overrideAccess: true,
        })
      : none,
    quoteIds.length
      ? payload.find({ collection: 'quotes', where: { id: { in: quoteIds } }, depth: 0, limit: 100, ...asPublic })
      : none,
  ])
  const partnerDocs = inOrder(partnerIds, partners.docs as Partner[])
  const quoteDocs = inOrder(quoteIds, [...(ownQuotes.docs as Quote[]), ...(publicQuotes.docs as Quote[])])
  return {
    release,
    partners: partnerDocs,
    topics: inOrder(topicIds, topics.docs as Topic[]),
    quotes: quoteDocs,
    contacts: mergeContacts(
      release.mediaContacts ?? [],
      ...partnerDocs.map((p) => (p.mediaContacts ?? []).map((c) => ({ ...c, organization: c.organization || p.name }))),
    ),
  }
}
