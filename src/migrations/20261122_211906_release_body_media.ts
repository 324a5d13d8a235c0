import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { richTextMediaIds } from '../richText/media'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`press_releases_rels\` ADD \`media_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`press_releases_rels_media_id_idx\` ON \`press_releases_rels\` (\`media_id\`);`)
  await db.run(sql`ALTER TABLE \`_press_releases_v_rels\` ADD \`media_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_rels_media_id_idx\` ON \`_press_releases_v_rels\` (\`media_id\`);`)
  // Releases saved before this field existed: record the images their bodies show, so that media
  // access (src/access/media.ts) keeps those images public. Plain SQL: later fields must not matter.
  const rows = await db.all<{ id: number; body: string | null }>(
    sql`SELECT id, body FROM press_releases WHERE body IS NOT NULL`,
  )
  for (const row of rows) {
    const ids = [...richTextMediaIds(JSON.parse(row.body ?? 'null'))]
    for (const [i, mediaId] of ids.entries()) {
      await db.run(sql`INSERT INTO press_releases_rels ("order", parent_id, path, media_id)
        SELECT ${i + 1}, ${row.id}, 'bodyMedia', id FROM media WHERE id = ${mediaId}`)
    }
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_press_releases_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	\`topics_id\` integer,
  	\`quotes_id\` integer,
  	\`press_releases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quotes_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`press_releases_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_press_releases_rels\`("id", "order", "parent_id", "path", "partners_id", "topics_id", "quotes_id", "press_releases_id") SELECT "id", "order", "parent_id", "path", "partners_id", "topics_id", "quotes_id", "press_releases_id" FROM \`press_releases_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`press_releases_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_press_releases_rels\` RENAME TO \`press_releases_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`press_releases_rels_order_idx\` ON \`press_releases_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_rels_parent_idx\` ON \`press_releases_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_rels_path_idx\` ON \`press_releases_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_rels_partners_id_idx\` ON \`press_releases_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_rels_topics_id_idx\` ON \`press_releases_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_rels_quotes_id_idx\` ON \`press_releases_rels\` (\`quotes_id\`);`)
  await db.run(
    sql`CREATE INDEX \`press_releases_rels_press_releases_id_idx\` ON \`press_releases_rels\` (\`press_releases_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`__new__press_releases_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	\`topics_id\` integer,
  	\`quotes_id\` integer,
  	\`press_releases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_press_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quotes_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`press_releases_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__press_releases_v_rels\`("id", "order", "parent_id", "path", "partners_id", "topics_id", "quotes_id", "press_releases_id") SELECT "id", "order", "parent_id", "path", "partners_id", "topics_id", "quotes_id", "press_releases_id" FROM \`_press_releases_v_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`_press_releases_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__press_releases_v_rels\` RENAME TO \`_press_releases_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_rels_order_idx\` ON \`_press_releases_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_rels_parent_idx\` ON \`_press_releases_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_rels_path_idx\` ON \`_press_releases_v_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_rels_partners_id_idx\` ON \`_press_releases_v_rels\` (\`partners_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_rels_topics_id_idx\` ON \`_press_releases_v_rels\` (\`topics_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_rels_quotes_id_idx\` ON \`_press_releases_v_rels\` (\`quotes_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_press_releases_v_rels_press_releases_id_idx\` ON \`_press_releases_v_rels\` (\`press_releases_id\`);`,
  )
}
