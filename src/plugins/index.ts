/**
 * Every plugin, in the order they apply: official plugins first, then the newsroom's own, which
 * see the fields the official ones added.
 */
import type { Plugin } from 'payload'

import { publicQuery } from '@/security/publicQuery'
import { querySize } from '@/security/querySize'
import { strictApiInput } from '@/security/strictApiInput'

import { seo } from './seo'
import { objectStorage } from './storage'

export const plugins: Plugin[] = [
  ...seo,
  // Uploads in S3 when S3_BUCKET is set, on local disk otherwise.
  objectStorage(),
  // REST and GraphQL refuse unknown fields and wrongly typed values with a 400 naming them.
  strictApiInput,
  // A filter too big for the database is a 400 stating the maximum (scripts/server/requestLimits.mjs).
  querySize,
  // Anonymous answers and queries see only the public world, at a bounded cost.
  publicQuery,
]
