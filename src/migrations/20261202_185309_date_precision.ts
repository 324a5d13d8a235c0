import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`press_releases\` ADD \`date_precision\` text DEFAULT 'day';`)
  await db.run(sql`ALTER TABLE \`press_releases\` ADD \`date_source\` text;`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` ADD \`version_date_precision\` text DEFAULT 'day';`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` ADD \`version_date_source\` text;`)
  await db.run(sql`ALTER TABLE \`quotes\` ADD \`date_precision\` text DEFAULT 'day';`)
  await db.run(sql`ALTER TABLE \`quotes\` ADD \`date_source\` text;`)
  await db.run(sql`ALTER TABLE \`milestones\` ADD \`date_precision\` text DEFAULT 'day';`)
  await db.run(sql`ALTER TABLE \`milestones\` ADD \`date_source\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`press_releases\` DROP COLUMN \`date_precision\`;`)
  await db.run(sql`ALTER TABLE \`press_releases\` DROP COLUMN \`date_source\`;`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` DROP COLUMN \`version_date_precision\`;`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` DROP COLUMN \`version_date_source\`;`)
  await db.run(sql`ALTER TABLE \`quotes\` DROP COLUMN \`date_precision\`;`)
  await db.run(sql`ALTER TABLE \`quotes\` DROP COLUMN \`date_source\`;`)
  await db.run(sql`ALTER TABLE \`milestones\` DROP COLUMN \`date_precision\`;`)
  await db.run(sql`ALTER TABLE \`milestones\` DROP COLUMN \`date_source\`;`)
}
