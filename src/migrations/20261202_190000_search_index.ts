/**
 * Hand-written: the full-text index of the embedded database (src/search/sqlite.ts).
 *
 * 1. `search_text` becomes the body alone (it held subtitle, summary and body run together);
 *    subtitle and summary are indexed as fields of their own.
 * 2. One FTS5 table per searched collection, with the Porter stemmer, as an external-content
 *    index of the collection's table: it stores no text of its own, only the index, and
 *    snippets are read from the row. Triggers keep it in step in the same statement as every
 *    insert, update and delete of the row, whoever writes (the admin, the API, a seed, SQL).
 * 3. The index is built from what is there.
 */
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { bodySearchText } from '../../collections/PressReleases/hooks/fillSearchText'

const TOKENIZER = 'porter unicode61 remove_diacritics 2'

// As src/search/fields.ts had them when this was written (a migration does not follow later edits);
// the FTS5 table of `press_releases` is `press_releases_search`, and so on.
const INDEXED = [
  { table: 'press_releases', columns: ['title', 'subtitle', 'summary', 'search_text'] },
  { table: 'quotes', columns: ['text', 'speaker_name', 'speaker_organization'] },
  { table: 'partners', columns: ['name', 'short_name', 'summary'] },
]

const statements = () =>
  INDEXED.flatMap(({ table, columns }) => {
    const fts = `${table}_search`
    const list = columns.join(', ')
    const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ')
    const remove = `INSERT INTO ${fts}(${fts}, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});`
    const add = `INSERT INTO ${fts}(rowid, ${list}) VALUES (new.id, ${values('new')});`
    return [
      `CREATE VIRTUAL TABLE ${fts} USING fts5(${list}, content='${table}', content_rowid='id', tokenize='${TOKENIZER}')`,
      `CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN ${add} END`,
      `CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN ${remove} END`,
      `CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${list} ON ${table} BEGIN ${remove} ${add} END`,
      `INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`,
    ]
  })

export async function up({ db }: MigrateUpArgs): Promise<void> {
  const rows = (await db.all(sql`SELECT id, body FROM press_releases`)) as { id: number; body: string | null }[]
  for (const { id, body } of rows) {
    let value: unknown = null
    try {
      value = body ? JSON.parse(body) : null
    } catch {
      value = null
    }
    await db.run(sql`UPDATE press_releases SET search_text = ${bodySearchText(value)} WHERE id = ${id}`)
  }
  for (const statement of statements()) await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const { table } of INDEXED) {
    const fts = `${table}_search`
    for (const trigger of ['insert', 'delete', 'update'])
      await db.run(sql.raw(`DROP TRIGGER IF EXISTS ${fts}_${trigger}`))
    await db.run(sql.raw(`DROP TABLE IF EXISTS ${fts}`))
  }
}
