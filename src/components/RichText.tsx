import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  type JSXConvertersFunction,
  LinkJSXConverter,
  RichText as PayloadRichText,
} from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import { isSafeHref } from '@/lib/safeHref'
import { pathOfDocument, paths } from '@/urls'

type Doc = { relationTo?: string; value?: unknown }

const internalHref = ({ linkNode }: { linkNode: { fields: { doc?: Doc | null } } }) => {
  const doc = linkNode.fields.doc
  return pathOfDocument(doc?.relationTo ?? 'press-releases', doc?.value as { slug?: string }) ?? paths.home()
}

type ListItemArgs = {
  node: { children: unknown[]; value?: number }
  parent: { listType?: string }
  nodesToJSX: (args: { nodes: unknown[] }) => ReactNode[]
}

type LinkArgs = { node: { fields: { url?: string; linkType?: string } } }

const links = LinkJSXConverter({ internalDocToHref: internalHref as never })

/**
 * Payload's JSX link converter writes any stored URL into the href. Links saved before the editor
 * refused unsafe schemes (or written to the database directly) are shown as plain text instead.
 */
const onlySafeLinks = (converter: unknown) =>
  function SafeLink(args: LinkArgs & { nodesToJSX: (a: { nodes: unknown[] }) => ReactNode[] }) {
    const { fields } = args.node
    if (fields.linkType !== 'internal' && !isSafeHref(fields.url)) {
      return <>{args.nodesToJSX({ nodes: (args.node as unknown as { children: unknown[] }).children })}</>
    }
    return (converter as (a: typeof args) => ReactNode)(args)
  }

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: onlySafeLinks(links.link) as never,
  autolink: onlySafeLinks(links.autolink) as never,
  // Payload writes `value` on every <li>; HTML allows it only inside an ordered list.
  listitem: (args) => {
    const { node, parent, nodesToJSX } = args as unknown as ListItemArgs
    if (parent?.listType === 'check') {
      const fallback = defaultConverters.listitem
      return typeof fallback === 'function' ? fallback(args) : null
    }
    const nested = node.children.some((c) => (c as { type?: string }).type === 'list')
    return (
      <li
        value={parent?.listType === 'number' ? node.value : undefined}
        style={nested ? { listStyleType: 'none' } : undefined}
      >
        {nodesToJSX({ nodes: node.children })}
      </li>
    )
  },
})

/** Payload's own Lexical→JSX rendering, with internal links pointing at newsroom pages. */
export const RichText = ({ data, className }: { data: unknown; className?: string }) =>
  data && typeof data === 'object' && 'root' in data ? (
    <PayloadRichText
      data={data as SerializedEditorState}
      converters={converters}
      className={className}
      disableContainer={false}
    />
  ) : null
