/**
 * Hand-written: the full-text index of PostgreSQL (src/search/postgres.ts). One GIN expression
 * index per searched table over the weighted `tsvector` of its fields, so search never scans
 * and there is no second copy of any text to keep in step. The expression must be exactly the
 * one the queries use (`pgVector`), or PostgreSQL will not use the index: a change to the
 * searched fields or their weights needs a new migration that drops and remakes these.
 */
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// As src/search/fields.ts had them when this was written (a migration does not follow later edits).
const INDEXED = [
  {
    table: 'press_releases',
    fields: [
      ['title', 'A'],
      ['subtitle', 'B'],
      ['summary', 'B'],
      ['search_text', 'C'],
    ],
  },
  {
    table: 'quotes',
    fields: [
      ['text', 'B'],
      ['speaker_name', 'A'],
      ['speaker_organization', 'C'],
    ],
  },
  {
    table: 'partners',
    fields: [
      ['name', 'A'],
      ['short_name', 'A'],
      ['summary', 'B'],
    ],
  },
]

const vector = (fields: string[][]) =>
  fields
    .map(([column, weight]) => `setweight(to_tsvector('english'::regconfig, coalesce("${column}", '')), '${weight}')`)
    .join(' || ')

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const { table, fields } of INDEXED) {
    await db.execute(sql.raw(`CREATE INDEX "${table}_search_idx" ON "${table}" USING GIN ((${vector(fields)}))`))
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const { table } of INDEXED) await db.execute(sql.raw(`DROP INDEX IF EXISTS "${table}_search_idx"`))
}
