/**
 * Where the `feed` package falls short of the standards, fixed in one place:
 * - JSON: it writes JSON Feed 1.0 (singular `author`); we publish JSON Feed 1.1 (`authors`,
 *   `language`, `next_url` for paging) and drop RSS-only extensions it copies into items.
 * - Atom: it has no way to add RFC 5005 paging links (`next`, `prev`, `first`, `last`); they are
 *   added to the parsed document and the XML is written again by an XML library.
 * - XML: it escapes attribute values only partly, and marks Atom titles and summaries as HTML;
 *   `wellFormedFeedXml` writes every RSS and Atom document again (below).
 * RSS needs no other fixing here: authorship goes out as `dc:creator` (never a non-e-mail `<author>`),
 * paging links as `atom:link` channel extensions, and enclosure lengths are always given.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser'

import { withoutControlCharacters } from '@/lib/controlCharacters'

export type PagingLinks = { first?: string; last?: string; next?: string; prev?: string }

/** `rel` values for paging links: RFC 5005's `previous` and the common `prev` both point back. */
export const pagingRels = (links: PagingLinks): { rel: string; href: string }[] => {
  const out: { rel: string; href: string }[] = []
  if (links.first) out.push({ rel: 'first', href: links.first })
  if (links.prev) out.push({ rel: 'previous', href: links.prev }, { rel: 'prev', href: links.prev })
  if (links.next) out.push({ rel: 'next', href: links.next })
  if (links.last) out.push({ rel: 'last', href: links.last })
  return out
}

type JsonAuthor = { name?: string; url?: string; avatar?: string }
type JsonItem = Record<string, unknown> & { author?: JsonAuthor; authors?: JsonAuthor[] }

export const toJsonFeed11 = (
  json10: string,
  options: { language: string; nextUrl?: string; itemExtras?: (id: string) => Record<string, unknown> | undefined },
): string => {
  const feed = JSON.parse(json10) as Record<string, unknown> & { author?: JsonAuthor; items: JsonItem[] }
  const { author, items, ...rest } = feed
  const out: Record<string, unknown> = {
    ...rest,
    version: 'https://jsonfeed.org/version/1.1',
    language: options.language,
    ...(author ? { authors: [author] } : {}),
    ...(options.nextUrl ? { next_url: options.nextUrl } : {}),
    items: items.map((item) => {
      const { author: itemAuthor, ...fields } = item
      for (const key of Object.keys(fields)) if (key.includes(':')) delete fields[key]
      return {
        ...fields,
        ...(itemAuthor && !fields.authors ? { authors: [itemAuthor] } : {}),
        ...(options.itemExtras?.(String(item.id)) ?? {}),
      }
    }),
  }
  return JSON.stringify(out)
}

const xmlOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
} as const

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> }

/** Adds paging `<link>`s to an Atom document, right after its existing feed-level links. */
export const addAtomPagingLinks = (atomXml: string, links: PagingLinks): string => {
  const rels = pagingRels(links)
  if (!rels.length) return atomXml
  const doc = new XMLParser(xmlOptions).parse(atomXml) as OrderedNode[]
  const feed = doc.find((node) => 'feed' in node)
  if (!feed) return atomXml
  const children = feed.feed as OrderedNode[]
  let at = -1
  children.forEach((node, i) => {
    if ('link' in node) at = i
  })
  const newLinks = rels.map(({ rel, href }) => ({ link: [], ':@': { '@_rel': rel, '@_href': escapeAttr(href) } }))
  children.splice(at + 1, 0, ...newLinks)
  return new XMLBuilder({ ...xmlOptions, format: false, suppressEmptyNode: true }).build(doc)
}

// Entities are left as they are by the parser (processEntities: false), so new values are escaped here.
const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const decodingOptions = { ...xmlOptions, processEntities: true, htmlEntities: false } as const

/** Atom entry elements the feed package marks as HTML although they hold plain text. */
const ATOM_PLAIN_TEXT = new Set(['title', 'summary'])

/**
 * The feed package writes a `<` or a bare `&` in an attribute as it is (an image's alt text or a
 * topic's name then made the whole feed unreadable), keeps control characters XML 1.0 forbids,
 * and marks Atom entry titles and summaries as HTML although ours are plain text, so readers
 * would render any markup in them. The document is read back (entities decoded) and written
 * again by an XML library, which escapes every value; those Atom elements become `type="text"`.
 */
export const wellFormedFeedXml = (xml: string): string => {
  const doc = new XMLParser(decodingOptions).parse(withoutControlCharacters(xml)) as OrderedNode[]
  const feed = doc.find((node) => 'feed' in node)
  for (const node of (feed?.feed as OrderedNode[] | undefined) ?? []) {
    if (!('entry' in node)) continue
    for (const child of node.entry as OrderedNode[]) {
      const name = Object.keys(child).find((key) => key !== ':@')
      const attributes = child[':@']
      if (name && ATOM_PLAIN_TEXT.has(name) && attributes?.['@_type'] === 'html') attributes['@_type'] = 'text'
    }
  }
  return new XMLBuilder({ ...decodingOptions, format: false, suppressEmptyNode: true }).build(doc)
}
