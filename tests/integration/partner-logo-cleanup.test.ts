/**
 * A failed partner save left its freshly uploaded logo behind as an orphan (issue 16). The
 * admin saves through REST, so the saves here go through Payload's REST handler.
 */
import { sql } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PNG_1x1 } from '../helpers/fixtures'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4500'
let n: TestNewsroom
let token: string

const savePartner = async (method: 'POST' | 'PATCH', path: string, body: Record<string, unknown>) => {
  // Imported only now: the config reads DATABASE_URI, which startTestNewsroom sets.
  const [{ handleEndpoints }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  return handleEndpoints({
    config,
    request: new Request(`${SITE}/api/partners${path}`, {
      method,
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  })
}

const upload = (name: string) =>
  n.payload.create({
    collection: 'media',
    data: { alt: `Logo ${name}` },
    file: { data: PNG_1x1, mimetype: 'image/png', name: `${name}.png`, size: PNG_1x1.length },
    overrideAccess: true,
  })

const exists = async (id: number) =>
  Boolean(await n.payload.findByID({ collection: 'media', id, overrideAccess: true, disableErrors: true }))

const runDueJobs = async () => {
  await new Promise((r) => setTimeout(r, 50))
  await n.payload.jobs.run({ overrideAccess: true } as never)
}

beforeAll(async () => {
  process.env.SITE_URL = SITE
  process.env.UPLOAD_CLEANUP_DELAY_MS = '0'
  n = await startTestNewsroom()
  token = (
    await n.payload.login({
      collection: 'users',
      data: { email: 'admin@example.org', password: 'correct horse battery' },
    })
  ).token!
  await n.payload.create({
    collection: 'partners',
    data: { name: 'Taken', kind: 'health-system', slug: 'taken' },
    overrideAccess: true,
  })
})
afterAll(async () => {
  delete process.env.UPLOAD_CLEANUP_DELAY_MS
  await n?.close()
})

describe('a failed partner save', () => {
  it('does not leave its new logo behind', async () => {
    const logo = await upload('orphan')
    const res = await savePartner('POST', '', {
      name: 'New partner',
      kind: 'health-system',
      slug: 'taken',
      logo: logo.id,
    })
    expect(res.status).toBe(400)
    expect(await exists(logo.id)).toBe(true) // kept for a retry, until the grace period is over
    await runDueJobs()
    expect(await exists(logo.id)).toBe(false)
  })

  it('keeps the logo when the save is fixed and retried', async () => {
    const logo = await upload('retried')
    const failed = await savePartner('POST', '', {
      name: 'Retried',
      kind: 'health-system',
      slug: 'taken',
      logo: logo.id,
    })
    expect(failed.status).toBe(400)
    const fixed = await savePartner('POST', '', {
      name: 'Retried',
      kind: 'health-system',
      slug: 'retried',
      logo: logo.id,
    })
    expect(fixed.status).toBe(201)
    await runDueJobs()
    expect(await exists(logo.id)).toBe(true)
  })

  it('never touches an upload from the library that was only picked, or one something else uses', async () => {
    const old = await upload('library')
    const db = (n.payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }).drizzle
    await db.run(sql`UPDATE media SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ${old.id}`)
    const used = await upload('used')
    await n.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Uses it',
        status: 'scheduled',
        start: '2030-01-01T12:00:00.000Z',
        timeZone: 'UTC',
        image: used.id,
      },
      overrideAccess: true,
    })
    for (const logo of [old, used]) {
      const res = await savePartner('POST', '', { name: 'Again', kind: 'health-system', slug: 'taken', logo: logo.id })
      expect(res.status).toBe(400)
    }
    await runDueJobs()
    expect(await exists(old.id)).toBe(true)
    expect(await exists(used.id)).toBe(true)
  })
})
