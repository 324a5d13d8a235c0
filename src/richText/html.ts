import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  LinkHTMLConverter,
  UploadHTMLConverter,
  type HTMLConverters,
} from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { isSafeHref } from '@/lib/safeHref'
import { absoluteUrl, pathOfDocument, paths } from '@/urls'

type LinkNode = { fields: { url?: string; linkType?: string; doc?: { relationTo?: string; value?: unknown } } }
type UploadValue = { url?: string | null; sizes?: Record<string, { url?: string | null } | undefined> }

const hrefForDoc = (relationTo: string | undefined, value: unknown): string =>
  absoluteUrl(pathOfDocument(relationTo ?? 'press-releases', value as { slug?: string }) ?? paths.home())

const absolutize = (url: string | null | undefined) => {
  if (!url) return url
  try {
    return absoluteUrl(url)
  } catch {
    return url
  }
}

type ConverterArgs = Parameters<Extract<NonNullable<HTMLConverters['paragraph']>, (...a: never[]) => unknown>>[0]
/** Payload's converters are either a fixed string or a function of the node. */
const run = (converter: unknown, args: ConverterArgs): string =>
  typeof converter === 'function' ? (converter as (a: ConverterArgs) => string)(args) : String(converter ?? '')

const links = LinkHTMLConverter({
  internalDocToHref: ({ linkNode }) => hrefForDoc(linkNode.fields.doc?.relationTo, linkNode.fields.doc?.value),
})

/**
 * Payload's own Lexical→HTML converters, with every link and image URL made absolute (feed
 * readers show content away from the site). Nodes are copied with absolute URLs and handed to
 * the default converters, so escaping stays Payload's. A link with an unsafe scheme (which Payload's
 * converter would turn into `https://`) is written as its text alone.
 */
const absoluteConverters: HTMLConverters = {
  ...defaultHTMLConverters,
  ...links,
  link: (args) => {
    const node = args.node as unknown as LinkNode
    if (node.fields.linkType !== 'internal' && !isSafeHref(node.fields.url))
      return args.nodesToHTML({ nodes: args.node.children }).join('')
    const fields = {
      ...node.fields,
      url: node.fields.linkType === 'internal' ? node.fields.url : absolutize(node.fields.url),
    }
    return run(links.link, { ...args, node: { ...args.node, fields } } as never)
  },
  autolink: (args) => {
    const node = args.node as unknown as LinkNode
    if (!isSafeHref(node.fields.url)) return args.nodesToHTML({ nodes: args.node.children }).join('')
    return run(links.autolink, {
      ...args,
      node: { ...args.node, fields: { ...node.fields, url: absolutize(node.fields.url) } },
    } as never)
  },
  upload: (args) => {
    const value = (args.node as { value?: unknown }).value
    if (!value || typeof value !== 'object') return ''
    const doc = value as UploadValue
    const sizes = Object.fromEntries(
      Object.entries(doc.sizes ?? {}).map(([name, size]) => [
        name,
        size ? { ...size, url: absolutize(size.url) } : size,
      ]),
    )
    const node = { ...args.node, value: { ...doc, url: absolutize(doc.url), sizes } }
    return run(UploadHTMLConverter.upload, { ...args, node } as never)
  },
}

export const richTextToHtml = (data: unknown): string => {
  if (!data || typeof data !== 'object' || !('root' in data)) return ''
  return convertLexicalToHTML({
    data: data as SerializedEditorState,
    converters: absoluteConverters,
    disableContainer: true,
  }).trim()
}

type TextRun = { text: string; bold?: boolean }

/** A Lexical paragraph of plain text runs (bold where asked). */
const paragraph = (...runs: TextRun[]) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: null,
  textFormat: 0,
  textStyle: '',
  children: runs.map(({ text, bold }) => ({
    type: 'text',
    text,
    format: bold ? 1 : 0,
    style: '',
    mode: 'normal',
    detail: 0,
    version: 1,
  })),
})

const root = (children: unknown[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: null, children },
})

/** Plain text (a summary) as HTML, escaped by the same converters as rich text. */
export const plainTextToHtml = (text: string): string => richTextToHtml(root([paragraph({ text })]))

/**
 * Rich text with plain-text paragraphs before it (a release's corrections, a bold heading and
 * the note each), converted in one pass by the same converters, so the notes are escaped as text.
 */
export const richTextToHtmlAfter = (lead: { heading: string; text: string }[], data: unknown): string => {
  const body =
    data && typeof data === 'object' && 'root' in data
      ? ((data as { root: { children?: unknown[] } }).root.children ?? [])
      : []
  return richTextToHtml(
    root([...lead.map((p) => paragraph({ text: p.heading, bold: true }, { text: ` ${p.text}` })), ...body]),
  )
}
