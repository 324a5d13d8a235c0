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

/**
 * A Payload instance on a brand-new SQLite file in a temporary folder, migrated from the
 * committed migrations, with one user per role. Call once per test file (each file runs in its
 * own process, so the config is evaluated with this file's DATABASE_URI).
 */
export const startTestNewsroom = async (): Promise<TestNewsroom> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-test-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'newsroom.db')}`
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
