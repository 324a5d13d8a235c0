/**
 * What is searched, in one place for every engine: per collection, the fields the index holds
 * (each kept apart, so a snippet comes from one field and the same sentence never shows twice),
 * their weights in the relevance rank, and the date that breaks ties (newest first).
 */
export type SearchCollection = 'press-releases' | 'quotes' | 'partners'

export type SearchField = {
  /** Payload field name. */
  name: string
  /** Column in the SQL adapters' table. */
  column: string
  /** Relevance weight (a match in the title counts more than one in the body). */
  weight: number
  /** PostgreSQL's weight class for the same field (A is the strongest). */
  pgWeight: 'A' | 'B' | 'C' | 'D'
}

export type SearchSpec = {
  collection: SearchCollection
  table: string
  fields: SearchField[]
  /** Column (and Payload field) whose newer value ranks first among equally relevant documents. */
  tieBreak: { column: string; name: string; direction: 'desc' | 'asc' }
}

export const SEARCH_SPECS: Record<SearchCollection, SearchSpec> = {
  'press-releases': {
    collection: 'press-releases',
    table: 'press_releases',
    fields: [
      { name: 'title', column: 'title', weight: 10, pgWeight: 'A' },
      { name: 'subtitle', column: 'subtitle', weight: 5, pgWeight: 'B' },
      { name: 'summary', column: 'summary', weight: 5, pgWeight: 'B' },
      // The body as plain text (collections/PressReleases/hooks/fillSearchText.ts).
      { name: 'searchText', column: 'search_text', weight: 1, pgWeight: 'C' },
    ],
    tieBreak: { column: 'published_at', name: 'publishedAt', direction: 'desc' },
  },
  quotes: {
    collection: 'quotes',
    table: 'quotes',
    fields: [
      { name: 'text', column: 'text', weight: 4, pgWeight: 'B' },
      { name: 'speakerName', column: 'speaker_name', weight: 6, pgWeight: 'A' },
      { name: 'speakerOrganization', column: 'speaker_organization', weight: 3, pgWeight: 'C' },
    ],
    tieBreak: { column: 'date', name: 'date', direction: 'desc' },
  },
  partners: {
    collection: 'partners',
    table: 'partners',
    fields: [
      { name: 'name', column: 'name', weight: 10, pgWeight: 'A' },
      { name: 'shortName', column: 'short_name', weight: 8, pgWeight: 'A' },
      { name: 'summary', column: 'summary', weight: 2, pgWeight: 'B' },
    ],
    tieBreak: { column: 'name', name: 'name', direction: 'asc' },
  },
}

/** The SQLite FTS5 table that indexes a collection's table (created by the search-index migration). */
export const ftsTable = (spec: SearchSpec): string => `${spec.table}_search`
