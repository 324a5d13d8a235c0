import type { FieldHook } from 'payload'

import { richTextToPlainText } from '@/richText/plainText'

/**
 * The body as plain text, kept beside it so that search can match words inside a release. Only
 * the body: title, subtitle and summary are searched as fields of their own (src/search/fields.ts),
 * so a sentence the body repeats from the summary is never shown twice in a result.
 */
export const bodySearchText = (body: unknown): string =>
  richTextToPlainText(body).replace(/\s+/g, ' ').trim().slice(0, 100_000)

export const fillSearchText: FieldHook = ({ siblingData }) => bodySearchText(siblingData.body)
