/**
 * What every search engine (SQLite FTS5, PostgreSQL tsvector, MongoDB text index) answers. An
 * engine only finds candidates and marks words: which candidates a reader may see is decided
 * afterwards by the public read (src/search/index.ts), never by the engine.
 */
import type { SearchSpec } from './fields'

export type DocId = number | string

/** Each searched field's text with the matched words marked (src/search/terms.ts): whole for short fields, a snippet for long ones. */
export type MarkedFields = Record<string, string | null>

export interface SearchEngine {
  /** Documents matching every term, most relevant first, equally relevant ones by the spec's tie-break. */
  candidates(spec: SearchSpec, terms: string[], offset: number, limit: number): Promise<DocId[]>
  /** Marked text of these documents (already found public by the caller), by id as a string. */
  marks(spec: SearchSpec, terms: string[], ids: DocId[]): Promise<Map<string, MarkedFields>>
}

/** Words a snippet holds at most. */
export const SNIPPET_WORDS = 32
