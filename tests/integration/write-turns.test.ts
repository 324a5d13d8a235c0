import { commitTransaction, createLocalReq, handleEndpoints, initTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inWriteFlow } from '../../scripts/server/writeFlows.mjs'
import { releaseData } from '../helpers/fixtures'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

// On the embedded database a write that waits for a transaction of the same process used to
// freeze the whole process for the 5 s busy timeout and then fail with `database is locked`:
// POST /api/users/forgot-password answered 500 after 5 s, and every other request waited.
// Here the auth endpoints run over REST (as the Payload route runs them, one flow per request)
// while other requests keep writing: every answer is a 2xx/4xx, quickly, and the event loop never stalls.
let n: TestNewsroom
beforeAll(async () => {
  n = await startTestNewsroom()
})
afterAll(async () => n?.close())

const rest = async (path: string, body: unknown) => {
  const { default: config } = await import('@payload-config')
  const request = new Request(`http://localhost:3000/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const started = Date.now()
  const response = await inWriteFlow(() => handleEndpoints({ config, request }))
  return { path, status: response.status, ms: Date.now() - started, body: await response.text() }
}

/** The longest the event loop went without running a timer while `work` ran. */
const longestStall = async (work: () => Promise<unknown>) => {
  let last = Date.now()
  let longest = 0
  const ticker = setInterval(() => {
    longest = Math.max(longest, Date.now() - last)
    last = Date.now()
  }, 20)
  try {
    await work()
  } finally {
    clearInterval(ticker)
  }
  return Math.max(longest, Date.now() - last)
}

describe('writes of one process on the embedded database', () => {
  it('forgot-password, login and lockout answer quickly while other requests write', async () => {
    const { payload } = n
    await payload.create({
      collection: 'users',
      data: { name: 'Locked out', email: 'lockout@example.org', password: 'correct horse battery', role: 'editor' },
      overrideAccess: true,
    })
    const answers: Awaited<ReturnType<typeof rest>>[] = []
    const writers = async () => {
      for (let i = 0; i < 15; i++) {
        // Each write is a request of its own, arriving on a later turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve))
        await inWriteFlow(() =>
          payload.create({
            collection: 'press-releases',
            data: releaseData({ _status: 'published' }),
            overrideAccess: true,
          }),
        )
      }
    }
    const forgotAndLogin = async () => {
      answers.push(await rest('/users/forgot-password', { email: 'editor@example.org' }))
      answers.push(await rest('/users/forgot-password', { email: 'nobody@example.org' }))
      answers.push(await rest('/users/login', { email: 'editor@example.org', password: 'correct horse battery' }))
    }
    const lockout = async () => {
      // Five wrong passwords from one client throttle it: the sixth attempt, and the right password
      // then, are answered 429 (src/accounts/).
      for (let i = 0; i < 6; i++)
        answers.push(await rest('/users/login', { email: 'lockout@example.org', password: 'wrong' }))
      answers.push(await rest('/users/login', { email: 'lockout@example.org', password: 'correct horse battery' }))
    }
    const stall = await longestStall(() => Promise.all([writers(), writers(), forgotAndLogin(), lockout()]))

    const summary = answers.map((a) => `${a.path} ${a.status} ${a.ms} ms ${a.status >= 500 ? a.body : ''}`).join('\n')
    expect(answers.filter((a) => a.status >= 500).length, summary).toBe(0)
    // Forgot-password used to take the busy timeout (5 s) and fail; logins are slow only by their
    // password hashing (CPU), so they are not timed here: the event loop is.
    expect(
      answers.filter((a) => a.path === '/users/forgot-password').map((a) => a.status),
      summary,
    ).toEqual([200, 200])
    expect(
      Math.max(...answers.filter((a) => a.path === '/users/forgot-password').map((a) => a.ms)),
      summary,
    ).toBeLessThan(3000)
    const logins = answers.filter((a) => a.path === '/users/login').map((a) => a.status)
    expect(logins.sort(), summary).toEqual([200, 401, 401, 401, 401, 401, 429, 429])
    // A lock wait used to freeze the process for the whole busy timeout (5 s). One create still
    // runs for a while without yielding (on a loaded 2-core machine, up to ~1.5 s).
    expect(stall, 'the longest the event loop stood still (ms)').toBeLessThan(4000)

    const requested = await payload.find({
      collection: 'users',
      where: { email: { equals: 'editor@example.org' } },
      showHiddenFields: true,
      overrideAccess: true,
    })
    expect(requested.docs[0]?.resetPasswordToken).toBeTruthy()
  })

  it('a write made outside the transaction of the same call neither waits nor is lost', async () => {
    const { payload } = n
    // A write beside the call's own transaction, as Payload's forgot-password reservation and
    // login-attempt counter make them: it used to wait for the outer transaction's lock.
    const outer = await inWriteFlow(async () => {
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      const inside = await payload.create({ collection: 'topics', data: { name: 'Inside' }, req, overrideAccess: true })
      const beside = await payload.db.create({ collection: 'topics', data: { name: 'Beside', slug: 'beside' } })
      await commitTransaction(req)
      return [inside.id, beside.id]
    })
    const found = await payload.find({ collection: 'topics', where: { id: { in: outer } }, overrideAccess: true })
    expect(found.docs.map((d) => d.name).sort()).toEqual(['Beside', 'Inside'])
  })
})
