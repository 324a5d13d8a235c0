/**
 * Every plugin, in the order they apply: official plugins first, then the newsroom's own, which
 * see the fields the official ones added.
 */
import type { Plugin } from 'payload'

import { publicQuery } from '@/security/publicQuery'
import { strictApiInput } from '@/security/strictApiInput'

import { seo } from './seo'

export const plugins: Plugin[] = [
  ...seo,
  // REST and GraphQL refuse unknown fields and wrongly typed values with a 400 naming them.
  strictApiInput,
  // Anonymous answers and queries see only the public world, at a bounded cost.
  publicQuery,
]
