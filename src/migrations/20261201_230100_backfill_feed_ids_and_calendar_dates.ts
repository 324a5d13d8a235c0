/**
 * Data migration, hand-written (keep it after the schema migration that adds `feed_id`):
 *
 * 1. Entry ids. Every release, milestone and event published so far gets, as its stored
 *    `feedId`, exactly the id feeds gave it until now (built from the SITE_URL host at this
 *    moment), so no reader sees anything new; from here on the id never follows SITE_URL again.
 *    Release versions get their document's id too (drafts are saved from the latest version).
 * 2. Calendar dates. Milestone dates, quote dates and registration deadlines are calendar days
 *    stored as noon UTC (src/lib/calendarDate.ts). A value sent as midnight UTC
 *    (`2026-11-30T00:00Z`) was shown as the day before in New York; it becomes noon UTC of the
 *    day it names. Values already at noon UTC (the admin's day picker, the demo content) stay.
 */
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { siteUrl } from '../server/env'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  const host = new URL(siteUrl()).hostname
  await db.run(sql`UPDATE press_releases
    SET feed_id = 'tag:' || ${host} || ',' || substr(created_at, 1, 10) || ':press-release:' || id
    WHERE feed_id IS NULL`)
  await db.run(sql`UPDATE _press_releases_v
    SET version_feed_id = (SELECT feed_id FROM press_releases WHERE press_releases.id = _press_releases_v.parent_id)
    WHERE version_feed_id IS NULL`)
  await db.run(sql`UPDATE milestones
    SET feed_id = 'tag:' || ${host} || ',' || substr(created_at, 1, 10) || ':milestone:' || id
    WHERE feed_id IS NULL`)
  await db.run(sql`UPDATE events SET feed_id = 'event-' || id || '@' || ${host} WHERE feed_id IS NULL`)

  await db.run(sql`UPDATE milestones SET date = substr(date, 1, 10) || 'T12:00:00.000Z'
    WHERE date IS NOT NULL AND date NOT LIKE '%T12:00:00.000Z'`)
  await db.run(sql`UPDATE quotes SET date = substr(date, 1, 10) || 'T12:00:00.000Z'
    WHERE date IS NOT NULL AND date NOT LIKE '%T12:00:00.000Z'`)
  await db.run(sql`UPDATE events SET registration_deadline = substr(registration_deadline, 1, 10) || 'T12:00:00.000Z'
    WHERE registration_deadline IS NOT NULL AND registration_deadline NOT LIKE '%T12:00:00.000Z'`)
}

// The ids stay (a later schema rollback drops the column); the dates' former times are not kept.
export async function down(_args: MigrateDownArgs): Promise<void> {}
