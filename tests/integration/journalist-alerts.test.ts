/**
 * Journalist alerts (issue 15) against a real SMTP server on 127.0.0.1 (tests/helpers/smtp.ts):
 * double opt-in through the public endpoints, the same answer for every address, the rate limit,
 * one alert per matching confirmed subscription when a release becomes public (at its embargo
 * lift, not before) and none for drafts, unconfirmed or unsubscribed addresses, RFC 8058
 * one-click unsubscribe and the preferences link, and the subscriber list closed to all but admins.
 */
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Partner, Topic } from '@/payload-types'
import { resetSubscribeThrottle } from '@/subscriptions/throttle'

import { releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { type ReceivedMail, startSmtpServer } from '../helpers/smtp'

process.env.EMAIL_RETRY_DELAY_MS = '200'
process.env.EMAIL_FROM = 'Test Newsroom <news@example.org>'
process.env.SITE_URL = 'http://newsroom.test'

let n: TestNewsroom
let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let partner: Partner
let otherPartner: Partner
let topic: Topic
type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let rest: { GET: Handler; POST: Handler }

const request = (
  method: 'GET' | 'POST',
  url: string,
  { body, type, headers = {} }: { body?: string; type?: string; headers?: Record<string, string> } = {},
) => {
  const { pathname } = new URL(url, 'http://localhost:3000')
  const slug = pathname.replace(/^\/api\//, '').split('/')
  const req = new Request(new URL(url, 'http://localhost:3000'), {
    method,
    headers: { ...(type ? { 'content-type': type } : {}), 'x-newsroom-client': '198.51.100.7', ...headers },
    body,
  })
  return rest[method](req, { params: Promise.resolve({ slug }) })
}
const postJson = (url: string, data: unknown, headers?: Record<string, string>) =>
  request('POST', url, { body: JSON.stringify(data), type: 'application/json', headers })
const postForm = (url: string, data: Record<string, string>) =>
  request('POST', url, { body: new URLSearchParams(data).toString(), type: 'application/x-www-form-urlencoded' })

const runJobs = () => payload.jobs.run({ queue: 'default', limit: 200 })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const mailsTo = (address: string) => smtp.to(address)
const alertsTo = (address: string, title: string) => mailsTo(address).filter((m) => m.parsed.subject === title)

const linkIn = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text)
  expect(match, `a link matching ${pattern} in:\n${text}`).not.toBeNull()
  return match![0]
}

const subscribe = (email: string, extra: Record<string, string> = {}) =>
  postJson('/api/subscribers/subscribe', { email, ...extra })

/** Subscribes and confirms through the mailed link, as a journalist would. */
const subscribed = async (email: string, extra: Record<string, string> = {}) => {
  expect((await subscribe(email, extra)).status).toBe(202)
  await runJobs()
  const mail = mailsTo(email).at(-1)!
  const link = linkIn(mail.parsed.text ?? '', /http:\/\/newsroom\.test\/subscriptions\?confirm=[A-Za-z0-9_-]+/)
  const token = new URL(link).searchParams.get('confirm')!
  const res = await postJson('/api/subscribers/confirm', { token })
  expect(res.status).toBe(200)
  return ((await res.json()) as { preferences: string }).preferences
}

const publish = (overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'press-releases',
    data: releaseData({ _status: 'published', ...overrides }),
    ...as(n.users.editor),
  })

beforeAll(async () => {
  smtp = await startSmtpServer()
  process.env.SMTP_URL = smtp.url
  n = await startTestNewsroom()
  payload = n.payload
  rest = (await import('@/app/(payload)/api/[...slug]/route')) as unknown as typeof rest
  const o = { overrideAccess: true } as const
  partner = await payload.create({
    collection: 'partners',
    data: { name: 'Alert Health', kind: 'health-system' },
    ...o,
  })
  otherPartner = await payload.create({
    collection: 'partners',
    data: { name: 'Other Care', kind: 'health-system' },
    ...o,
  })
  topic = await payload.create({ collection: 'topics', data: { name: 'Oncology alerts' }, ...o })
})
afterAll(async () => {
  await n?.close()
  await smtp?.close()
  delete process.env.SMTP_URL
})
beforeEach(() => resetSubscribeThrottle())

describe('subscribing', () => {
  it('is double opt-in: only a confirmation mail until the link is followed, then alerts', async () => {
    const res = await subscribe('opt-in@example.org')
    expect(res.status).toBe(202)
    expect(mailsTo('opt-in@example.org')).toHaveLength(0) // queued, not sent in the request
    await runJobs()
    const [confirmation] = mailsTo('opt-in@example.org')
    expect(confirmation.parsed.subject).toBe('Confirm your Partner Newsroom e-mail alerts')
    expect(confirmation.parsed.messageId).toMatch(/^<[^<>@\s]+@[^<>\s]+>$/)
    expect(confirmation.parsed.text).toContain('48 hours')
    const link = linkIn(
      confirmation.parsed.text ?? '',
      /http:\/\/newsroom\.test\/subscriptions\?confirm=[A-Za-z0-9_-]+/,
    )
    expect(confirmation.parsed.html).toContain(`href="${link}"`)

    // Unconfirmed: a release that goes public now mails nothing to it.
    const early = await publish()
    await runJobs()
    expect(alertsTo('opt-in@example.org', early.title)).toHaveLength(0)

    const token = new URL(link).searchParams.get('confirm')!
    expect((await postJson('/api/subscribers/confirm', { token: 'x'.repeat(43) })).status).toBe(404)
    const confirmed = await postJson('/api/subscribers/confirm', { token })
    expect(confirmed.status).toBe(200)
    // The link works once.
    expect((await postJson('/api/subscribers/confirm', { token })).status).toBe(404)

    const later = await publish()
    await runJobs()
    expect(alertsTo('opt-in@example.org', later.title)).toHaveLength(1)
  })

  it('answers the same for new, waiting and confirmed addresses, and mails no one twice in a row', async () => {
    const answer = async (email: string) => {
      const res = await subscribe(email)
      return { status: res.status, body: await res.text() }
    }
    await subscribed('known@example.org')
    const before = mailsTo('known@example.org').length
    const fresh = await answer('fresh@example.org')
    const known = await answer('known@example.org')
    const waiting = await answer('fresh@example.org')
    expect(known).toEqual(fresh)
    expect(waiting).toEqual(fresh)
    await runJobs()
    expect(mailsTo('fresh@example.org')).toHaveLength(1)
    expect(mailsTo('known@example.org')).toHaveLength(before)
  })

  it('sends a browser form on to the subscriptions page, and refuses bad input with a 4xx naming it', async () => {
    const form = await postForm('/api/subscribers/subscribe', {
      email: 'form@example.org',
      scope: 'topic',
      topic: topic.slug!,
    })
    expect(form.status).toBe(303)
    expect(form.headers.get('location')).toBe('http://newsroom.test/subscriptions?outcome=sent')

    const bad = async (data: unknown, words: RegExp) => {
      const res = await postJson('/api/subscribers/subscribe', data)
      expect(res.status).toBe(400)
      const { errors } = (await res.json()) as { errors: { message: string }[] }
      expect(errors[0].message).toMatch(words)
    }
    await bad({ email: 'not an address' }, /valid e-mail address/)
    await bad({ email: 'a@example.org', scope: 'everything' }, /"scope" must be one of/)
    await bad({ email: 'a@example.org', scope: 'partner', partner: 'no-such-partner' }, /no partner "no-such-partner"/)
    await bad(['a@example.org'], /JSON object/)
    await runJobs()
    expect(mailsTo('a@example.org')).toHaveLength(0)
  })

  it('limits how often one client may ask, without affecting others', async () => {
    for (let i = 0; i < 10; i++) expect((await subscribe(`burst-${i}@example.org`)).status).toBe(202)
    const refused = await subscribe('burst-10@example.org')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(await refused.json())).toMatch(/Too many/)
    const elsewhere = await postJson(
      '/api/subscribers/subscribe',
      { email: 'elsewhere@example.org' },
      { 'x-newsroom-client': '203.0.113.50' },
    )
    expect(elsewhere.status).toBe(202)
  })
})

describe('alerts', () => {
  it('mails each matching confirmed subscription once when an embargo lifts, and nothing before', async () => {
    await subscribed('all@example.org')
    await subscribed('partner@example.org', { scope: 'partner', partner: partner.slug! })
    await subscribed('topic@example.org', { scope: 'topic', topic: topic.slug! })
    await subscribed('other@example.org', { scope: 'partner', partner: otherPartner.slug! })
    // Two matching subscriptions of one address: still one mail.
    await subscribed('both@example.org')
    await subscribed('both@example.org', { scope: 'topic', topic: topic.slug! })
    await subscribe('unconfirmed@example.org')
    await runJobs()

    const lift = new Date(Date.now() + 2500)
    const release = await publish({ embargoUntil: lift.toISOString(), partners: [partner.id], topics: [topic.id] })
    await runJobs()
    for (const who of ['all', 'partner', 'topic', 'both'])
      expect(alertsTo(`${who}@example.org`, release.title)).toHaveLength(0)

    await sleep(lift.getTime() - Date.now() + 300)
    await runJobs()
    await runJobs()
    for (const who of ['all', 'partner', 'topic', 'both'])
      expect(alertsTo(`${who}@example.org`, release.title)).toHaveLength(1)
    expect(alertsTo('other@example.org', release.title)).toHaveLength(0)
    expect(mailsTo('unconfirmed@example.org').map((m) => m.parsed.subject)).toEqual([
      'Confirm your Partner Newsroom e-mail alerts',
    ])

    // Saving it again (it stays public) sends nothing more.
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { subtitle: 'Edited' },
      ...as(n.users.editor),
    })
    await runJobs()
    expect(alertsTo('all@example.org', release.title)).toHaveLength(1)

    const mail = alertsTo('partner@example.org', release.title)[0]
    const pageUrl = `http://newsroom.test/news/${release.slug}`
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'Test Newsroom', address: 'news@example.org' })
    expect(mail.parsed.messageId).toMatch(/^<[^<>@\s]+@[^<>\s]+>$/)
    expect(mail.parsed.text).toContain(pageUrl)
    expect(mail.parsed.text).toContain(release.summary)
    expect(mail.parsed.text).toContain('releases involving Alert Health')
    expect(mail.parsed.html).toContain(`href="${pageUrl}"`)
    // RFC 8058: an https (here the test's SITE_URL) List-Unsubscribe URL and the one-click marker.
    const headers = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ')
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    expect(headers).toMatch(
      /^List-Unsubscribe: <http:\/\/newsroom\.test\/api\/subscribers\/unsubscribe\?token=[\w.-]+>$/m,
    )
    expect(mail.parsed.text).toMatch(/http:\/\/newsroom\.test\/subscriptions\?token=[\w.-]+/)
  })

  it('carries the page’s content in both parts: hero image, public quotes with attribution, media contacts', async () => {
    const o = { overrideAccess: true } as const
    const jpeg = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#225588' } })
      .jpeg()
      .toBuffer()
    const hero = await payload.create({
      collection: 'media',
      data: { alt: 'Nurses at the new oncology unit', caption: 'The new unit.', credit: 'Alert Health' },
      file: { data: jpeg, mimetype: 'image/jpeg', name: 'unit.jpg', size: jpeg.length },
      ...o,
    })
    const pressOffice = await payload.create({
      collection: 'partners',
      data: {
        name: 'Contact Health',
        kind: 'health-system',
        mediaContacts: [
          { name: 'Pat Press', title: 'Media relations', email: 'pat@contact-health.example', phone: '+1 555 0100' },
        ],
      },
      ...o,
    })
    const quote = (text: string, extra: Record<string, unknown>) =>
      payload.create({
        collection: 'quotes',
        data: {
          text,
          speakerName: 'Dana Doctor',
          speakerTitle: 'Chief of Oncology',
          speakerOrganization: 'Contact Health',
          provenance: 'verbatim',
          ...extra,
        },
        ...o,
      })
    const spoken = await quote('Care close to home matters.', { _status: 'published' })
    // Never published: hidden from anonymous readers, so from the page and from the mail.
    const hidden = await quote('Words still under review.', { _status: 'draft' })
    await subscribed('content@example.org', { scope: 'partner', partner: pressOffice.slug! })

    const release = await publish({
      partners: [pressOffice.id],
      heroImage: hero.id,
      quotes: [spoken.id, hidden.id],
      mediaContacts: [{ name: 'Nora Newsroom', email: 'nora@newsroom.example' }],
    })
    await runJobs()
    const [mail] = alertsTo('content@example.org', release.title)
    expect(mail).toBeDefined()
    const text = mail.parsed.text ?? ''
    const html = mail.parsed.html || ''
    // The hero image at an absolute address, with its alt text, caption and credit.
    const src = /<img[^>]*src="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(src).toMatch(/^http:\/\/newsroom\.test\/api\/media\/file\/unit/)
    expect(html).toContain('alt="Nurses at the new oncology unit"')
    expect(text).toContain('Nurses at the new oncology unit')
    expect(text).toContain(src)
    expect(text).toContain('Credit: Alert Health')
    // The public quote with its attribution; the hidden one nowhere.
    for (const part of [text, html]) {
      expect(part).toContain('“Care close to home matters.”')
      expect(part).toContain('Dana Doctor, Chief of Oncology, Contact Health')
      expect(part).not.toContain('Words still under review')
      // The release's own contact and the partner's press office (named after the partner).
      expect(part).toContain('Nora Newsroom')
      expect(part).toContain('nora@newsroom.example')
      expect(part.replace(/<\/?strong>/g, '')).toContain('Pat Press, Media relations, Contact Health')
      expect(part).toContain('pat@contact-health.example')
      expect(part).toContain('+1 555 0100')
    }
    expect(html).toContain('href="mailto:pat@contact-health.example"')
    // Every link in the HTML part is absolute.
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(/^(http:\/\/newsroom\.test\/|mailto:)/)
  })

  it('sends nothing for a release that is no longer public when the queue gets to it', async () => {
    await subscribed('late@example.org')
    const release = await publish()
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { _status: 'draft' },
      ...as(n.users.editor),
    })
    await runJobs()
    expect(alertsTo('late@example.org', release.title)).toHaveLength(0)
  })

  it('sends nothing for drafts or releases that are not public yet', async () => {
    await subscribed('watcher@example.org')
    const draft = await payload.create({
      collection: 'press-releases',
      data: releaseData(),
      draft: true,
      ...as(n.users.editor),
    })
    const scheduled = await publish({ publishedAt: new Date(Date.now() + 60 * 60 * 1000).toISOString() })
    const embargoed = await publish({ embargoUntil: new Date(Date.now() + 60 * 60 * 1000).toISOString() })
    await runJobs()
    for (const r of [draft, scheduled, embargoed]) expect(alertsTo('watcher@example.org', r.title)).toHaveLength(0)
  })
})

describe('unsubscribing', () => {
  const listUnsubscribeOf = (mail: ReceivedMail) =>
    /^List-Unsubscribe: <([^>]+)>/m.exec(mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' '))![1]

  it('works by the one-click POST to the List-Unsubscribe URL, without a session', async () => {
    await subscribed('one-click@example.org')
    const first = await publish()
    await runJobs()
    const mail = alertsTo('one-click@example.org', first.title)[0]
    const res = await request('POST', listUnsubscribeOf(mail), {
      body: 'List-Unsubscribe=One-Click',
      type: 'application/x-www-form-urlencoded',
    })
    expect(res.status).toBe(200)
    const next = await publish()
    await runJobs()
    expect(alertsTo('one-click@example.org', next.title)).toHaveLength(0)
    expect(
      await payload.count({
        collection: 'subscribers',
        where: { email: { equals: 'one-click@example.org' } },
        overrideAccess: true,
      }),
    ).toMatchObject({ totalDocs: 0 })
  })

  it('works from the preferences page linked in every mail, and refuses a forged link', async () => {
    const preferences = await subscribed('by-link@example.org')
    const first = await publish()
    await runJobs()
    const mail = alertsTo('by-link@example.org', first.title)[0]
    expect(mail.parsed.text).toContain(preferences)
    const token = new URL(preferences).searchParams.get('token')!

    const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    await postForm('/api/subscribers/unsubscribe', { token: forged })
    expect(
      await payload.count({
        collection: 'subscribers',
        where: { email: { equals: 'by-link@example.org' } },
        overrideAccess: true,
      }),
    ).toMatchObject({ totalDocs: 1 })
    expect((await postForm('/api/subscribers/unsubscribe', { token: 'nonsense' })).status).toBe(400)

    const res = await postForm('/api/subscribers/unsubscribe', { token })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('http://newsroom.test/subscriptions?outcome=unsubscribed')
    const next = await publish()
    await runJobs()
    expect(alertsTo('by-link@example.org', next.title)).toHaveLength(0)
  })
})

describe('the subscriber list', () => {
  it('is for admins only: read and export, never the token hashes', async () => {
    await subscribed('private@example.org')
    await expect(payload.find({ collection: 'subscribers', ...as(null) })).rejects.toMatchObject({ status: 403 })
    await expect(payload.find({ collection: 'subscribers', ...as(n.users.editor) })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      payload.create({
        collection: 'subscribers',
        data: { email: 'x@example.org', scope: 'all', frequency: 'each', key: 'x' },
        ...as(n.users.admin),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const { docs } = await payload.find({ collection: 'subscribers', pagination: false, ...as(n.users.admin) })
    const mine = docs.find((d) => d.email === 'private@example.org')!
    expect(mine).toMatchObject({ confirmed: true, scope: 'all' })
    expect(mine).not.toHaveProperty('confirmTokenHash')
    expect(mine).not.toHaveProperty('key')

    expect((await request('GET', '/api/subscribers/export')).status).toBe(403)
    const login = await postJson('/api/users/login', { email: 'admin@example.org', password: 'correct horse battery' })
    const { token } = (await login.json()) as { token: string }
    const exported = await request('GET', '/api/subscribers/export', { headers: { Authorization: `JWT ${token}` } })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    const rows = (await exported.json()) as { email: string }[]
    expect(rows.map((r) => r.email)).toContain('private@example.org')

    await payload.delete({ collection: 'subscribers', id: mine.id, ...as(n.users.admin) })
    expect(
      await payload.count({
        collection: 'subscribers',
        where: { email: { equals: 'private@example.org' } },
        overrideAccess: true,
      }),
    ).toMatchObject({ totalDocs: 0 })
  })
})

describe('the daily digest', () => {
  const digestsTo = (address: string) => mailsTo(address).filter((m) => /daily digest/.test(m.parsed.subject ?? ''))
  const runDigests = async () => {
    await payload.jobs.queue({ task: 'sendDigests', input: {} })
    await runJobs()
    await runJobs()
  }

  it('groups the day’s releases into one mail for those who chose it, and sends each release to the others', async () => {
    await subscribed('digest@example.org', { frequency: 'daily' })
    await subscribed('digest-topic@example.org', { frequency: 'daily', scope: 'topic', topic: topic.slug! })
    await subscribed('each@example.org')
    const first = await publish({ topics: [topic.id] })
    const second = await publish()
    await runJobs()
    expect(alertsTo('each@example.org', first.title)).toHaveLength(1)
    expect(alertsTo('each@example.org', second.title)).toHaveLength(1)
    expect(alertsTo('digest@example.org', first.title)).toHaveLength(0)

    await runDigests()
    const [digest] = digestsTo('digest@example.org')
    expect(digestsTo('digest@example.org')).toHaveLength(1)
    expect(digest.parsed.text).toContain(first.title)
    expect(digest.parsed.text).toContain(second.title)
    expect(digest.parsed.text).toContain(`http://newsroom.test/news/${first.slug}`)
    expect(digest.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
    // The topic's digest holds only the topic's release.
    const [topical] = digestsTo('digest-topic@example.org')
    expect(topical.parsed.text).toContain(first.title)
    expect(topical.parsed.text).not.toContain(second.title)
    expect(digestsTo('each@example.org')).toHaveLength(0)

    // Nothing new: no mail. Something new: a digest of that alone.
    await runDigests()
    expect(digestsTo('digest@example.org')).toHaveLength(1)
    const third = await publish()
    await runJobs()
    await runDigests()
    expect(digestsTo('digest@example.org')).toHaveLength(2)
    const latest = digestsTo('digest@example.org')[1]
    expect(latest.parsed.subject).toBe(`Partner Newsroom daily digest: ${third.title}`)
    expect(latest.parsed.text).not.toContain(first.title)
  })

  it('lets the preferences link switch a subscription between each release and the digest', async () => {
    const preferences = await subscribed('switcher@example.org')
    const token = new URL(preferences).searchParams.get('token')!
    expect((await postJson('/api/subscribers/preferences', { token, frequency: 'hourly' })).status).toBe(400)
    expect((await postJson('/api/subscribers/preferences', { token: 'nonsense', frequency: 'daily' })).status).toBe(404)
    const saved = await postForm('/api/subscribers/preferences', { token, frequency: 'daily' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(preferences)
    const release = await publish()
    await runJobs()
    expect(alertsTo('switcher@example.org', release.title)).toHaveLength(0)
    await runDigests()
    expect(digestsTo('switcher@example.org')).toHaveLength(1)
  })
})
