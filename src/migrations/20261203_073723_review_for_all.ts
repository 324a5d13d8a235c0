/**
 * Quotes, milestones and events get drafts, versions and review (src/workflow/reviewed.ts), and
 * the audit trail names which collection each entry is about.
 *
 * Generated, then three hand-written additions (a migration does not follow later edits, so
 * everything it needs is here):
 *
 * 1. SQLite rebuilds a table to drop its NOT NULL constraints (drafts may leave required fields
 *    empty). Migrations run inside a transaction, where `PRAGMA foreign_keys=OFF` does nothing,
 *    and dropping a table then deletes, by ON DELETE CASCADE, every row that references it: the
 *    quotes a release uses, the partners of a milestone, an event's earlier slugs. Those tables
 *    are copied before and put back after (`keepReferencingRows`).
 * 2. Dropping `quotes` drops the triggers that keep its full-text index in step
 *    (20261202_190000_search_index); they are made again and the index rebuilt.
 * 3. Every existing quote, milestone and event stays public: its status becomes `published` and
 *    it gets the one published version Payload expects of a published document (the `_x_v`
 *    tables, their relationship rows and array rows), as if an editor had published it.
 */
import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

type Db = MigrateUpArgs['db']

const REVIEWED = ['quotes', 'milestones', 'events'] as const

const columnsOf = async (db: Db, table: string): Promise<string[]> =>
  ((await db.all(sql.raw(`SELECT name FROM pragma_table_info('${table}')`))) as { name: string }[]).map((c) => c.name)

const q = (name: string) => `"${name}"`

/** Copies every table with a foreign key to one of `tables`; the returned function puts them back. */
const keepReferencingRows = async (db: Db, tables: readonly string[]) => {
  const list = tables.map((t) => `'${t}'`).join(', ')
  const rows = (await db.all(
    sql.raw(
      `SELECT DISTINCT m.name AS name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" IN (${list}) AND m.name NOT IN (${list}) AND m.name NOT LIKE '\\_\\_new\\_%' ESCAPE '\\'`,
    ),
  )) as { name: string }[]
  const kept = rows.map((r) => r.name)
  for (const table of kept) {
    await db.run(sql.raw(`DROP TABLE IF EXISTS ${q(`keep_${table}`)}`))
    await db.run(sql.raw(`CREATE TEMP TABLE ${q(`keep_${table}`)} AS SELECT * FROM ${q(table)}`))
  }
  return async () => {
    for (const table of kept) {
      const columns = (await columnsOf(db, table)).map(q).join(', ')
      await db.run(sql.raw(`DELETE FROM ${q(table)}`))
      await db.run(sql.raw(`INSERT INTO ${q(table)} (${columns}) SELECT ${columns} FROM ${q(`keep_${table}`)}`))
      await db.run(sql.raw(`DROP TABLE ${q(`keep_${table}`)}`))
    }
  }
}

/** The generated copy named the new columns too; only the columns the old table has are copied. */
const copyRows = async (db: Db, from: string, to: string) => {
  const target = new Set(await columnsOf(db, to))
  const columns = (await columnsOf(db, from))
    .filter((c) => target.has(c))
    .map(q)
    .join(', ')
  await db.run(sql.raw(`INSERT INTO ${q(to)} (${columns}) SELECT ${columns} FROM ${q(from)}`))
}

/** As 20261202_190000_search_index made them for `quotes`. */
const QUOTE_SEARCH_COLUMNS = ['text', 'speaker_name', 'speaker_organization']
const remakeQuoteSearchTriggers = async (db: Db) => {
  const list = QUOTE_SEARCH_COLUMNS.join(', ')
  const values = (row: 'new' | 'old') => QUOTE_SEARCH_COLUMNS.map((c) => `${row}.${c}`).join(', ')
  const remove = `INSERT INTO quotes_search(quotes_search, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});`
  const add = `INSERT INTO quotes_search(rowid, ${list}) VALUES (new.id, ${values('new')});`
  const exists = await db.all(sql.raw(`SELECT name FROM sqlite_master WHERE name = 'quotes_search'`))
  if (!exists.length) return
  for (const t of ['insert', 'delete', 'update']) await db.run(sql.raw(`DROP TRIGGER IF EXISTS quotes_search_${t}`))
  await db.run(sql.raw(`CREATE TRIGGER quotes_search_insert AFTER INSERT ON quotes BEGIN ${add} END`))
  await db.run(sql.raw(`CREATE TRIGGER quotes_search_delete AFTER DELETE ON quotes BEGIN ${remove} END`))
  await db.run(
    sql.raw(`CREATE TRIGGER quotes_search_update AFTER UPDATE OF ${list} ON quotes BEGIN ${remove} ${add} END`),
  )
  await db.run(sql.raw(`INSERT INTO quotes_search(quotes_search) VALUES ('rebuild')`))
}

/** Every existing document published, with its published version, relationship rows and array rows. */
const publishExisting = async (db: Db, table: string) => {
  await db.run(sql.raw(`UPDATE ${q(table)} SET _status = 'published', review_status = 'approved'`))
  const versions = `_${table}_v`
  const versionColumns = new Set(await columnsOf(db, versions))
  const copied = (await columnsOf(db, table)).filter((c) => c !== 'id' && versionColumns.has(`version_${c}`))
  await db.run(
    sql.raw(
      `INSERT INTO ${q(versions)} (parent_id, ${copied.map((c) => q(`version_${c}`)).join(', ')}, created_at, updated_at, latest)
       SELECT id, ${copied.map(q).join(', ')}, updated_at, updated_at, 1 FROM ${q(table)}`,
    ),
  )
  const rels = (await columnsOf(db, `${table}_rels`)).filter((c) => c !== 'id' && c !== 'parent_id')
  if (rels.length)
    await db.run(
      sql.raw(
        `INSERT INTO ${q(`${versions}_rels`)} (parent_id, ${rels.map(q).join(', ')})
         SELECT v.id, ${rels.map((c) => `r.${q(c)}`).join(', ')} FROM ${q(`${table}_rels`)} r JOIN ${q(versions)} v ON v.parent_id = r.parent_id`,
      ),
    )
  // Array fields: `events_previous_slugs` becomes `_events_v_version_previous_slugs`, the row id kept as `_uuid`.
  const arrays = (await db.all(
    sql.raw(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '${table}\\_%' ESCAPE '\\' AND name != '${table}_rels'`,
    ),
  )) as { name: string }[]
  for (const { name } of arrays) {
    const target = `${versions}_version_${name.slice(table.length + 1)}`
    const targetColumns = new Set(await columnsOf(db, target))
    if (!targetColumns.size) continue
    const fields = (await columnsOf(db, name)).filter(
      (c) => !['id', '_order', '_parent_id'].includes(c) && targetColumns.has(c),
    )
    await db.run(
      sql.raw(
        `INSERT INTO ${q(target)} (_order, _parent_id, _uuid${fields.map((c) => `, ${q(c)}`).join('')})
         SELECT a._order, v.id, a.id${fields.map((c) => `, a.${q(c)}`).join('')} FROM ${q(name)} a JOIN ${q(versions)} v ON v.parent_id = a._parent_id`,
      ),
    )
  }
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`_quotes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_text\` text,
  	\`version_speaker_name\` text,
  	\`version_speaker_title\` text,
  	\`version_speaker_organization\` text,
  	\`version_partner_id\` integer,
  	\`version_provenance\` text DEFAULT 'verbatim',
  	\`version_date\` text,
  	\`version_date_precision\` text DEFAULT 'day',
  	\`version_date_source\` text,
  	\`version_release_id\` integer,
  	\`version_review_status\` text DEFAULT 'in_progress',
  	\`version_review_comment\` text,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_source_url\` text,
  	\`version_label\` text,
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_release_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_quotes_v_parent_idx\` ON \`_quotes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_partner_idx\` ON \`_quotes_v\` (\`version_partner_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_release_idx\` ON \`_quotes_v\` (\`version_release_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_quotes_v_version_version_review_status_idx\` ON \`_quotes_v\` (\`version_review_status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_quotes_v_version_version_submitted_by_idx\` ON \`_quotes_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_slug_idx\` ON \`_quotes_v\` (\`version_slug\`);`)
  await db.run(
    sql`CREATE INDEX \`_quotes_v_version_version_updated_at_idx\` ON \`_quotes_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_quotes_v_version_version_created_at_idx\` ON \`_quotes_v\` (\`version_created_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version__status_idx\` ON \`_quotes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_created_at_idx\` ON \`_quotes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_updated_at_idx\` ON \`_quotes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_latest_idx\` ON \`_quotes_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_quotes_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_quotes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_quotes_v_rels_order_idx\` ON \`_quotes_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_rels_parent_idx\` ON \`_quotes_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_rels_path_idx\` ON \`_quotes_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_rels_topics_id_idx\` ON \`_quotes_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_milestones_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_date\` text,
  	\`version_kind\` text,
  	\`version_date_precision\` text DEFAULT 'day',
  	\`version_date_source\` text,
  	\`version_is_first\` integer DEFAULT false,
  	\`version_summary\` text,
  	\`version_announced_in_id\` integer,
  	\`version_review_status\` text DEFAULT 'in_progress',
  	\`version_review_comment\` text,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_feed_id\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`milestones\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_announced_in_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_milestones_v_parent_idx\` ON \`_milestones_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_milestones_v_version_version_slug_idx\` ON \`_milestones_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_milestones_v_version_version_date_idx\` ON \`_milestones_v\` (\`version_date\`);`)
  await db.run(
    sql`CREATE INDEX \`_milestones_v_version_version_announced_in_idx\` ON \`_milestones_v\` (\`version_announced_in_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_milestones_v_version_version_review_status_idx\` ON \`_milestones_v\` (\`version_review_status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_milestones_v_version_version_submitted_by_idx\` ON \`_milestones_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_milestones_v_version_version_feed_id_idx\` ON \`_milestones_v\` (\`version_feed_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_milestones_v_version_version_updated_at_idx\` ON \`_milestones_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_milestones_v_version_version_created_at_idx\` ON \`_milestones_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_milestones_v_version_version__status_idx\` ON \`_milestones_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_milestones_v_created_at_idx\` ON \`_milestones_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_milestones_v_updated_at_idx\` ON \`_milestones_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_milestones_v_latest_idx\` ON \`_milestones_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_milestones_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_milestones_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_milestones_v_rels_order_idx\` ON \`_milestones_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_milestones_v_rels_parent_idx\` ON \`_milestones_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_milestones_v_rels_path_idx\` ON \`_milestones_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_milestones_v_rels_partners_id_idx\` ON \`_milestones_v_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_previous_slugs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_events_v_version_previous_slugs_order_idx\` ON \`_events_v_version_previous_slugs\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_events_v_version_previous_slugs_parent_id_idx\` ON \`_events_v_version_previous_slugs\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_events_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_status\` text DEFAULT 'scheduled',
  	\`version_start\` text,
  	\`version_end\` text,
  	\`version_time_zone\` text DEFAULT 'America/New_York',
  	\`version_summary\` text,
  	\`version_description\` text,
  	\`version_venue_name\` text,
  	\`version_venue_address\` text,
  	\`version_venue_city\` text,
  	\`version_venue_region\` text,
  	\`version_venue_postal_code\` text,
  	\`version_venue_country\` text DEFAULT 'US',
  	\`version_online_url\` text,
  	\`version_registration_url\` text,
  	\`version_registration_deadline\` text,
  	\`version_image_id\` integer,
  	\`version_sequence\` numeric DEFAULT 0,
  	\`version_review_status\` text DEFAULT 'in_progress',
  	\`version_review_comment\` text,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_feed_id\` text,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` integer,
  	\`version_meta_no_index\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_parent_idx\` ON \`_events_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_slug_idx\` ON \`_events_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_start_idx\` ON \`_events_v\` (\`version_start\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_image_idx\` ON \`_events_v\` (\`version_image_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_events_v_version_version_review_status_idx\` ON \`_events_v\` (\`version_review_status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_events_v_version_version_submitted_by_idx\` ON \`_events_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`_events_v_version_version_feed_id_idx\` ON \`_events_v\` (\`version_feed_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_events_v_version_meta_version_meta_image_idx\` ON \`_events_v\` (\`version_meta_image_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_events_v_version_version_updated_at_idx\` ON \`_events_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_events_v_version_version_created_at_idx\` ON \`_events_v\` (\`version_created_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_events_v_version_version__status_idx\` ON \`_events_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_created_at_idx\` ON \`_events_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_updated_at_idx\` ON \`_events_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_latest_idx\` ON \`_events_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`partners_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_rels_order_idx\` ON \`_events_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_parent_idx\` ON \`_events_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_path_idx\` ON \`_events_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_partners_id_idx\` ON \`_events_v_rels\` (\`partners_id\`);`)
  const restore = await keepReferencingRows(db, REVIEWED)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_quotes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`speaker_name\` text,
  	\`speaker_title\` text,
  	\`speaker_organization\` text,
  	\`partner_id\` integer,
  	\`provenance\` text DEFAULT 'verbatim',
  	\`date\` text,
  	\`date_precision\` text DEFAULT 'day',
  	\`date_source\` text,
  	\`release_id\` integer,
  	\`review_status\` text DEFAULT 'in_progress',
  	\`review_comment\` text,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`source_url\` text,
  	\`label\` text,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyRows(db, 'quotes', '__new_quotes')
  await db.run(sql`DROP TABLE \`quotes\`;`)
  await db.run(sql`ALTER TABLE \`__new_quotes\` RENAME TO \`quotes\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`quotes_partner_idx\` ON \`quotes\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_release_idx\` ON \`quotes\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_review_status_idx\` ON \`quotes\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`quotes_submitted_by_idx\` ON \`quotes\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`quotes_slug_idx\` ON \`quotes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`quotes_updated_at_idx\` ON \`quotes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes_created_at_idx\` ON \`quotes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes__status_idx\` ON \`quotes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_milestones\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`date\` text,
  	\`kind\` text,
  	\`date_precision\` text DEFAULT 'day',
  	\`date_source\` text,
  	\`is_first\` integer DEFAULT false,
  	\`summary\` text,
  	\`announced_in_id\` integer,
  	\`review_status\` text DEFAULT 'in_progress',
  	\`review_comment\` text,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`feed_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`announced_in_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyRows(db, 'milestones', '__new_milestones')
  await db.run(sql`DROP TABLE \`milestones\`;`)
  await db.run(sql`ALTER TABLE \`__new_milestones\` RENAME TO \`milestones\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`milestones_slug_idx\` ON \`milestones\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`milestones_date_idx\` ON \`milestones\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`milestones_announced_in_idx\` ON \`milestones\` (\`announced_in_id\`);`)
  await db.run(sql`CREATE INDEX \`milestones_review_status_idx\` ON \`milestones\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`milestones_submitted_by_idx\` ON \`milestones\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`milestones_feed_id_idx\` ON \`milestones\` (\`feed_id\`);`)
  await db.run(sql`CREATE INDEX \`milestones_updated_at_idx\` ON \`milestones\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`milestones_created_at_idx\` ON \`milestones\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`milestones__status_idx\` ON \`milestones\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`status\` text DEFAULT 'scheduled',
  	\`start\` text,
  	\`end\` text,
  	\`time_zone\` text DEFAULT 'America/New_York',
  	\`summary\` text,
  	\`description\` text,
  	\`venue_name\` text,
  	\`venue_address\` text,
  	\`venue_city\` text,
  	\`venue_region\` text,
  	\`venue_postal_code\` text,
  	\`venue_country\` text DEFAULT 'US',
  	\`online_url\` text,
  	\`registration_url\` text,
  	\`registration_deadline\` text,
  	\`image_id\` integer,
  	\`sequence\` numeric DEFAULT 0,
  	\`review_status\` text DEFAULT 'in_progress',
  	\`review_comment\` text,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`feed_id\` text,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` integer,
  	\`meta_no_index\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyRows(db, 'events', '__new_events')
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_start_idx\` ON \`events\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`events_image_idx\` ON \`events\` (\`image_id\`);`)
  await db.run(sql`CREATE INDEX \`events_review_status_idx\` ON \`events\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`events_submitted_by_idx\` ON \`events\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_feed_id_idx\` ON \`events\` (\`feed_id\`);`)
  await db.run(sql`CREATE INDEX \`events_meta_meta_image_idx\` ON \`events\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`events__status_idx\` ON \`events\` (\`_status\`);`)
  await restore()
  await remakeQuoteSearchTriggers(db)
  for (const table of REVIEWED) await publishExisting(db, table)
  // Rebuilt rather than altered: SQLite's ADD COLUMN cannot give the new references ON DELETE SET
  // NULL, and without it deleting a quote, milestone or event that has entries would fail.
  const restoreActivity = await keepReferencingRows(db, ['release_activity'])
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
  await copyRows(db, 'release_activity', '__new_release_activity')
  await db.run(sql`DROP TABLE \`release_activity\`;`)
  await db.run(sql`ALTER TABLE \`__new_release_activity\` RENAME TO \`release_activity\`;`)
  await restoreActivity()
  await db.run(sql`CREATE INDEX \`release_activity_action_idx\` ON \`release_activity\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_release_idx\` ON \`release_activity\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_user_idx\` ON \`release_activity\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_updated_at_idx\` ON \`release_activity\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_created_at_idx\` ON \`release_activity\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_subject_type_idx\` ON \`release_activity\` (\`subject_type\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_quote_idx\` ON \`release_activity\` (\`quote_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_milestone_idx\` ON \`release_activity\` (\`milestone_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_event_idx\` ON \`release_activity\` (\`event_id\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`_quotes_v\`;`)
  await db.run(sql`DROP TABLE \`_quotes_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_milestones_v\`;`)
  await db.run(sql`DROP TABLE \`_milestones_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_previous_slugs\`;`)
  await db.run(sql`DROP TABLE \`_events_v\`;`)
  await db.run(sql`DROP TABLE \`_events_v_rels\`;`)
  const restore = await keepReferencingRows(db, [...REVIEWED, 'release_activity'])
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_quotes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	\`speaker_name\` text NOT NULL,
  	\`speaker_title\` text,
  	\`speaker_organization\` text,
  	\`partner_id\` integer,
  	\`provenance\` text DEFAULT 'verbatim' NOT NULL,
  	\`date\` text,
  	\`date_precision\` text DEFAULT 'day',
  	\`date_source\` text,
  	\`release_id\` integer,
  	\`source_url\` text,
  	\`label\` text,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_quotes\`("id", "text", "speaker_name", "speaker_title", "speaker_organization", "partner_id", "provenance", "date", "date_precision", "date_source", "release_id", "source_url", "label", "slug", "updated_at", "created_at") SELECT "id", "text", "speaker_name", "speaker_title", "speaker_organization", "partner_id", "provenance", "date", "date_precision", "date_source", "release_id", "source_url", "label", "slug", "updated_at", "created_at" FROM \`quotes\`;`,
  )
  await db.run(sql`DROP TABLE \`quotes\`;`)
  await db.run(sql`ALTER TABLE \`__new_quotes\` RENAME TO \`quotes\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`quotes_partner_idx\` ON \`quotes\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_release_idx\` ON \`quotes\` (\`release_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`quotes_slug_idx\` ON \`quotes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`quotes_updated_at_idx\` ON \`quotes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes_created_at_idx\` ON \`quotes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_milestones\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text,
  	\`date\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`date_precision\` text DEFAULT 'day',
  	\`date_source\` text,
  	\`is_first\` integer DEFAULT false,
  	\`summary\` text,
  	\`announced_in_id\` integer,
  	\`feed_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`announced_in_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_milestones\`("id", "title", "slug", "date", "kind", "date_precision", "date_source", "is_first", "summary", "announced_in_id", "feed_id", "updated_at", "created_at") SELECT "id", "title", "slug", "date", "kind", "date_precision", "date_source", "is_first", "summary", "announced_in_id", "feed_id", "updated_at", "created_at" FROM \`milestones\`;`,
  )
  await db.run(sql`DROP TABLE \`milestones\`;`)
  await db.run(sql`ALTER TABLE \`__new_milestones\` RENAME TO \`milestones\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`milestones_slug_idx\` ON \`milestones\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`milestones_date_idx\` ON \`milestones\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`milestones_announced_in_idx\` ON \`milestones\` (\`announced_in_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`milestones_feed_id_idx\` ON \`milestones\` (\`feed_id\`);`)
  await db.run(sql`CREATE INDEX \`milestones_updated_at_idx\` ON \`milestones\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`milestones_created_at_idx\` ON \`milestones\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text,
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text,
  	\`time_zone\` text DEFAULT 'America/New_York' NOT NULL,
  	\`summary\` text,
  	\`description\` text,
  	\`venue_name\` text,
  	\`venue_address\` text,
  	\`venue_city\` text,
  	\`venue_region\` text,
  	\`venue_postal_code\` text,
  	\`venue_country\` text DEFAULT 'US',
  	\`online_url\` text,
  	\`registration_url\` text,
  	\`registration_deadline\` text,
  	\`image_id\` integer,
  	\`sequence\` numeric DEFAULT 0,
  	\`feed_id\` text,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` integer,
  	\`meta_no_index\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_events\`("id", "title", "slug", "status", "start", "end", "time_zone", "summary", "description", "venue_name", "venue_address", "venue_city", "venue_region", "venue_postal_code", "venue_country", "online_url", "registration_url", "registration_deadline", "image_id", "sequence", "feed_id", "meta_title", "meta_description", "meta_image_id", "meta_no_index", "updated_at", "created_at") SELECT "id", "title", "slug", "status", "start", "end", "time_zone", "summary", "description", "venue_name", "venue_address", "venue_city", "venue_region", "venue_postal_code", "venue_country", "online_url", "registration_url", "registration_deadline", "image_id", "sequence", "feed_id", "meta_title", "meta_description", "meta_image_id", "meta_no_index", "updated_at", "created_at" FROM \`events\`;`,
  )
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_start_idx\` ON \`events\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`events_image_idx\` ON \`events\` (\`image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_feed_id_idx\` ON \`events\` (\`feed_id\`);`)
  await db.run(sql`CREATE INDEX \`events_meta_meta_image_idx\` ON \`events\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_release_activity\` (
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
  await db.run(
    sql`INSERT INTO \`__new_release_activity\`("id", "action", "release_id", "release_title", "user_id", "comment", "detail", "updated_at", "created_at") SELECT "id", "action", "release_id", "release_title", "user_id", "comment", "detail", "updated_at", "created_at" FROM \`release_activity\`;`,
  )
  await db.run(sql`DROP TABLE \`release_activity\`;`)
  await db.run(sql`ALTER TABLE \`__new_release_activity\` RENAME TO \`release_activity\`;`)
  await db.run(sql`CREATE INDEX \`release_activity_action_idx\` ON \`release_activity\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_release_idx\` ON \`release_activity\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_user_idx\` ON \`release_activity\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_updated_at_idx\` ON \`release_activity\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`release_activity_created_at_idx\` ON \`release_activity\` (\`created_at\`);`)
  await restore()
  await remakeQuoteSearchTriggers(db)
}
