/**
 * Staff accounts (issue 12, "Accounts"): the password rules on create, change and reset; sign-in
 * throttling per (address, client) that cannot lock anyone else out; sign-in answers that do not
 * tell which accounts exist; private, uncacheable answers for anything authenticated; and
 * e-mail addresses that contributors cannot read. Requests go through the same REST route
 * handlers Next.js serves (`src/app/(payload)/api/[...slug]/route.ts`).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { MAX_FAILURES_PER_ADDRESS, resetLoginThrottle } from '@/accounts/loginThrottle'

import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let rest: { GET: Handler; POST: Handler; PATCH: Handler }

const GOOD = 'violet kayak harbour lantern'

const call = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const slug = path
    .replace(/^\/api\//, '')
    .split('?')[0]
    .split('/')
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return rest[method](request, { params: Promise.resolve({ slug }) })
}

const login = (email: string, password: string, client = '203.0.113.7') =>
  call('POST', '/api/users/login', { email, password }, { 'x-newsroom-client': client })

beforeAll(async () => {
  n = await startTestNewsroom()
  rest = (await import('@/app/(payload)/api/[...slug]/route')) as unknown as typeof rest
})
afterAll(async () => n?.close())
beforeEach(() => resetLoginThrottle())

describe('password rules', () => {
  const create = (password: string, email = `new-${Math.random().toString(36).slice(2)}@example.org`) =>
    n.payload.create({
      collection: 'users',
      data: { name: 'New Person', email, password, role: 'contributor' },
      ...as(n.users.admin),
    })

  it.each([
    ['short', /at least 12 characters/],
    ['elevenchars', /at least 12 characters/],
    ['password1234', /too common/],
    ['qwertyuiop12', /too common/],
    ['aaaaaaaaaaaa', /too common/],
    ['newpersonnewperson', /too common/],
  ])('refuses %j when an account is created', async (password, message) => {
    await expect(create(password)).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'password', message: expect.stringMatching(message) }] },
    })
  })

  it('accepts a long, uncommon password', async () => {
    const user = await create(GOOD)
    expect(user.id).toBeDefined()
  })

  it('answers a weak password over REST with 400 naming password', async () => {
    const { token } = await (await login('admin@example.org', 'correct horse battery')).json()
    const res = await call(
      'POST',
      '/api/users',
      { name: 'X', email: 'x@example.org', password: 'password1234', role: 'contributor' },
      { authorization: `JWT ${token}` },
    )
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(JSON.stringify(body)).toMatch(/too common/)
    expect(body.errors[0].data.errors[0].path).toBe('password')
  })

  it('refuses a weak password when it is changed, and keeps the old one', async () => {
    const user = await create(GOOD, 'changer@example.org')
    await expect(
      n.payload.update({ collection: 'users', id: user.id, data: { password: 'iloveyou1234' }, ...as({ ...user }) }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await login('changer@example.org', GOOD)).status).toBe(200)
  })

  it('refuses a weak password on reset, and the link still works for a good one', async () => {
    await create(GOOD, 'resetter@example.org')
    const token = await n.payload.forgotPassword({
      collection: 'users',
      data: { email: 'resetter@example.org' },
      disableEmail: true,
    })
    await expect(
      n.payload.resetPassword({ collection: 'users', data: { token, password: 'sunshine2024' }, overrideAccess: true }),
    ).rejects.toMatchObject({ status: 400 })
    const done = await n.payload.resetPassword({
      collection: 'users',
      data: { token, password: 'quiet meadow ferry 42' },
      overrideAccess: true,
    })
    expect(done.token).toBeTruthy()
    expect((await login('resetter@example.org', 'quiet meadow ferry 42')).status).toBe(200)
  })
})

describe('sign-in throttling and enumeration', () => {
  it(`answers 429 after ${MAX_FAILURES_PER_ADDRESS} failures from one client, even to the right password`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      expect((await login('admin@example.org', 'wrong guess')).status).toBe(401)
    const blocked = await login('admin@example.org', 'correct horse battery')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await blocked.json()).errors[0].message).toMatch(/Too many failed sign-in attempts/)
  })

  it('does not lock the admin out: the admin signs in from another client meanwhile', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 3; i++)
      await login('admin@example.org', 'wrong guess', '198.51.100.66')
    expect((await login('admin@example.org', 'wrong guess', '198.51.100.66')).status).toBe(429)
    const res = await login('admin@example.org', 'correct horse battery', '192.0.2.10')
    expect(res.status).toBe(200)
    expect((await res.json()).user.email).toBe('admin@example.org')
  })

  it('answers a wrong password and an unknown address alike, in similar time', async () => {
    const time = async (email: string) => {
      const started = performance.now()
      const res = await login(email, 'wrong guess', `192.0.2.${Math.floor(Math.random() * 200)}`)
      return { ms: performance.now() - started, status: res.status, body: await res.json() }
    }
    await time('editor@example.org') // warm up
    const known = [await time('editor@example.org'), await time('editor@example.org'), await time('editor@example.org')]
    const unknown = [
      await time('nobody@example.org'),
      await time('nobody@example.org'),
      await time('nobody@example.org'),
    ]
    expect(unknown[0].status).toBe(known[0].status)
    expect(unknown[0].body).toEqual(known[0].body)
    const median = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((a, b) => a - b)[1]
    const [k, u] = [median(known), median(unknown)]
    // Without the equalising hash an unknown address answers in a few ms, a known one in hundreds.
    expect(u).toBeGreaterThan(k * 0.5)
    expect(u).toBeLessThan(k * 2 + 50)
  })

  it('throttles unknown addresses the same way as known ones', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      expect((await login('ghost@example.org', 'wrong guess')).status).toBe(401)
    expect((await login('ghost@example.org', 'wrong guess')).status).toBe(429)
  })
})

describe('authenticated answers are private', () => {
  it('marks the login answer and authenticated reads private, no-store, varying on Cookie and Authorization', async () => {
    const res = await login('editor@example.org', 'correct horse battery')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toMatch(/no-store/)
    expect(res.headers.get('vary')).toMatch(/Cookie/)
    expect(res.headers.get('vary')).toMatch(/Authorization/)
    const { token } = await res.json()
    for (const path of ['/api/users/me', '/api/press-releases?draft=true', '/api/users']) {
      const authed = await call('GET', path, undefined, { authorization: `JWT ${token}` })
      expect(authed.headers.get('cache-control'), path).toMatch(/private, no-store/)
      expect(authed.headers.get('vary'), path).toMatch(/Cookie, Authorization|Authorization/)
      const cookie = await call('GET', path, undefined, { cookie: `payload-token=${token}` })
      expect(cookie.headers.get('cache-control'), path).toMatch(/no-store/)
    }
    const failed = await login('editor@example.org', 'wrong guess', '192.0.2.99')
    expect(failed.headers.get('cache-control')).toMatch(/no-store/)
  })

  it('anonymous reads still say they vary on Cookie and Authorization', async () => {
    const res = await call('GET', '/api/press-releases')
    expect(res.status).toBe(200)
    expect(res.headers.get('vary')).toMatch(/Cookie/)
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/)
  })
})

describe('e-mail addresses are personal', () => {
  it('contributors and editors see their own address only; admins see everyone’s', async () => {
    for (const role of ['contributor', 'editor'] as const) {
      const { docs } = await n.payload.find({ collection: 'users', ...as(n.users[role]), limit: 100 })
      expect(docs.length).toBeGreaterThanOrEqual(3)
      for (const doc of docs) {
        if (doc.id === n.users[role].id) expect(doc.email).toBe(`${role}@example.org`)
        else expect(doc.email, `${role} reading ${doc.name}`).toBeUndefined()
      }
    }
    const { docs } = await n.payload.find({ collection: 'users', ...as(n.users.admin), limit: 100 })
    expect(docs.every((d) => d.email?.includes('@'))).toBe(true)
  })

  it('a contributor cannot find users by e-mail address either', async () => {
    const answer = await n.payload
      .find({ collection: 'users', where: { email: { like: 'admin' } }, ...as(n.users.contributor) })
      .then(
        (r) => r.docs.length,
        (e: { status?: number }) => e.status,
      )
    // Either refused (the field cannot be queried) or nothing found: never the admin's account.
    expect([0, 400]).toContain(answer)
  })
})
