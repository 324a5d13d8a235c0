import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** Strict well-formedness check, then a parse that keeps attributes and repeated elements as arrays. */
export const parseXml = (xml: string) => {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`)
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['item', 'entry', 'atom:link', 'link', 'category', 'dc:creator', 'author'].includes(name),
    cdataPropName: '#cdata',
    textNodeName: '#text',
  }).parse(xml)
}

export const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

export const text = (node: unknown): string => {
  if (node === undefined || node === null) return ''
  if (Array.isArray(node)) return text(node[0])
  if (typeof node !== 'object') return String(node)
  const n = node as Record<string, unknown>
  // A value holding "]]>" is written as two CDATA sections, which the parser gives as a list.
  const joined = (v: unknown) => (Array.isArray(v) ? v.join('') : v)
  return String(joined(n['#cdata']) ?? joined(n['#text']) ?? '')
}

/** Relative URLs in HTML content would break away from the site. */
export const relativeUrlsIn = (html: string): string[] =>
  [...html.matchAll(/\s(?:href|src|srcset)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !/^https?:\/\//.test(u))
