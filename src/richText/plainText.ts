import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

/** A rich-text value as the words a reader sees, by Payload's own converter ('' for no value). */
export const richTextToPlainText = (value: unknown): string =>
  value && typeof value === 'object' && 'root' in value
    ? convertLexicalToPlaintext({ data: value as SerializedEditorState })
    : ''
