/**
 * The W3C Feed Validation Service's rules that feed readers tripped on, encoded (there is no
 * network to validator.w3.org here), over an independent parse (fast-xml-parser, strict
 * well-formedness first). Each function lists the problems it finds, as the validator would.
 */
import { createRequire } from 'node:module'

import { parseXml, text } from './feeds'

const mimeDb = createRequire(import.meta.url)('mime-db') as Record<string, { source?: string }>

/** IANA-registered media types (mime-db's `iana` source): `image/jpeg` is, `image/jpg` is not. */
export const isRegisteredMediaType = (type: string | undefined): boolean =>
  Boolean(type && mimeDb[type]?.source === 'iana')

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

type Attrs = Record<string, string>

const absolute = (url: string | undefined) => Boolean(url && /^https?:\/\/[^/]/.test(url))

/** RSS 2.0 (and the RSS Advisory Board's profile) rules for items. */
export const rssProblems = (xml: string): string[] => {
  const problems: string[] = []
  const channel = parseXml(xml).rss.channel
  for (const item of asList<Record<string, unknown>>(channel.item)) {
    const title = text(item.title)
    for (const enclosure of asList(item.enclosure as Attrs | Attrs[] | undefined)) {
      const names = Object.keys(enclosure).filter((k) => k.startsWith('@'))
      for (const name of names)
        if (!['@url', '@length', '@type'].includes(name))
          problems.push(`${title}: enclosure has attribute ${name.slice(1)} (RSS allows url, length, type)`)
      for (const name of ['@url', '@length', '@type'])
        if (!enclosure[name]) problems.push(`${title}: enclosure lacks ${name.slice(1)}`)
      if (!absolute(enclosure['@url'])) problems.push(`${title}: enclosure url is not absolute`)
      if (!/^\d+$/.test(enclosure['@length'] ?? '')) problems.push(`${title}: enclosure length is not a whole number`)
      if (!isRegisteredMediaType(enclosure['@type']))
        problems.push(`${title}: enclosure type ${enclosure['@type']} is not a registered media type`)
    }
    const guid = item.guid as { '#text'?: string; '@isPermaLink'?: string } | string | undefined
    const guidText = text(guid)
    if (!guidText) problems.push(`${title}: no guid`)
    if (typeof guid === 'object' && guid['@isPermaLink'] !== 'false' && !absolute(guidText))
      problems.push(`${title}: guid is a permalink but not a URL`)
    if (item.author !== undefined) problems.push(`${title}: author must be an e-mail address; use dc:creator`)
  }
  return problems
}

/** RFC 4287 rules for entries (authors, ids, enclosure links). */
export const atomProblems = (xml: string): string[] => {
  const problems: string[] = []
  const feed = parseXml(xml).feed
  for (const entry of asList<Record<string, unknown>>(feed.entry)) {
    const title = text(entry.title)
    const authors = asList(entry.author as Record<string, unknown> | Record<string, unknown>[] | undefined)
    if (!authors.length) problems.push(`${title}: entry has no author`)
    for (const author of authors) if (!text(author.name)) problems.push(`${title}: author without a name`)
    const id = text(entry.id)
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) problems.push(`${title}: id ${id} is not an IRI`)
    for (const link of asList(entry.link as Attrs | Attrs[] | undefined)) {
      if (link['@rel'] !== 'enclosure') continue
      if (!isRegisteredMediaType(link['@type']))
        problems.push(`${title}: enclosure type ${link['@type']} is not a registered media type`)
      if (link['@length'] !== undefined && !/^\d+$/.test(link['@length']))
        problems.push(`${title}: enclosure length is not a whole number`)
    }
  }
  return problems
}

/** JSON Feed 1.1 rules for items: an author each (or the feed's), string ids. */
export const jsonFeedProblems = (json: string): string[] => {
  const problems: string[] = []
  const feed = JSON.parse(json) as { authors?: unknown[]; items: Record<string, unknown>[] }
  for (const item of feed.items) {
    const title = String(item.title)
    if (typeof item.id !== 'string' || !item.id) problems.push(`${title}: id is not a string`)
    const authors = item.authors as { name?: string }[] | undefined
    if (!authors?.length) problems.push(`${title}: item has no authors`)
    for (const a of authors ?? []) if (!a.name) problems.push(`${title}: author without a name`)
  }
  return problems
}
