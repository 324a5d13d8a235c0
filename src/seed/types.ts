import type { RequiredDataFromCollectionSlug } from 'payload'

/** Document ids are opaque: numbers on SQLite, strings on MongoDB. */
export type ID = string | number

export const SEEDED_COLLECTIONS = [
  'media',
  'topics',
  'partners',
  'press-releases',
  'quotes',
  'milestones',
  'events',
] as const

export type SeededCollection = (typeof SEEDED_COLLECTIONS)[number]
export type SluggedCollection = Exclude<SeededCollection, 'media'>

/** The generated types, with every id widened to `ID` (the generated ones assume numbers). */
type Relaxed<T> = T extends number
  ? ID
  : T extends readonly (infer U)[]
    ? Relaxed<U>[]
    : T extends object
      ? { [K in keyof T]: Relaxed<T[K]> }
      : T

/** What the content modules produce for a collection: the create data, with a slug. */
export type SeedData<S extends SluggedCollection> = Relaxed<RequiredDataFromCollectionSlug<S>> & {
  slug: string
}

export type SeedOutcome = 'created' | 'updated' | 'unchanged'
export type SeedCounts = Record<SeedOutcome, number>

/** What a run did, per collection: documents created, updated, and found already up to date. */
export type SeedReport = Record<SeededCollection, SeedCounts>

/** Ids of seeded documents by collection and key (a slug, or a media key). */
export class Refs {
  private readonly ids = new Map<string, ID>()

  set(collection: SeededCollection, key: string, id: ID): void {
    this.ids.set(`${collection}:${key}`, id)
  }

  get(collection: SeededCollection, key: string): ID {
    const id = this.ids.get(`${collection}:${key}`)
    if (id === undefined) throw new Error(`Seed data refers to ${collection} "${key}", which was not seeded.`)
    return id
  }

  many(collection: SeededCollection, keys: readonly string[]): ID[] {
    return keys.map((key) => this.get(collection, key))
  }
}

/**
 * Counts each document once per run. A document created and then completed by a second
 * pass (releases and their quotes refer to each other) still counts as created.
 */
export class Tally {
  private readonly outcomes = new Map<string, SeedOutcome>()
  private static readonly rank: Record<SeedOutcome, number> = { unchanged: 0, updated: 1, created: 2 }

  record(collection: SeededCollection, key: string, outcome: SeedOutcome): void {
    const k = `${collection}:${key}`
    const previous = this.outcomes.get(k)
    if (!previous || Tally.rank[outcome] > Tally.rank[previous]) this.outcomes.set(k, outcome)
  }

  report(): SeedReport {
    const report = Object.fromEntries(
      SEEDED_COLLECTIONS.map((c) => [c, { created: 0, updated: 0, unchanged: 0 }]),
    ) as SeedReport
    for (const [k, outcome] of this.outcomes) {
      const collection = k.slice(0, k.indexOf(':')) as SeededCollection
      report[collection][outcome] += 1
    }
    return report
  }
}
