import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { FieldHook } from 'payload'

/** The body as plain text, kept beside it so that search can match words inside a release. */
export const fillSearchText: FieldHook = ({ siblingData }) => {
  const body = siblingData.body as SerializedEditorState | undefined
  const parts = [siblingData.subtitle, siblingData.summary, body?.root ? convertLexicalToPlaintext({ data: body }) : '']
  return parts.filter(Boolean).join('\n').replace(/\s+/g, ' ').trim().slice(0, 100_000)
}
