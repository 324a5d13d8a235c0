import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { matches } from './compare'
import type { ID, Refs, SeedData, SeedOutcome, SluggedCollection, Tally } from './types'

/** Everything the seeder writes goes through the local API with these options. */
const common = { overrideAccess: true, context: { seeding: true }, depth: 0 } as const

/** Collections with drafts: the seeder always reads and writes the published document. */
const DRAFTED: readonly SluggedCollection[] = ['press-releases', 'quotes', 'milestones', 'events']
const draftOptions = (collection: SluggedCollection) => (DRAFTED.includes(collection) ? { draft: false } : {})

/** Demo quotes, milestones and events are published ones; releases say their own status. */
const published = <T extends object>(collection: SluggedCollection, data: T): T =>
  DRAFTED.includes(collection) && !('_status' in data) ? { ...data, _status: 'published' } : data

export type SeedContext = { payload: Payload; refs: Refs; tally: Tally }

const findBySlug = async (payload: Payload, collection: SluggedCollection, slug: string) => {
  const { docs } = await payload.find({
    ...common,
    ...draftOptions(collection),
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
  })
  return docs[0] as unknown as StoredDoc | undefined
}

type StoredDoc = Record<string, unknown> & { id: ID }
/** The generated types assume numeric ids; the seed data carries opaque ones (see types.ts). */
type CreateArgs = Parameters<Payload['create']>[0]
type UpdateArgs = Parameters<Payload['update']>[0]

/**
 * Create the document with this slug, or bring the existing one up to date. Only the fields in
 * `data` are written, so an update leaves other fields as they are. Returns the document id.
 */
export const upsertBySlug = async <S extends SluggedCollection>(
  { payload, refs, tally }: SeedContext,
  collection: S,
  data: SeedData<S> | (Partial<SeedData<S>> & { slug: string }),
): Promise<ID> => {
  data = published(collection, data)
  const existing = await findBySlug(payload, collection, data.slug)
  let id: ID
  let outcome: SeedOutcome
  if (!existing) {
    const created = await payload.create({ ...common, ...draftOptions(collection), collection, data } as CreateArgs)
    id = created.id
    outcome = 'created'
  } else if (matches(data, existing)) {
    id = existing.id
    outcome = 'unchanged'
  } else {
    await payload.update({ ...common, ...draftOptions(collection), collection, id: existing.id, data } as UpdateArgs)
    id = existing.id
    outcome = 'updated'
  }
  refs.set(collection, data.slug, id)
  tally.record(collection, data.slug, outcome)
  return id
}

export type MediaInput = {
  /** Stable key the content modules use to refer to the file. */
  key: string
  filename: string
  mimeType: string
  alt: string
  caption?: string
  credit: string
  /** Produces the file's bytes (deterministically: the same input gives the same bytes). */
  render: () => Promise<Buffer>
}

const escapeLike = (s: string) => s.replace(/[%_]/g, '')

/**
 * Media are found by filename. Payload renames an upload whose name is taken on disk
 * (`name-1.png`), so a document whose filename starts with the stem and whose alt text is
 * ours counts as the same file. A document whose file is missing from disk, or differs from
 * what the seed now renders, gets the file again.
 */
export const upsertMedia = async ({ payload, refs, tally }: SeedContext, input: MediaInput): Promise<ID> => {
  const stem = input.filename.replace(/\.[^.]+$/, '')
  const { docs } = await payload.find({
    ...common,
    collection: 'media',
    where: {
      or: [
        { filename: { equals: input.filename } },
        { and: [{ alt: { equals: input.alt } }, { filename: { like: escapeLike(stem) } }] },
      ],
    },
    sort: 'createdAt',
    limit: 1,
    pagination: false,
  })
  const existing = docs[0]
  const data = { alt: input.alt, caption: input.caption ?? null, credit: input.credit }
  // Rendering is cheap and deterministic, so the bytes show whether the stored file is current.
  const buffer = await input.render()
  const file = { data: buffer, mimetype: input.mimeType, name: input.filename, size: buffer.length }

  let id: ID
  let outcome: SeedOutcome
  if (!existing) {
    const created = await payload.create({ ...common, collection: 'media', data, file })
    id = created.id
    outcome = 'created'
  } else {
    id = existing.id
    // Local storage: compare the bytes on disk. Otherwise the recorded size is the best clue.
    const staticDir = payload.collections.media.config.upload.staticDir
    const stored = staticDir && existing.filename ? path.join(staticDir, existing.filename) : null
    const fileStale = stored
      ? !existsSync(stored) || !readFileSync(stored).equals(buffer)
      : existing.filesize !== buffer.length
    if (!fileStale && matches(data, existing)) {
      outcome = 'unchanged'
    } else {
      await payload.update({ ...common, collection: 'media', id: existing.id, data, ...(fileStale ? { file } : {}) })
      outcome = 'updated'
    }
  }
  refs.set('media', input.key, id)
  tally.record('media', input.key, outcome)
  return id
}
