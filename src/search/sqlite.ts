/**
 * Search on SQLite: one FTS5 table per searched collection with the Porter stemmer
 * ("infusions" and "infusion" are one word), created by the search-index migration as an
 * external-content index of the collection's own table. Triggers keep it in step within the
 * same statement as every insert, update and delete, whoever writes; snippets and highlights
 * are read from the row itself, so the index holds no copy of any text that could drift.
 */
import type { DocId, MarkedFields, SearchEngine } from './engine'
import { SNIPPET_WORDS } from './engine'
import type { SearchSpec } from './fields'
import { ftsTable } from './fields'
import { MARK_END, MARK_START } from './terms'

type Row = Record<string, unknown>
export type SqliteClient = { execute: (stmt: { sql: string; args: unknown[] }) => Promise<{ rows: Row[] }> }

/** Every term must match (FTS5 tokenises and stems each quoted term as it does the text). */
const matchExpression = (terms: string[]) => terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ')

/** Short fields are shown whole with their matches marked; long ones as a snippet around the best match. */
export const isLongField = (name: string) => ['summary', 'searchText'].includes(name)

export const sqliteSearchEngine = (client: SqliteClient): SearchEngine => ({
  async candidates(spec: SearchSpec, terms: string[], offset: number, limit: number): Promise<DocId[]> {
    const fts = ftsTable(spec)
    const weights = spec.fields.map((f) => f.weight).join(', ')
    const { column, direction } = spec.tieBreak
    const { rows } = await client.execute({
      sql: `SELECT ${fts}.rowid AS id FROM ${fts} JOIN ${spec.table} ON ${spec.table}.id = ${fts}.rowid
        WHERE ${fts} MATCH ?
        ORDER BY bm25(${fts}, ${weights}), ${spec.table}.${column} ${direction.toUpperCase()}, ${spec.table}.id DESC
        LIMIT ? OFFSET ?`,
      args: [matchExpression(terms), limit, offset],
    })
    return rows.map((r) => Number(r.id))
  },

  async marks(spec: SearchSpec, terms: string[], ids: DocId[]): Promise<Map<string, MarkedFields>> {
    const result = new Map<string, MarkedFields>()
    if (!ids.length) return result
    const fts = ftsTable(spec)
    const columns = spec.fields.map((f, i) =>
      isLongField(f.name)
        ? `snippet(${fts}, ${i}, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_WORDS}) AS "${f.name}"`
        : `highlight(${fts}, ${i}, '${MARK_START}', '${MARK_END}') AS "${f.name}"`,
    )
    const { rows } = await client.execute({
      sql: `SELECT rowid AS id, ${columns.join(', ')} FROM ${fts}
        WHERE ${fts} MATCH ? AND rowid IN (${ids.map(() => '?').join(', ')})`,
      args: [matchExpression(terms), ...ids.map(Number)],
    })
    for (const row of rows) {
      result.set(
        String(row.id),
        Object.fromEntries(
          spec.fields.map((f) => [f.name, typeof row[f.name] === 'string' ? (row[f.name] as string) : null]),
        ),
      )
    }
    return result
  },
})
