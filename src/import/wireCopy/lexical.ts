/** The parsed body as Payload's Lexical editor state, built with the project's node builders. */
import { bold, bulletList, heading, paragraph, richText, text, type RichText } from '@/richText/build'

import type { ListItem } from './repair'

export type BodyNode =
  { kind: 'paragraph'; text: string } | { kind: 'heading'; text: string } | { kind: 'list'; items: ListItem[] }

const EMPHASIS = /(^|[\s(“"])\*([^*\s](?:[^*]*[^*\s])?)\*(?=$|[\s.,;:!?)”"’])/g

/** Plain text with markdown `*emphasis*` as italic text nodes. */
const inline = (value: string) => {
  const parts: ReturnType<typeof text>[] = []
  let last = 0
  for (const m of value.matchAll(EMPHASIS)) {
    const start = (m.index ?? 0) + m[1].length
    if (start > last) parts.push(text(value.slice(last, start)))
    parts.push(text(m[2], { italic: true }))
    last = start + m[2].length + 2
  }
  if (last < value.length) parts.push(text(value.slice(last)))
  return parts
}

export const toLexical = (nodes: BodyNode[]): RichText =>
  richText(
    ...nodes.map((node) => {
      if (node.kind === 'heading') return heading(node.text, 'h2')
      if (node.kind === 'list') {
        return bulletList(
          node.items.map((item) =>
            item.leadIn ? [bold(item.leadIn), text(' '), ...inline(item.text)] : inline(item.text),
          ),
        )
      }
      return paragraph(...inline(node.text))
    }),
  )

/** Plain text of a body node, as a reader sees it. */
export const plainText = (node: BodyNode): string[] =>
  node.kind === 'list'
    ? node.items.map((i) => (i.leadIn ? `${i.leadIn} ${i.text}` : i.text).replace(EMPHASIS, '$1$2'))
    : [node.text.replace(EMPHASIS, '$1$2')]
