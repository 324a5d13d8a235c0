/**
 * Demo content for an empty newsroom: partners, topics, two published releases with their
 * quotes and milestones, two events, and generated media. Idempotent: every document is found
 * by its slug (media by filename) and created, updated, or left alone when already up to date.
 * Never creates a user.
 */
import type { Payload } from 'payload'

import { events } from './content/events'
import { media } from './content/media'
import { milestones } from './content/milestones'
import { partners } from './content/partners'
import { quotes } from './content/quotes'
import { releaseLinks, releases } from './content/releases'
import { topics } from './content/topics'
import { Refs, type SeedReport, Tally } from './types'
import { type SeedContext, upsertBySlug, upsertMedia } from './upsert'

export type { SeedCounts, SeedReport } from './types'
export { SEEDED_COLLECTIONS } from './types'

export const seedDemoContent = async (payload: Payload): Promise<SeedReport> => {
  const ctx: SeedContext = { payload, refs: new Refs(), tally: new Tally() }

  // One at a time: SQLite has a single writer, and the order below resolves every reference.
  for (const item of media) await upsertMedia(ctx, item)
  for (const doc of topics) await upsertBySlug(ctx, 'topics', doc)
  for (const doc of partners(ctx.refs)) await upsertBySlug(ctx, 'partners', doc)
  for (const doc of releases(ctx.refs)) await upsertBySlug(ctx, 'press-releases', doc)
  for (const doc of quotes(ctx.refs)) await upsertBySlug(ctx, 'quotes', doc)
  // Releases and quotes point at each other: link them once both exist.
  for (const doc of releaseLinks(ctx.refs)) await upsertBySlug(ctx, 'press-releases', doc)
  for (const doc of milestones(ctx.refs)) await upsertBySlug(ctx, 'milestones', doc)
  for (const doc of events(ctx.refs)) await upsertBySlug(ctx, 'events', doc)

  const report = ctx.tally.report()
  const line = Object.entries(report)
    .map(([collection, c]) => `${collection} +${c.created} ~${c.updated} =${c.unchanged}`)
    .join(', ')
  payload.logger.info(`Demo content seeded (created +, updated ~, unchanged =): ${line}`)
  return report
}
