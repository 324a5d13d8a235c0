/**
 * Tiny builders for Lexical editor state, written as plain data in the shape Payload's lexical
 * editor stores (`{ root: { type: 'root', children: [...] } }`), so the seeder needs no editor.
 */
import { createHash } from 'node:crypto'

import type {
  SerializedHeadingNode,
  SerializedLinkNode,
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedTextNode,
} from '@payloadcms/richtext-lexical'

import type { PressRelease } from '@/payload-types'

/** The stored shape of every rich-text field in this project. */
export type RichText = PressRelease['body']

type Inline = SerializedTextNode | SerializedLinkNode
type InlineInput = string | Inline
type Block = SerializedParagraphNode | SerializedHeadingNode | SerializedListNode

const FORMAT = { bold: 1, italic: 2 } as const

const element = { direction: 'ltr', format: '', indent: 0 } as const

export const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): SerializedTextNode => ({
  type: 'text',
  version: 1,
  text: value,
  detail: 0,
  format: (style.bold ? FORMAT.bold : 0) | (style.italic ? FORMAT.italic : 0),
  mode: 'normal',
  style: '',
})

export const bold = (value: string): SerializedTextNode => text(value, { bold: true })
export const italic = (value: string): SerializedTextNode => text(value, { italic: true })

const inline = (parts: InlineInput[]): Inline[] => parts.map((p) => (typeof p === 'string' ? text(p) : p))

/**
 * An external link. Payload's link node (version 3) carries an id; a stable one derived from
 * the URL and label keeps re-seeding from rewriting unchanged content.
 */
export const link = (url: string, label: string, newTab = true): SerializedLinkNode => ({
  type: 'link',
  version: 3,
  id: createHash('sha1').update(`${url}\n${label}`).digest('hex').slice(0, 24),
  fields: { linkType: 'custom', url, newTab },
  children: [text(label)],
  ...element,
})

export const paragraph = (...parts: InlineInput[]): SerializedParagraphNode => ({
  type: 'paragraph',
  version: 1,
  children: inline(parts),
  textFormat: 0,
  textStyle: '',
  ...element,
})

export const heading = (value: string, tag: SerializedHeadingNode['tag'] = 'h2'): SerializedHeadingNode => ({
  type: 'heading',
  version: 1,
  tag,
  children: [text(value)],
  ...element,
})

/** A bulleted list; each item is a string or an array of inline parts (e.g. a bold lead-in). */
export const bulletList = (items: (InlineInput | InlineInput[])[]): SerializedListNode => ({
  type: 'list',
  version: 1,
  listType: 'bullet',
  start: 1,
  tag: 'ul',
  children: items.map((item, i): SerializedListItemNode => ({
    type: 'listitem',
    version: 1,
    value: i + 1,
    checked: undefined,
    children: inline(Array.isArray(item) ? item : [item]),
    ...element,
  })),
  ...element,
})

/** The editor state that wraps the blocks. */
export const richText = (...children: Block[]): RichText => ({
  root: { type: 'root', version: 1, children, ...element },
})
