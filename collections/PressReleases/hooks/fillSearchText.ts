import type { FieldHook } from 'payload'

import { richTextToPlainText } from '@/richText/plainText'

/** The body as plain text, kept beside it so that search can match words inside a release. */
export const fillSearchText: FieldHook = ({ siblingData }) => {
  const parts = [siblingData.subtitle, siblingData.summary, richTextToPlainText(siblingData.body)]
  return parts.filter(Boolean).join('\n').replace(/\s+/g, ' ').trim().slice(0, 100_000)
}
