/**
 * Public search, the same on every database: the engine (src/search/sqlite.ts, postgres.ts,
 * mongodb.ts) finds candidates in relevance order; which of them a reader sees is decided by the
 * public read (the local API with `overrideAccess: false`, so THE visibility rule), and only
 * documents that read returned get their words marked. A hidden document is never returned,
 * marked or counted, however many of them match.
 */
import type { Payload } from 'payload'

import { asPublic, payload as getPayload } from '@/data/payload'
import type { Partner, PressRelease, Quote } from '@/payload-types'

import type { DocId, MarkedFields, SearchEngine } from './engine'
import { SEARCH_SPECS, type SearchCollection } from './fields'
import { type MongoModel, mongoSearchEngine } from './mongodb'
import { type PgPool, postgresSearchEngine } from './postgres'
import { type SqliteClient, sqliteSearchEngine } from './sqlite'
import { searchTerms } from './terms'

export { searchTerms } from './terms'

export const SEARCH_LIMIT = 20

type Db = { name?: string; client?: unknown; pool?: unknown; collections?: unknown }

const engines = new WeakMap<object, SearchEngine>()

/** The engine for the database Payload runs on. */
export const searchEngine = (payload: Payload): SearchEngine => {
  const db = payload.db as unknown as Db
  let engine = engines.get(db)
  if (!engine) {
    if (db.name === 'sqlite') engine = sqliteSearchEngine(db.client as SqliteClient)
    else if (db.name === 'postgres') engine = postgresSearchEngine(db.pool as PgPool)
    else if (db.name === 'mongoose') engine = mongoSearchEngine(db.collections as Record<string, MongoModel>)
    else throw new Error(`No search engine for the ${db.name ?? 'unknown'} database adapter`)
    engines.set(db, engine)
  }
  return engine
}

const SELECT = {
  'press-releases': {
    slug: true,
    title: true,
    summary: true,
    publishedAt: true,
    embargoUntil: true,
    datePrecision: true,
  },
  quotes: {
    text: true,
    speakerName: true,
    speakerTitle: true,
    speakerOrganization: true,
    date: true,
    datePrecision: true,
  },
  partners: { slug: true, name: true, shortName: true, summary: true },
} as const

export type Hit<T> = { doc: T; marks: MarkedFields }

/**
 * The first `limit` public documents of a collection that match every term, most relevant
 * first. Candidates are read in growing batches and each batch goes through the public read,
 * so hidden documents ahead of public ones cost time but never take a public one's place.
 */
const searchCollection = async <T extends { id: DocId }>(
  payload: Payload,
  collection: SearchCollection,
  terms: string[],
  limit: number,
): Promise<Hit<T>[]> => {
  const engine = searchEngine(payload)
  const spec = SEARCH_SPECS[collection]
  const found: T[] = []
  let offset = 0
  let batch = Math.max(limit * 2, 40)
  for (;;) {
    const ids = await engine.candidates(spec, terms, offset, batch)
    if (!ids.length) break
    const { docs } = (await payload.find({
      collection,
      where: { id: { in: ids } },
      pagination: false,
      depth: 0,
      select: SELECT[collection],
      ...asPublic,
    } as never)) as unknown as { docs: T[] }
    const visible = new Map(docs.map((d) => [String(d.id), d]))
    for (const id of ids) {
      const doc = visible.get(String(id))
      if (doc && found.length < limit) found.push(doc)
    }
    if (found.length >= limit || ids.length < batch) break
    offset += ids.length
    batch *= 4
  }
  const marks = await engine.marks(
    spec,
    terms,
    found.map((d) => d.id),
  )
  return found.map((doc) => ({ doc, marks: marks.get(String(doc.id)) ?? {} }))
}

export type SearchResults = {
  terms: string[]
  releases: Hit<Pick<PressRelease, 'id' | 'slug' | 'title' | 'summary' | 'publishedAt' | 'embargoUntil'>>[]
  quotes: Hit<Pick<Quote, 'id' | 'text' | 'speakerName' | 'speakerTitle' | 'speakerOrganization' | 'date'>>[]
  partners: Hit<Pick<Partner, 'id' | 'slug' | 'name' | 'shortName' | 'summary'>>[]
}

/** Public releases, quotes and partners matching every word of `q` (stemmed), most relevant first. */
export const searchPublic = async (q: string, limit = SEARCH_LIMIT): Promise<SearchResults> => {
  const terms = searchTerms(q)
  if (!terms.length) return { terms, releases: [], quotes: [], partners: [] }
  const payload = await getPayload()
  const [releases, quotes, partners] = await Promise.all([
    searchCollection<SearchResults['releases'][number]['doc']>(payload, 'press-releases', terms, limit),
    searchCollection<SearchResults['quotes'][number]['doc']>(payload, 'quotes', terms, limit),
    searchCollection<SearchResults['partners'][number]['doc']>(payload, 'partners', terms, limit),
  ])
  return { terms, releases, quotes, partners }
}
