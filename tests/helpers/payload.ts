import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import type { User } from '@/payload-types'

export type TestNewsroom = {
  payload: Payload
  dir: string
  users: { admin: User; editor: User; contributor: User }
  close: () => Promise<void>
}

/** Which database the integration tests run on: `TEST_DATABASE=postgres` (with TEST_POSTGRES_URL) or the embedded default. */
export const testDatabase = (): 'postgres' | 'sqlite' =>
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

/**
 * A brand-new database of the kind `testDatabase()` names: a SQLite file in `dir`, or on
 * PostgreSQL a database of its own created on the server TEST_POSTGRES_URL names (a superuser's
 * URL; `.ci/run` starts such a server), dropped again by `drop`.
 */
export const freshDatabase = async (dir: string): Promise<{ uri: string; drop: () => Promise<void> }> => {
  if (testDatabase() === 'sqlite') return { uri: `file:${path.join(dir, 'newsroom.db')}`, drop: async () => {} }
  const server = process.env.TEST_POSTGRES_URL
  if (!server) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URL (a superuser URL, e.g. from .ci/run)')
  const { default: pg } = await import('pg')
  const name = `newsroom_test_${path.basename(dir).replace(/\W/g, '_').toLowerCase()}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE "${name}"`)
  const uri = new URL(server)
  uri.pathname = `/${name}`
  return { uri: uri.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}

/**
 * PostgreSQL: `payload.destroy()` leaves the adapter's pool open, and the adapter keeps one of its
 * connections checked out for good (so `pool.end()` would never finish). Dropping the database
 * ends them all; errors from the ended connections are expected and ignored here.
 */
export const endPool = async (payload: Payload) => {
  const pool = (
    payload.db as unknown as { pool?: { on: (e: string, f: () => void) => void; end: () => Promise<void> } }
  ).pool
  if (!pool) return
  pool.on('error', () => {})
  void pool.end().catch(() => {})
}

/**
 * A Payload instance on a brand-new database (see freshDatabase) in a temporary folder, migrated
 * from the committed migrations, with one user per role. Call once per test file (each file runs
 * in its own process, so the config is evaluated with this file's DATABASE_URI).
 */
export const startTestNewsroom = async (): Promise<TestNewsroom> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-test-'))
  const database = await freshDatabase(dir)
  process.env.DATABASE_URI = database.uri
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET = 'test-secret'
  process.env.SEED_DEMO = 'false'
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'

  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })

  const makeUser = (role: User['role']) =>
    payload.create({
      collection: 'users',
      data: { name: `${role} user`, email: `${role}@example.org`, password: 'correct horse battery', role },
      overrideAccess: true,
    })
  const admin = await makeUser('admin')
  const editor = await makeUser('editor')
  const contributor = await makeUser('contributor')

  return {
    payload,
    dir,
    users: { admin, editor, contributor },
    close: async () => {
      await payload.destroy()
      await endPool(payload)
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Local API options acting as a given user (or anonymously), with access control on. */
export const as = (user: User | null) =>
  ({ user: user ? { ...user, collection: 'users' } : null, overrideAccess: false }) as {
    user: (User & { collection: 'users' }) | null
    overrideAccess: false
  }

export type Req = Partial<PayloadRequest>
