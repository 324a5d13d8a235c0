import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, LinkJSXConverter, RichText as PayloadRichText } from '@payloadcms/richtext-lexical/react'

type Doc = { relationTo?: string; value?: unknown }

const internalHref = ({ linkNode }: { linkNode: { fields: { doc?: Doc | null } } }) => {
  const doc = linkNode.fields.doc
  const slug = doc?.value && typeof doc.value === 'object' && 'slug' in doc.value ? String(doc.value.slug) : ''
  if (!slug) return '/'
  if (doc?.relationTo === 'partners') return `/partners/${slug}`
  if (doc?.relationTo === 'events') return `/events#${slug}`
  return `/news/${slug}`
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkJSXConverter({ internalDocToHref: internalHref as never }),
})

/** Payload's own Lexical→JSX rendering, with internal links pointing at newsroom pages. */
export const RichText = ({ data, className }: { data: unknown; className?: string }) =>
  data && typeof data === 'object' && 'root' in data ? (
    <PayloadRichText data={data as SerializedEditorState} converters={converters} className={className} disableContainer={false} />
  ) : null
