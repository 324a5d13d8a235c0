/**
 * Imports pasted wire copy as a draft press release, with its quotes, through the local API as
 * the requesting user (access control on). Nothing is published: the release and everything
 * tied to it stay hidden until an editor publishes the release.
 *
 * Partner profiles have no drafts (they are public as saved), so an "About X" for an
 * organisation without a profile creates none: it is proposed in the result and kept in the
 * body under its heading, so no text of the release is lost.
 */
import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { validateHttpUrl } from '@/fields/url'
import { slugify } from '@/lib/slugify'
import type { Partner, PressRelease, Quote } from '@/payload-types'
import { richTextToPlainText } from '@/richText/plainText'

import type { Boilerplate } from './boilerplates'
import { toLexical, type BodyNode } from './lexical'
import { parseWireCopy, WireCopyError, type ParsedRelease } from './parse'
import { matchPartner, nameKey } from './partners'

export type ImportOptions = {
  text: unknown
  /** A headline to use instead of the one found in the text. */
  title?: unknown
  /** Carries the user the import acts as (and the transaction). */
  req: PayloadRequest
  /** Only for the command line without `--as`: act as the system. Still creates drafts only. */
  overrideAccess?: boolean
}

type PartnerSummary = { id: number | string; name: string; slug?: string | null }

export type ImportResult = {
  release: { id: number | string; slug: string; title: string; status: 'draft'; adminUrl: string }
  extracted: {
    title: string
    titleFrom: ParsedRelease['titleFrom']
    subtitle?: string
    summary: string
    dateline?: string
    date?: string
    distributor?: string
    paragraphs: number
    headings: number
    lists: { items: number }[]
    footnotes: ParsedRelease['footnotes']
    sourceLine?: string
    contacts: ParsedRelease['contacts']
    repeatsRemoved: number
    ignored: string[]
  }
  quotes: {
    id: number | string
    slug: string
    speakerName: string
    speakerTitle?: string
    speakerOrganization?: string
    partner?: PartnerSummary
    text: string
  }[]
  partners: {
    /** Linked to the release: named in an "About" section or as a speaker's organisation. */
    linked: (PartnerSummary & { via: 'about' | 'quote'; aboutDiffers?: boolean })[]
    /** "About" sections with no matching profile: an admin may create these partners. */
    proposed: { name: string; slug: string; about: string[] }[]
  }
  warnings: string[]
}

const QUOTE_MAX = 2000
const SLUG_ROOT_MAX = 88

const sameWords = (a: string, b: string) => nameKey(a) === nameKey(b)

/** A slug from whole words, short enough that "-2" still fits the slug field's 96 characters. */
const slugRoot = (source: string): string => {
  const slug = slugify(source)
  if (slug.length <= SLUG_ROOT_MAX) return slug
  const cut = slug.slice(0, SLUG_ROOT_MAX + 1)
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, SLUG_ROOT_MAX)
}

/** A slug no document of `collection` has yet: `root`, `root-2`, `root-3`, … */
const uniqueSlug = async (
  payload: Payload,
  req: PayloadRequest,
  collection: 'press-releases' | 'quotes',
  source: string,
  fallback: string,
) => {
  const root = slugRoot(source) || fallback
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`
    // Slugs are unique across every document, drafts and other users' included, so the check
    // must see them all; it returns a count, never content.
    const { totalDocs } = await payload.count({
      collection,
      where: { slug: { equals: candidate } },
      overrideAccess: true,
      req,
    })
    if (!totalDocs) return candidate
  }
  throw new WireCopyError(`Too many documents already use the slug “${root}”.`)
}

/**
 * Without database transactions (the embedded SQLite adapter runs without them) a failed import
 * removes what it had created itself, newest first. Undoing its own half-finished work needs no
 * delete right, so this one step runs with access control off.
 */
const undo = async (
  payload: Payload,
  req: PayloadRequest,
  created: { collection: 'press-releases' | 'quotes'; id: number | string }[],
) => {
  for (const { collection, id } of [...created].reverse()) {
    await payload.delete({ collection, id, overrideAccess: true, req }).catch((err: unknown) => {
      payload.logger.error({ msg: `Wire-copy import: could not remove ${collection} ${id} after a failure`, err })
    })
  }
}

const boilerplateNodes = (b: Boilerplate): BodyNode[] => [
  { kind: 'heading', text: b.heading },
  ...b.paragraphs.map((text): BodyNode => ({ kind: 'paragraph', text })),
]

export const importRelease = async ({
  text,
  title,
  req,
  overrideAccess = false,
}: ImportOptions): Promise<ImportResult> => {
  const parsed = parseWireCopy(text, { title: typeof title === 'string' ? title : undefined })
  const { payload } = req
  const access = { req, overrideAccess }
  const warnings = [...parsed.warnings]

  const shouldCommit = await initTransaction(req)
  const created: { collection: 'press-releases' | 'quotes'; id: number | string }[] = []
  try {
    const { docs: partners } = await payload.find({
      collection: 'partners',
      pagination: false,
      depth: 0,
      select: { name: true, shortName: true, slug: true, about: true },
      ...access,
    })

    const linked = new Map<string | number, ImportResult['partners']['linked'][number]>()
    const proposed: ImportResult['partners']['proposed'] = []
    const unmatched: Boilerplate[] = []
    for (const b of parsed.boilerplates) {
      const partner = matchPartner(b.name, partners as Partner[])
      if (partner) {
        const differs = !sameWords(richTextToPlainText(partner.about), b.paragraphs.join(' '))
        linked.set(partner.id, {
          id: partner.id,
          name: partner.name,
          slug: partner.slug,
          via: 'about',
          aboutDiffers: differs,
        })
        if (differs)
          warnings.push(
            `The “About ${b.name}” text differs from the ${partner.name} profile; the profile was left unchanged (its boilerplate is what the release page shows).`,
          )
      } else {
        proposed.push({ name: b.name, slug: slugify(b.name), about: b.paragraphs })
        unmatched.push(b)
        warnings.push(
          `No partner profile matches “${b.name}”: its “About” text was kept at the end of the body. An admin can create the partner and then remove it from the body.`,
        )
      }
    }
    const quotePartners = parsed.quotes.map((q) =>
      q.organization ? matchPartner(q.organization, partners as Partner[]) : undefined,
    )
    for (const p of quotePartners)
      if (p && !linked.has(p.id)) linked.set(p.id, { id: p.id, name: p.name, slug: p.slug, via: 'quote' })

    const contacts = parsed.contacts.map((c) => ({
      name: c.name,
      title: c.title,
      organization: c.organization,
      email: c.email,
      phone: c.phone,
    }))
    const slug = await uniqueSlug(payload, req, 'press-releases', parsed.title, 'release')
    const rootSlug = slugRoot(parsed.title)
    if (slug !== rootSlug)
      warnings.push(
        `A release with the slug “${rootSlug}” already exists; this one was saved as “${slug}”. Delete one if they are duplicates.`,
      )

    const data: Partial<PressRelease> = {
      title: parsed.title,
      subtitle: parsed.subtitle,
      slug,
      summary: parsed.summary,
      dateline: parsed.dateline?.slice(0, 80),
      publishedAt: parsed.date,
      body: toLexical([...parsed.body, ...unmatched.flatMap(boilerplateNodes)]),
      footnotes: parsed.footnotes.map((f) => ({ marker: f.marker.slice(0, 8) || undefined, text: f.text })),
      partners: [...linked.keys()] as number[],
      mediaContacts: contacts,
      source: {
        distributor: parsed.distributor,
        originalUrl:
          parsed.originalUrl && validateHttpUrl(parsed.originalUrl) === true ? parsed.originalUrl : undefined,
        sourceLine: parsed.source?.line,
      },
      _status: 'draft',
    }
    const release = await payload.create({
      collection: 'press-releases',
      data: data as PressRelease,
      draft: true,
      depth: 0,
      // The audit trail records "Imported from wire copy" rather than "Created".
      context: { imported: true },
      ...access,
    })
    created.push({ collection: 'press-releases', id: release.id })

    const quotes: ImportResult['quotes'] = []
    for (const [i, q] of parsed.quotes.entries()) {
      if (q.text.length > QUOTE_MAX || q.name.length > 120) {
        warnings.push(
          `A quote by ${q.name} is too long to store verbatim and was not saved as a quote (it stays in the body).`,
        )
        continue
      }
      const partner = quotePartners[i]
      const quote: Quote = await payload.create({
        collection: 'quotes',
        data: {
          text: q.text,
          speakerName: q.name,
          speakerTitle: q.title?.slice(0, 200),
          speakerOrganization: q.organization?.slice(0, 200),
          partner: partner?.id as number | undefined,
          provenance: 'verbatim',
          date: parsed.date,
          release: release.id,
          slug: await uniqueSlug(
            payload,
            req,
            'quotes',
            `${q.name} ${q.text.split(/\s+/).slice(0, 8).join(' ')}`,
            'quote',
          ),
        },
        depth: 0,
        ...access,
      })
      created.push({ collection: 'quotes', id: quote.id })
      quotes.push({
        id: quote.id,
        slug: quote.slug as string,
        speakerName: quote.speakerName,
        speakerTitle: quote.speakerTitle ?? undefined,
        speakerOrganization: quote.speakerOrganization ?? undefined,
        partner: partner ? { id: partner.id, name: partner.name, slug: partner.slug } : undefined,
        text: quote.text,
      })
    }
    if (quotes.length) {
      // Not a draft save: the release's own row gets the list too, still with status draft.
      await payload.update({
        collection: 'press-releases',
        id: release.id,
        data: { quotes: quotes.map((q) => q.id as number), _status: 'draft' },
        depth: 0,
        ...access,
      })
    }
    if (shouldCommit) await commitTransaction(req)

    return {
      release: {
        id: release.id,
        slug: release.slug as string,
        title: release.title,
        status: 'draft',
        adminUrl: `${payload.config.routes.admin}/collections/press-releases/${release.id}`,
      },
      extracted: {
        title: parsed.title,
        titleFrom: parsed.titleFrom,
        subtitle: parsed.subtitle,
        summary: parsed.summary,
        dateline: parsed.dateline,
        date: parsed.date,
        distributor: parsed.distributor,
        paragraphs: parsed.body.filter((n) => n.kind === 'paragraph').length,
        headings: parsed.body.filter((n) => n.kind === 'heading').length,
        lists: parsed.body.flatMap((n) => (n.kind === 'list' ? [{ items: n.items.length }] : [])),
        footnotes: parsed.footnotes,
        sourceLine: parsed.source?.line,
        contacts: parsed.contacts,
        repeatsRemoved: parsed.repeatsRemoved,
        ignored: parsed.ignored,
      },
      quotes,
      partners: { linked: [...linked.values()], proposed },
      warnings,
    }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    else if (!req.transactionID) await undo(payload, req, created)
    throw error
  }
}
