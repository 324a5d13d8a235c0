/**
 * Every plugin, in the order they apply: official plugins first, then the newsroom's own, which
 * see the fields the official ones added.
 */
import type { Plugin } from 'payload'

import { querySize } from '@/security/querySize'
import { strictApiInput } from '@/security/strictApiInput'

import { seo } from './seo'

export const plugins: Plugin[] = [
  ...seo,
  // REST and GraphQL refuse unknown fields and wrongly typed values with a 400 naming them.
  strictApiInput,
  // A filter too big for the database is a 400 stating the maximum (scripts/server/requestLimits.mjs).
  querySize,
]
