/**
 * Where the `feed` package falls short of the standards, fixed in one place:
 * - JSON: it writes JSON Feed 1.0 (singular `author`); we publish JSON Feed 1.1 (`authors`,
 *   `language`, `next_url` for paging) and drop RSS-only extensions it copies into items.
 * - Atom: it has no way to add RFC 5005 paging links (`next`, `prev`, `first`, `last`); they are
 *   added to the parsed document and the XML is written again by an XML library.
 * - XML: it escapes attribute values only partly, and marks Atom titles and summaries as HTML;
 *   `wellFormedFeedXml` writes every RSS and Atom document again (below).
 * - Enclosures: it copies every field of an RSS enclosure into attributes (a `title`, which RSS 2.0
 *   does not allow: only `url`, `length` and `type`), and types Atom enclosures after the file
 *   name's extension (`image/jpg`, not a registered type). Both are rewritten from the media's
 *   stored MIME type, normalised (`normalMediaType`).
 * Authorship goes out as `dc:creator` in RSS (never a non-e-mail `<author>`), paging links as
 * `atom:link` channel extensions, and enclosure lengths are always given.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser'

import { withoutFeedForbiddenCharacters } from '@/lib/controlCharacters'

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

/** Registered spellings of the media types uploads arrive with under older or unofficial names. */
const MEDIA_TYPE_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'image/x-ms-bmp': 'image/bmp',
  'image/svg': 'image/svg+xml',
  'application/x-pdf': 'application/pdf',
}

/** A media type as IANA registers it: lower case, no parameters, aliases resolved. */
export const normalMediaType = (type: string | null | undefined): string | null => {
  const bare = type?.split(';')[0].trim().toLowerCase()
  if (!bare || !/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(bare)) return null
  return MEDIA_TYPE_ALIASES[bare] ?? bare
}

/** Each enclosure's stored type and size, by its absolute URL. */
export type Enclosures = Map<string, { type?: string | null; length?: number | null }>

/** RSS 2.0's enclosure attributes, in the specification's order. */
const RSS_ENCLOSURE_ATTRIBUTES = ['@_url', '@_length', '@_type'] as const

const fixRssEnclosure = (attributes: Record<string, string>, enclosures: Enclosures): Record<string, string> => {
  const known = enclosures.get(attributes['@_url'] ?? '')
  const type = normalMediaType(known?.type) ?? normalMediaType(attributes['@_type'])
  const length = known?.length ?? attributes['@_length']
  const fixed: Record<string, string> = {}
  for (const name of RSS_ENCLOSURE_ATTRIBUTES) {
    const value = name === '@_type' ? type : name === '@_length' ? length : attributes[name]
    if (value !== null && value !== undefined && value !== '') fixed[name] = String(value)
  }
  return fixed
}

const fixAtomEnclosure = (attributes: Record<string, string>, enclosures: Enclosures) => {
  const known = enclosures.get(attributes['@_href'] ?? '')
  const type = normalMediaType(known?.type) ?? normalMediaType(attributes['@_type'])
  if (type) attributes['@_type'] = type
  else delete attributes['@_type']
  if (known?.length) attributes['@_length'] = String(known.length)
}

const childrenOf = (node: OrderedNode, name: string): OrderedNode[] => (node[name] as OrderedNode[] | undefined) ?? []

/** Atom entry elements the feed package marks as HTML although they hold plain text. */
const ATOM_PLAIN_TEXT = new Set(['title', 'summary'])

/**
 * The feed package writes a `<` or a bare `&` in an attribute as it is (an image's alt text or a
 * topic's name then made the whole feed unreadable), keeps control characters and non-characters
 * XML 1.0 forbids (src/lib/controlCharacters.ts),
 * and marks Atom entry titles and summaries as HTML although ours are plain text, so readers
 * would render any markup in them. The document is read back (entities decoded) and written
 * again by an XML library, which escapes every value; those Atom elements become `type="text"`.
 */
export const wellFormedFeedXml = (
  xml: string,
  { enclosures = new Map() }: { enclosures?: Enclosures } = {},
): string => {
  const doc = new XMLParser(decodingOptions).parse(withoutFeedForbiddenCharacters(xml)) as OrderedNode[]
  const feed = doc.find((node) => 'feed' in node)
  for (const node of feed ? childrenOf(feed, 'feed') : []) {
    if (!('entry' in node)) continue
    for (const child of node.entry as OrderedNode[]) {
      const name = Object.keys(child).find((key) => key !== ':@')
      const attributes = child[':@']
      if (name && ATOM_PLAIN_TEXT.has(name) && attributes?.['@_type'] === 'html') attributes['@_type'] = 'text'
      if (name === 'link' && attributes?.['@_rel'] === 'enclosure') fixAtomEnclosure(attributes, enclosures)
    }
  }
  const rss = doc.find((node) => 'rss' in node)
  for (const channel of rss ? childrenOf(rss, 'rss').filter((n) => 'channel' in n) : []) {
    for (const item of childrenOf(channel, 'channel').filter((n) => 'item' in n)) {
      for (const child of childrenOf(item, 'item')) {
        if ('enclosure' in child && child[':@']) child[':@'] = fixRssEnclosure(child[':@'], enclosures)
      }
    }
  }
  // Again after writing: a character reference (`&#xFFFE;`) is decoded by the parse above.
  return withoutFeedForbiddenCharacters(
    new XMLBuilder({ ...decodingOptions, format: false, suppressEmptyNode: true }).build(doc),
  )
}
