import type { FieldHook } from 'payload'

import { richTextMediaIds } from '@/richText/media'

/**
 * The images shown in the body, kept beside it as a relationship, so that media access can ask
 * the database which files public releases use instead of reading every body
 * (src/access/media.ts).
 */
export const fillBodyMedia: FieldHook = ({ siblingData }) => [...richTextMediaIds(siblingData.body)]
