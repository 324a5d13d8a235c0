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

/**
 * The document's vector: the same expression as the GIN index the PostgreSQL search-index
 * migration made (src/migrations/postgres/20261203_073100_search_index.ts), so the index is used.
 */
export const pgVector = (spec: SearchSpec) =>
  spec.fields
    .map((f) => `setweight(to_tsvector('english'::regconfig, coalesce(${quoted(f.column)}, '')), '${f.pgWeight}')`)
    .join(' || ')

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
          // A fragment says where it was cut, as FTS5's snippets do, and is cut between words:
          // ts_headline leaves out the punctuation around its first and last word, which is put back.
          const raw = unmarked(whole)
          const plain = unmarked(fragment).trim()
          const found = raw.indexOf(plain)
          let text = fragment.trim()
          let [start, end] = found < 0 ? [-1, -1] : [found, found + plain.length]
          if (found >= 0) {
            while (start > 0 && !/\s/u.test(raw[start - 1])) start--
            while (end < raw.length && !/\s/u.test(raw[end])) end++
            text = `${raw.slice(start, found)}${text}${raw.slice(found + plain.length, end)}`
          }
          fields[f.name] = `${start !== 0 ? '…' : ''}${text}${start < 0 || end < raw.trimEnd().length ? '…' : ''}`
        }
      }
      result.set(String(row.id), fields)
    }
    return result
  },
})
