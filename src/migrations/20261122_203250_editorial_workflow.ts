import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`release_activity\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`release_id\` integer,
  	\`release_title\` text,
  	\`user_id\` integer,
  	\`comment\` text,
  	\`detail\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`release_activity_action_idx\` ON \`release_activity\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_release_idx\` ON \`release_activity\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_user_idx\` ON \`release_activity\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_updated_at_idx\` ON \`release_activity\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_created_at_idx\` ON \`release_activity\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhook_subscribers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`partner_id\` integer,
  	\`active\` integer DEFAULT true,
  	\`secret\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_subscribers_partner_idx\` ON \`webhook_subscribers\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_subscribers_updated_at_idx\` ON \`webhook_subscribers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_subscribers_created_at_idx\` ON \`webhook_subscribers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhook_deliveries_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`response_status\` numeric,
  	\`error\` text,
  	\`duration_ms\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_log_order_idx\` ON \`webhook_deliveries_log\` (\`_order\`);`)
  await db.run(
    sql`CREATE INDEX \`webhook_deliveries_log_parent_id_idx\` ON \`webhook_deliveries_log\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`summary\` text,
  	\`kind\` text DEFAULT 'webhook' NOT NULL,
  	\`event\` text NOT NULL,
  	\`subscriber_id\` integer,
  	\`release_id\` integer,
  	\`url\` text NOT NULL,
  	\`body\` text,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`response_status\` numeric,
  	\`last_error\` text,
  	\`delivered_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`webhook_subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_subscriber_idx\` ON \`webhook_deliveries\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_release_idx\` ON \`webhook_deliveries\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_status_idx\` ON \`webhook_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`press_releases\` ADD \`review_status\` text DEFAULT 'in_progress';`)
  await db.run(sql`ALTER TABLE \`press_releases\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`press_releases\` ADD \`submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`press_releases\` ADD \`submitted_at\` text;`)
  await db.run(sql`CREATE INDEX \`press_releases_review_status_idx\` ON \`press_releases\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_submitted_by_idx\` ON \`press_releases\` (\`submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` ADD \`version_review_status\` text DEFAULT 'in_progress';`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` ADD \`version_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_press_releases_v\` ADD \`version_submitted_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_review_status_idx\` ON \`_press_releases_v\` (\`version_review_status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_submitted_by_idx\` ON \`_press_releases_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`release_activity_id\` integer REFERENCES release_activity(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`webhook_subscribers_id\` integer REFERENCES webhook_subscribers(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`webhook_deliveries_id\` integer REFERENCES webhook_deliveries(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_release_activity_id_idx\` ON \`payload_locked_documents_rels\` (\`release_activity_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_webhook_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_subscribers_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`release_activity\`;`)
  await db.run(sql`DROP TABLE \`webhook_subscribers\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries_log\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_press_releases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`subtitle\` text,
  	\`slug\` text,
  	\`published_at\` text,
  	\`embargo_until\` text,
  	\`summary\` text,
  	\`dateline\` text,
  	\`body\` text,
  	\`hero_image_id\` integer,
  	\`source_distributor\` text,
  	\`source_original_url\` text,
  	\`source_source_line\` text,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` integer,
  	\`meta_no_index\` integer DEFAULT false,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_press_releases\`("id", "title", "subtitle", "slug", "published_at", "embargo_until", "summary", "dateline", "body", "hero_image_id", "source_distributor", "source_original_url", "source_source_line", "meta_title", "meta_description", "meta_image_id", "meta_no_index", "search_text", "updated_at", "created_at", "_status") SELECT "id", "title", "subtitle", "slug", "published_at", "embargo_until", "summary", "dateline", "body", "hero_image_id", "source_distributor", "source_original_url", "source_source_line", "meta_title", "meta_description", "meta_image_id", "meta_no_index", "search_text", "updated_at", "created_at", "_status" FROM \`press_releases\`;`,
  )
  await db.run(sql`DROP TABLE \`press_releases\`;`)
  await db.run(sql`ALTER TABLE \`__new_press_releases\` RENAME TO \`press_releases\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`press_releases_slug_idx\` ON \`press_releases\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_published_at_idx\` ON \`press_releases\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_embargo_until_idx\` ON \`press_releases\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_hero_image_idx\` ON \`press_releases\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_meta_meta_image_idx\` ON \`press_releases\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_updated_at_idx\` ON \`press_releases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_created_at_idx\` ON \`press_releases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`press_releases__status_idx\` ON \`press_releases\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`press_releases\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__press_releases_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_subtitle\` text,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_embargo_until\` text,
  	\`version_summary\` text,
  	\`version_dateline\` text,
  	\`version_body\` text,
  	\`version_hero_image_id\` integer,
  	\`version_source_distributor\` text,
  	\`version_source_original_url\` text,
  	\`version_source_source_line\` text,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` integer,
  	\`version_meta_no_index\` integer DEFAULT false,
  	\`version_search_text\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__press_releases_v\`("id", "parent_id", "version_title", "version_subtitle", "version_slug", "version_published_at", "version_embargo_until", "version_summary", "version_dateline", "version_body", "version_hero_image_id", "version_source_distributor", "version_source_original_url", "version_source_source_line", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_meta_no_index", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_subtitle", "version_slug", "version_published_at", "version_embargo_until", "version_summary", "version_dateline", "version_body", "version_hero_image_id", "version_source_distributor", "version_source_original_url", "version_source_source_line", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_meta_no_index", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_press_releases_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_press_releases_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__press_releases_v\` RENAME TO \`_press_releases_v\`;`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_parent_idx\` ON \`_press_releases_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_slug_idx\` ON \`_press_releases_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_published_at_idx\` ON \`_press_releases_v\` (\`version_published_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_embargo_until_idx\` ON \`_press_releases_v\` (\`version_embargo_until\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_hero_image_idx\` ON \`_press_releases_v\` (\`version_hero_image_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_meta_version_meta_image_idx\` ON \`_press_releases_v\` (\`version_meta_image_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_updated_at_idx\` ON \`_press_releases_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version_created_at_idx\` ON \`_press_releases_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_version_version__status_idx\` ON \`_press_releases_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_press_releases_v_created_at_idx\` ON \`_press_releases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_updated_at_idx\` ON \`_press_releases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_latest_idx\` ON \`_press_releases_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_autosave_idx\` ON \`_press_releases_v\` (\`autosave\`);`)
  await db.run(
    sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_press_releases_v\` (\`version__status\`,\`version_published_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`press_releases_id\` integer,
  	\`quotes_id\` integer,
  	\`partners_id\` integer,
  	\`milestones_id\` integer,
  	\`events_id\` integer,
  	\`topics_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`press_releases_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quotes_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`milestones_id\`) REFERENCES \`milestones\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "press_releases_id", "quotes_id", "partners_id", "milestones_id", "events_id", "topics_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "press_releases_id", "quotes_id", "partners_id", "milestones_id", "events_id", "topics_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_press_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`press_releases_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_quotes_id_idx\` ON \`payload_locked_documents_rels\` (\`quotes_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_milestones_id_idx\` ON \`payload_locked_documents_rels\` (\`milestones_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
}
