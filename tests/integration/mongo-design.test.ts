/**
 * MongoDB by design: no MongoDB server runs here, so these check the newsroom's MongoDB choices
 * against @payloadcms/db-mongodb's own code. (1) The sorts the public reads send, as the adapter
 * turns them into MongoDB sorts (it appends `-createdAt`), are served by an index. (2) Press-kit
 * files count as used: MongoDB's distinct over `assets.file` answers arrays of ids. (3) Each
 * database's migration folder holds only migrations for that database, and the adapter for each
 * URI reads its own folder, so `payload migrate` on MongoDB never runs SQLite migrations.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Payload, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { distinctIds } from '@/access/media'
import { MONGO_SORT_INDEXES } from '@/server/mongoIndexes'

const ROOT = path.resolve(import.meta.dirname, '../..')

type BuildSortParam = (args: Record<string, unknown>) => Record<string, 'asc' | 'desc'>
const adapterSort = async (collection: string, sort: string | string[]) => {
  // Not exported by the package: read from its files, as the adapter itself runs it.
  const file = path.join(ROOT, 'node_modules/@payloadcms/db-mongodb/dist/queries/buildSortParam.js')
  const { buildSortParam } = (await import(pathToFileURL(file).href)) as { buildSortParam: BuildSortParam }
  process.env.DATABASE_URI ||= 'file:./data/mongo-design-unused.db'
  const config = (await (await import('@payload-config')).default) as SanitizedConfig
  const fields = config.collections.find((c) => c.slug === collection)!.flattenedFields
  return buildSortParam({ adapter: { disableFallbackSort: false }, config, fields, sort, timestamps: true })
}

/** An index serves a sort after its equality keys when the sort's keys come next, all in its order or all reversed. */
const serves = (keys: Record<string, 1 | -1>, equality: string[], sort: Record<string, 'asc' | 'desc'>) => {
  const names = Object.keys(keys)
  if (names.slice(0, equality.length).join() !== equality.join()) return false
  const rest = names.slice(equality.length)
  const wanted = Object.entries(sort)
  if (rest.length < wanted.length) return false
  const same = wanted.every(([k, d], i) => rest[i] === k && keys[k] === (d === 'asc' ? 1 : -1))
  const reversed = wanted.every(([k, d], i) => rest[i] === k && keys[k] === (d === 'asc' ? -1 : 1))
  return same || reversed
}

describe('MongoDB by design', () => {
  it.each([[['-publishedAt', '-id']], ['-publishedAt']])(
    'the release sort %j, as the adapter sends it, is served by an index',
    async (sort) => {
      const sent = await adapterSort('press-releases', sort)
      // What Payload really sends: the fallback is there (so an index without it would not serve).
      expect(Object.keys(sent)).toContain('createdAt')
      const indexes = MONGO_SORT_INDEXES.filter((i) => i.collection === 'press-releases')
      expect(indexes.some((i) => serves(i.keys, ['_status'], sent))).toBe(true)
    },
  )

  it('press-kit files count as used whatever shape the distinct answer has', () => {
    // SQL adapters: one id per row. MongoDB: `$group` on `$assets.file` gives each release's array.
    expect(distinctIds([{ 'assets.file': 3 }, { 'assets.file': 4 }], 'assets.file')).toEqual([3, 4])
    expect(
      distinctIds(
        [{ 'assets.file': ['65a1', '65a2'] }, { 'assets.file': ['65a3'] }, { 'assets.file': [] }],
        'assets.file',
      ),
    ).toEqual(['65a1', '65a2', '65a3'])
    expect(distinctIds([{ heroImage: { id: '65b1' } }, { heroImage: null }], 'heroImage')).toEqual(['65b1'])
  })

  it.each([
    { uri: 'file:./data/unused.db', folder: 'src/migrations', dialect: '@payloadcms/db-sqlite' },
    { uri: 'postgres://u@127.0.0.1:1/x', folder: 'src/migrations/postgres', dialect: '@payloadcms/db-postgres' },
    { uri: 'mongodb://127.0.0.1:1/x', folder: 'src/migrations/mongodb', dialect: '@payloadcms/db-mongodb' },
  ])('$uri reads only $folder, whose migrations are written for $dialect', async ({ uri, folder, dialect }) => {
    const before = process.env.DATABASE_URI
    process.env.DATABASE_URI = uri
    try {
      const { databaseAdapter } = await import('@/server/database')
      const adapter = databaseAdapter().init({ payload: { config: {}, logger: console } as unknown as Payload })
      expect(adapter.migrationDir).toBe(path.join(ROOT, folder))
    } finally {
      process.env.DATABASE_URI = before
    }
    const migrations = readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    for (const file of migrations) {
      const source = readFileSync(path.join(ROOT, folder, file), 'utf8')
      const adapters = [...source.matchAll(/from '(@payloadcms\/db-[a-z]+)'/g)].map((m) => m[1])
      expect(adapters, file).toEqual(adapters.length ? adapters.map(() => dialect) : [])
    }
  })
})
