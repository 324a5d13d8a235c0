import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`partners_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_rels_order_idx\` ON \`partners_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_parent_idx\` ON \`partners_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_path_idx\` ON \`partners_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_users_id_idx\` ON \`partners_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_partners_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_partners_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_partners_v_rels_order_idx\` ON \`_partners_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_rels_parent_idx\` ON \`_partners_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_rels_path_idx\` ON \`_partners_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_partners_v_rels_users_id_idx\` ON \`_partners_v_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`release_activity\` ADD \`partner_id\` integer REFERENCES partners(id);`)
  await db.run(sql`ALTER TABLE \`release_activity\` ADD \`version\` text;`)
  await db.run(sql`CREATE INDEX \`release_activity_partner_idx\` ON \`release_activity\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_version_idx\` ON \`release_activity\` (\`version\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`partners_rels\`;`)
  await db.run(sql`DROP TABLE \`_partners_v_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_release_activity\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`subject_type\` text DEFAULT 'press-releases',
  	\`release_id\` integer,
  	\`quote_id\` integer,
  	\`milestone_id\` integer,
  	\`event_id\` integer,
  	\`release_title\` text,
  	\`user_id\` integer,
  	\`comment\` text,
  	\`detail\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`quote_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`milestone_id\`) REFERENCES \`milestones\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_release_activity\`("id", "action", "subject_type", "release_id", "quote_id", "milestone_id", "event_id", "release_title", "user_id", "comment", "detail", "updated_at", "created_at") SELECT "id", "action", "subject_type", "release_id", "quote_id", "milestone_id", "event_id", "release_title", "user_id", "comment", "detail", "updated_at", "created_at" FROM \`release_activity\`;`,
  )
  await db.run(sql`DROP TABLE \`release_activity\`;`)
  await db.run(sql`ALTER TABLE \`__new_release_activity\` RENAME TO \`release_activity\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`release_activity_action_idx\` ON \`release_activity\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_subject_type_idx\` ON \`release_activity\` (\`subject_type\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_release_idx\` ON \`release_activity\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_quote_idx\` ON \`release_activity\` (\`quote_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_milestone_idx\` ON \`release_activity\` (\`milestone_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_event_idx\` ON \`release_activity\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_user_idx\` ON \`release_activity\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_updated_at_idx\` ON \`release_activity\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_created_at_idx\` ON \`release_activity\` (\`created_at\`);`)
}
