/**
 * Search on PostgreSQL: a weighted `tsvector` of each searched collection's fields with the
 * English configuration (stemming, stop words), behind a GIN expression index on the table
 * itself, so there is no second copy of any text to keep in step. Ranking is `ts_rank_cd`,
 * which looks at each document alone; snippets are `ts_headline` fragments, whole words.
 */
import type { DocId, MarkedFields, SearchEngine } from './engine'
import { SNIPPET_WORDS } from './engine'
import type { SearchSpec } from './fields'
import { isLongField } from './sqlite'
import { MARK_END, MARK_START, unmarked } from './terms'

export type PgPool = { query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/** The document's vector: the same expression in the index and in every query, so the index is used. */
export const pgVector = (spec: SearchSpec) =>
  spec.fields
    .map((f) => `setweight(to_tsvector('english'::regconfig, coalesce(${quoted(f.column)}, '')), '${f.pgWeight}')`)
    .join(' || ')

export const pgIndexName = (spec: SearchSpec) => `${spec.table}_search_idx`

/** Idempotent: the GIN index each searched table needs (run at start-up; safe on every instance). */
export const pgSearchIndexStatements = (specs: SearchSpec[]) =>
  specs.map(
    (spec) =>
      `CREATE INDEX IF NOT EXISTS ${quoted(pgIndexName(spec))} ON ${quoted(spec.table)} USING GIN ((${pgVector(spec)}))`,
  )

const selectors = `StartSel="${MARK_START}", StopSel="${MARK_END}"`

export const postgresSearchEngine = (pool: PgPool): SearchEngine => ({
  async candidates(spec: SearchSpec, terms: string[], offset: number, limit: number): Promise<DocId[]> {
    const vector = pgVector(spec)
    const { column, direction } = spec.tieBreak
    const { rows } = await pool.query(
      `SELECT id FROM ${quoted(spec.table)}, plainto_tsquery('english'::regconfig, $1) AS q
        WHERE (${vector}) @@ q
        ORDER BY ts_rank_cd(${vector}, q) DESC, ${quoted(column)} ${direction.toUpperCase()} NULLS LAST, id DESC
        LIMIT $2 OFFSET $3`,
      [terms.join(' '), limit, offset],
    )
    return rows.map((r) => r.id as DocId)
  },

  async marks(spec: SearchSpec, terms: string[], ids: DocId[]): Promise<Map<string, MarkedFields>> {
    const result = new Map<string, MarkedFields>()
    if (!ids.length) return result
    // Every field whole with its words marked; long fields also as one fragment around the best match.
    const columns = spec.fields.flatMap((f) => [
      `ts_headline('english'::regconfig, ${quoted(f.column)}, q, '${selectors}, HighlightAll=true') AS ${quoted(f.name)}`,
      ...(isLongField(f.name)
        ? [
            `ts_headline('english'::regconfig, ${quoted(f.column)}, q, '${selectors}, MaxFragments=1, MaxWords=${SNIPPET_WORDS}, MinWords=${Math.floor(SNIPPET_WORDS / 2)}') AS ${quoted(`fragment:${f.name}`)}`,
          ]
        : []),
    ])
    const { rows } = await pool.query(
      `SELECT id, ${columns.join(', ')} FROM ${quoted(spec.table)}, plainto_tsquery('english'::regconfig, $1) AS q
        WHERE id = ANY($2)`,
      [terms.join(' '), ids],
    )
    for (const row of rows) {
      const fields: MarkedFields = {}
      for (const f of spec.fields) {
        const whole = row[f.name]
        const fragment = row[`fragment:${f.name}`]
        if (typeof whole !== 'string') fields[f.name] = null
        else if (typeof fragment !== 'string' || unmarked(whole).split(/\s+/).length <= SNIPPET_WORDS)
          fields[f.name] = whole
        else {
          // A fragment says where it was cut, as FTS5's snippets do.
          const raw = unmarked(whole)
          const plain = unmarked(fragment).trim()
          const at = raw.indexOf(plain)
          fields[f.name] =
            `${at !== 0 ? '…' : ''}${fragment.trim()}${at < 0 || at + plain.length < raw.trimEnd().length ? '…' : ''}`
        }
      }
      result.set(String(row.id), fields)
    }
    return result
  },
})
