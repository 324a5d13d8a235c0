/**
 * Staff e-mail (issue 15) against a real SMTP server on 127.0.0.1 (tests/helpers/smtp.ts):
 * the forgot-password mail and its link through the REST reset endpoint (password rules
 * included), invitations, and review notices with their recipients, links and opt-out. Every
 * mail is queued (the request never waits on SMTP) and has a Message-ID and a text part; with
 * the SMTP server down the request still answers at once and the job retries until it is back.
 */
import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { resetLoginThrottle } from '@/accounts/loginThrottle'
import type { PressRelease, User } from '@/payload-types'

import { releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { type ReceivedMail, startSmtpServer } from '../helpers/smtp'

// Read when the config loads: a short back-off so a retry is due within the test.
process.env.EMAIL_RETRY_DELAY_MS = '200'
process.env.EMAIL_FROM = 'Test Newsroom <news@example.org>'
process.env.SITE_URL = 'http://newsroom.test'

let n: TestNewsroom
let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
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

const login = async (email: string, password: string) =>
  call('POST', '/api/users/login', { email, password }, { 'x-newsroom-client': '203.0.113.9' })

const tokenOf = async (email: string, password: string) =>
  ((await (await login(email, password)).json()) as { token: string }).token

const runJobs = () => payload.jobs.run({ queue: 'default', limit: 100 })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const mailsTo = (address: string) => smtp.to(address)
const lastMailTo = (address: string): ReceivedMail => {
  const mails = mailsTo(address)
  expect(mails.length, `a mail to ${address}`).toBeGreaterThan(0)
  return mails[mails.length - 1]
}
const linkIn = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text)
  expect(match, `a link matching ${pattern} in:\n${text}`).not.toBeNull()
  return match![0]
}

/** Every mail: from EMAIL_FROM, a Message-ID, an HTML and a text part saying the same thing. */
const expectWellFormed = (mail: ReceivedMail) => {
  expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'Test Newsroom', address: 'news@example.org' })
  expect(mail.parsed.messageId).toMatch(/^<[^<>@\s]+@[^<>\s]+>$/)
  expect(mail.parsed.text?.trim().length).toBeGreaterThan(40)
  expect(mail.parsed.html).toContain('<html')
  expect(mail.parsed.html).not.toMatch(/<script/i)
}

const makeUser = (email: string, role: User['role'], extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'users',
    data: { name: `Person ${email.split('@')[0]}`, email, password: GOOD, role, ...extra },
    overrideAccess: true,
  })

beforeAll(async () => {
  smtp = await startSmtpServer()
  process.env.SMTP_URL = smtp.url
  n = await startTestNewsroom()
  payload = n.payload
  rest = (await import('@/app/(payload)/api/[...slug]/route')) as unknown as typeof rest
})
afterAll(async () => {
  await n?.close()
  await smtp?.close()
  delete process.env.SMTP_URL
})
beforeEach(() => resetLoginThrottle())

describe('password reset by e-mail', () => {
  it('queues the mail (nothing is sent inside the request), and its link resets the password through REST', async () => {
    await makeUser('forgetful@example.org', 'contributor')
    const res = await call('POST', '/api/users/forgot-password', { email: 'forgetful@example.org' })
    expect(res.status).toBe(200)
    expect(mailsTo('forgetful@example.org')).toHaveLength(0)

    await runJobs()
    const mail = lastMailTo('forgetful@example.org')
    expectWellFormed(mail)
    expect(mail.parsed.subject).toBe('Reset your Partner Newsroom password')
    expect(mail.parsed.text).toContain('60 minutes')
    const link = linkIn(mail.parsed.text ?? '', /http:\/\/newsroom\.test\/admin\/reset\/[0-9a-f]+/)
    expect(mail.parsed.html).toContain(`href="${link}"`)
    const token = link.split('/').pop()!

    // The link's expiry: an hour from now.
    const stored = await payload.db.findOne<{ id: number; resetPasswordExpiration?: string }>({
      collection: 'users',
      where: { email: { equals: 'forgetful@example.org' } },
    })
    const left = Date.parse(stored!.resetPasswordExpiration!) - Date.now()
    expect(left).toBeGreaterThan(55 * 60 * 1000)
    expect(left).toBeLessThanOrEqual(60 * 60 * 1000)

    const weak = await call('POST', '/api/users/reset-password', { token, password: 'password1234' })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(await weak.json())).toMatch(/too common/)

    const done = await call('POST', '/api/users/reset-password', { token, password: 'amber otter quietly sails' })
    expect(done.status).toBe(200)
    expect((await login('forgetful@example.org', 'amber otter quietly sails')).status).toBe(200)
    // The link works once.
    const again = await call('POST', '/api/users/reset-password', { token, password: 'another fine long phrase' })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect(again.status).toBeLessThan(500)
  })

  it('answers an unknown address exactly like a known one, and mails nobody', async () => {
    const before = smtp.received.length
    const res = await call('POST', '/api/users/forgot-password', { email: 'nobody-here@example.org' })
    expect(res.status).toBe(200)
    await runJobs()
    expect(smtp.received.length).toBe(before)
  })

  it('answers at once while the SMTP server is down, and the job retries until it is back', async () => {
    await makeUser('patient@example.org', 'contributor')
    await smtp.stop()
    const started = Date.now()
    const res = await call('POST', '/api/users/forgot-password', { email: 'patient@example.org' })
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(5000)

    await runJobs() // the attempt fails: connection refused
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'sendEmail' } },
      sort: '-createdAt',
      limit: 1,
      overrideAccess: true,
    })
    expect(docs[0]).toMatchObject({ hasError: false, completedAt: null })
    expect(docs[0].totalTried).toBeGreaterThanOrEqual(1)
    expect(mailsTo('patient@example.org')).toHaveLength(0)

    await smtp.start()
    await sleep(500) // past the back-off
    await runJobs()
    expect(mailsTo('patient@example.org')).toHaveLength(1)
    expectWellFormed(lastMailTo('patient@example.org'))
  })
})

describe('invitations', () => {
  it('lets an admin invite by address; the person chooses a password from the link and signs in', async () => {
    const adminToken = await tokenOf('admin@example.org', 'correct horse battery')
    const auth = { Authorization: `JWT ${adminToken}` }
    const res = await call(
      'POST',
      '/api/users/invitation',
      { email: 'New.Colleague@Example.org', name: 'New Colleague', role: 'editor' },
      auth,
    )
    expect(res.status).toBe(201)
    expect(((await res.json()) as { message: string }).message).toMatch(/Invitation sent/)
    await runJobs()

    const mail = lastMailTo('new.colleague@example.org')
    expectWellFormed(mail)
    expect(mail.parsed.subject).toBe('You are invited to Partner Newsroom')
    expect(mail.parsed.text).toMatch(/admin user invited you .* as an editor/)
    expect(mail.parsed.text).toContain('7 days')
    const token = linkIn(mail.parsed.text ?? '', /http:\/\/newsroom\.test\/admin\/reset\/[0-9a-f]+/)
      .split('/')
      .pop()!

    // Nobody knows the account's password until the person chooses one.
    expect((await call('POST', '/api/users/reset-password', { token, password: 'short' })).status).toBe(400)
    expect(
      (await call('POST', '/api/users/reset-password', { token, password: 'cobalt finch under bridges' })).status,
    ).toBe(200)
    const signIn = await login('new.colleague@example.org', 'cobalt finch under bridges')
    expect(signIn.status).toBe(200)
    expect(((await signIn.json()) as { user: User }).user).toMatchObject({ role: 'editor', name: 'New Colleague' })
  })

  it('refuses invitations from non-admins, bad addresses and existing accounts with a 4xx naming the problem', async () => {
    const editorToken = await tokenOf('editor@example.org', 'correct horse battery')
    const adminToken = await tokenOf('admin@example.org', 'correct horse battery')
    const invite = (body: unknown, token: string) =>
      call('POST', '/api/users/invitation', body, { Authorization: `JWT ${token}` })
    expect((await invite({ email: 'x@example.org', name: 'X' }, editorToken)).status).toBe(403)
    expect((await call('POST', '/api/users/invitation', { email: 'x@example.org', name: 'X' })).status).toBe(403)
    const bad = await invite({ email: 'not an address', name: 'X' }, adminToken)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('e-mail address')
    expect((await invite({ email: 'y@example.org', name: 'Y', role: 'owner' }, adminToken)).status).toBe(400)
    const dup = await invite({ email: 'editor@example.org', name: 'Again' }, adminToken)
    expect(dup.status).toBe(409)
    await runJobs()
    expect(mailsTo('x@example.org')).toHaveLength(0)
  })
})

describe('review notices', () => {
  const reqAs = (user: User) => createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
  const review = async (user: User, id: PressRelease['id'], action: string, comment?: string) => {
    const { takeReviewAction } = await import('@/workflow/takeReviewAction')
    return takeReviewAction(await reqAs(user), 'press-releases', id, action, comment)
  }

  it('mails editors on submit, the author on send-back (with the comment) and on publish, each linking into the admin', async () => {
    const author = await makeUser('author@example.org', 'contributor')
    const quietEditor = await makeUser('quiet-editor@example.org', 'editor', { reviewNotices: false })
    const draft = await payload.create({
      collection: 'press-releases',
      data: releaseData({ title: 'Care Partner designation' }),
      draft: true,
      ...as(author),
    })
    const adminLink = `http://newsroom.test/admin/collections/press-releases/${draft.id}`
    const before = smtp.received.length

    expect(await review(author, draft.id, 'submit')).toMatchObject({ ok: true })
    await runJobs()
    const submitted = smtp.received.slice(before)
    const { docs: editors } = await payload.find({
      collection: 'users',
      where: { and: [{ role: { in: ['editor', 'admin'] } }, { reviewNotices: { not_equals: false } }] },
      pagination: false,
      overrideAccess: true,
    })
    const expected = editors.map((u) => u.email).sort()
    expect(expected).toEqual(expect.arrayContaining(['admin@example.org', 'editor@example.org']))
    expect(submitted.flatMap((m) => m.envelopeTo).sort()).toEqual(expected)
    for (const mail of submitted) {
      expectWellFormed(mail)
      expect(mail.parsed.subject).toBe('Review requested: Care Partner designation')
      expect(mail.parsed.text).toContain(adminLink)
      expect(mail.parsed.text).toContain('Person author submitted')
    }
    expect(mailsTo(quietEditor.email)).toHaveLength(0)

    expect(await review(n.users.editor, draft.id, 'send-back', 'Add the partner quote, please.')).toMatchObject({
      ok: true,
    })
    await runJobs()
    const sentBack = lastMailTo('author@example.org')
    expectWellFormed(sentBack)
    expect(sentBack.parsed.subject).toBe('Sent back: Care Partner designation')
    expect(sentBack.parsed.text).toContain('Add the partner quote, please.')
    expect(sentBack.parsed.text).toContain(adminLink)
    expect(sentBack.parsed.text).toContain('http://newsroom.test/admin/account')

    await review(author, draft.id, 'submit')
    await payload.update({
      collection: 'press-releases',
      id: draft.id,
      data: { _status: 'published' },
      ...as(n.users.editor),
    })
    await runJobs()
    const published = lastMailTo('author@example.org')
    expect(published.parsed.subject).toBe('Public now: Care Partner designation')
    expect(published.parsed.text).toContain(adminLink)
    expect(mailsTo('author@example.org')).toHaveLength(2)
  })

  it('sends no notice to someone who turned them off, and none to the person who acted', async () => {
    const author = await makeUser('no-mail-author@example.org', 'contributor')
    await payload.update({
      collection: 'users',
      id: author.id,
      data: { reviewNotices: false },
      ...as({ ...author, collection: 'users' } as never),
    })
    const draft = await payload.create({
      collection: 'press-releases',
      data: releaseData(),
      draft: true,
      ...as(author),
    })
    await review(author, draft.id, 'submit')
    await review(n.users.editor, draft.id, 'send-back', 'Not yet.')
    await runJobs()
    expect(mailsTo('no-mail-author@example.org')).toHaveLength(0)

    // An editor who publishes their own release is not told about it.
    const editorsOwn = await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published' }),
      ...as(n.users.editor),
    })
    const before = mailsTo('editor@example.org').length
    await runJobs()
    expect(editorsOwn.id).toBeDefined()
    expect(mailsTo('editor@example.org').length).toBe(before)
  })
})
