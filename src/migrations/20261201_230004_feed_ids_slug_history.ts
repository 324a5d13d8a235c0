import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`press_releases_previous_slugs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`press_releases_previous_slugs_order_idx\` ON \`press_releases_previous_slugs\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`press_releases_previous_slugs_parent_id_idx\` ON \`press_releases_previous_slugs\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_press_releases_v_version_previous_slugs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_press_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_previous_slugs_order_idx\` ON \`_press_releases_v_version_previous_slugs\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_previous_slugs_parent_id_idx\` ON \`_press_releases_v_version_previous_slugs\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`partners_previous_slugs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_previous_slugs_order_idx\` ON \`partners_previous_slugs\` (\`_order\`);`)
  await db.run(
    sql`CREATE INDEX \`partners_previous_slugs_parent_id_idx\` ON \`partners_previous_slugs\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_partners_v_version_previous_slugs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_partners_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_partners_v_version_previous_slugs_order_idx\` ON \`_partners_v_version_previous_slugs\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_partners_v_version_previous_slugs_parent_id_idx\` ON \`_partners_v_version_previous_slugs\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`events_previous_slugs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_previous_slugs_order_idx\` ON \`events_previous_slugs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`events_previous_slugs_parent_id_idx\` ON \`events_previous_slugs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`topics_previous_slugs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`topics_previous_slugs_order_idx\` ON \`topics_previous_slugs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`topics_previous_slugs_parent_id_idx\` ON \`topics_previous_slugs\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`press_releases\` ADD \`feed_id\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`press_releases_feed_id_idx\` ON \`press_releases\` (\`feed_id\`);`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` ADD \`version_feed_id\` text;`)
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_feed_id_idx\` ON \`_press_releases_v\` (\`version_feed_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`milestones\` ADD \`feed_id\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`milestones_feed_id_idx\` ON \`milestones\` (\`feed_id\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`feed_id\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_feed_id_idx\` ON \`events\` (\`feed_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`press_releases_previous_slugs\`;`)
  await db.run(sql`DROP TABLE \`_press_releases_v_version_previous_slugs\`;`)
  await db.run(sql`DROP TABLE \`partners_previous_slugs\`;`)
  await db.run(sql`DROP TABLE \`_partners_v_version_previous_slugs\`;`)
  await db.run(sql`DROP TABLE \`events_previous_slugs\`;`)
  await db.run(sql`DROP TABLE \`topics_previous_slugs\`;`)
  await db.run(sql`DROP INDEX \`press_releases_feed_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`press_releases\` DROP COLUMN \`feed_id\`;`)
  await db.run(sql`DROP INDEX \`_press_releases_v_version_version_feed_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` DROP COLUMN \`version_feed_id\`;`)
  await db.run(sql`DROP INDEX \`milestones_feed_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`milestones\` DROP COLUMN \`feed_id\`;`)
  await db.run(sql`DROP INDEX \`events_feed_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`feed_id\`;`)
}
