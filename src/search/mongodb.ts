/**
 * Search on MongoDB: one weighted text index per searched collection (English stemming), made
 * at start-up. Text scores look at each document alone. MongoDB has no snippets, so words are
 * marked here, whole words only, and long fields cut at word boundaries.
 */
import type { DocId, MarkedFields, SearchEngine } from './engine'
import { SNIPPET_WORDS } from './engine'
import type { SearchSpec } from './fields'
import { isLongField } from './sqlite'
import { MARK_END, MARK_START } from './terms'

type Query = {
  sort: (s: Record<string, unknown>) => Query
  skip: (n: number) => Query
  limit: (n: number) => Query
  select: (s: Record<string, unknown>) => Query
  lean: () => Promise<Record<string, unknown>[]>
}
export type MongoModel = {
  find: (filter: Record<string, unknown>, projection?: Record<string, unknown>) => Query
  collection: { createIndex: (keys: Record<string, string>, options: Record<string, unknown>) => Promise<unknown> }
}

export const mongoIndexName = 'newsroom_search'

/** Idempotent: the text index a searched collection needs (an index of the same name and keys is kept). */
export const ensureMongoSearchIndex = (model: MongoModel, spec: SearchSpec) =>
  model.collection.createIndex(Object.fromEntries(spec.fields.map((f) => [f.name, 'text'])), {
    name: mongoIndexName,
    default_language: 'english',
    weights: Object.fromEntries(spec.fields.map((f) => [f.name, f.weight])),
  })

/** A rough English root, only for marking words here (the index does the real stemming). */
const root = (term: string) => term.replace(/(ing|ed|es|s)$/u, '').slice(0, Math.max(3, term.length - 3))

/** The text with every word that starts with a term's root marked. */
export const markWords = (text: string, terms: string[]) => {
  const roots = terms.map(root)
  return text.replace(/[\p{L}\p{N}]+/gu, (word) =>
    roots.some((r) => word.toLowerCase().startsWith(r)) ? `${MARK_START}${word}${MARK_END}` : word,
  )
}

/** At most `words` words around the first marked one, cut between words. */
export const snippetAt = (marked: string, words = SNIPPET_WORDS) => {
  const parts = marked.split(/\s+/).filter(Boolean)
  if (parts.length <= words) return parts.join(' ')
  const first = Math.max(
    0,
    parts.findIndex((p) => p.includes(MARK_START)),
  )
  const start = Math.max(0, Math.min(first - Math.floor(words / 4), parts.length - words))
  const end = start + words
  return `${start > 0 ? '…' : ''}${parts.slice(start, end).join(' ')}${end < parts.length ? '…' : ''}`
}

const textSearch = (terms: string[]) => ({ $text: { $search: terms.map((t) => `"${t}"`).join(' ') } })

export const mongoSearchEngine = (models: Record<string, MongoModel>): SearchEngine => ({
  async candidates(spec: SearchSpec, terms: string[], offset: number, limit: number): Promise<DocId[]> {
    const docs = await models[spec.collection]
      .find(textSearch(terms), { score: { $meta: 'textScore' } })
      .sort({
        score: { $meta: 'textScore' },
        [spec.tieBreak.name]: spec.tieBreak.direction === 'desc' ? -1 : 1,
        _id: -1,
      })
      .skip(offset)
      .limit(limit)
      .select({ _id: 1 })
      .lean()
    return docs.map((d) => String(d._id))
  },

  async marks(spec: SearchSpec, terms: string[], ids: DocId[]): Promise<Map<string, MarkedFields>> {
    const docs = await models[spec.collection]
      .find({ _id: { $in: ids } })
      .select(Object.fromEntries(spec.fields.map((f) => [f.name, 1])))
      .lean()
    return new Map(
      docs.map((doc) => [
        String(doc._id),
        Object.fromEntries(
          spec.fields.map((f) => {
            const text = typeof doc[f.name] === 'string' ? (doc[f.name] as string) : null
            if (!text) return [f.name, null]
            const marked = markWords(text, terms)
            return [f.name, isLongField(f.name) ? snippetAt(marked) : marked]
          }),
        ),
      ]),
    )
  },
})
