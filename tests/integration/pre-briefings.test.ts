/**
 * Embargoed pre-briefings (issue 15) against a real SMTP server on 127.0.0.1: an editor shares an
 * embargoed release with chosen press contacts; each one (and nobody else) gets a mail with an
 * HTML and a text part and a personal link that opens the release marked "EMBARGOED until … — not
 * for publication" (every opening on the release's Activity tab); only the token's hash is
 * stored; revoked links and links of deleted contacts answer 410, unknown ones 404, and after the
 * lift the link leads to the public page. Press contacts are editors' and admins' only.
 */
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressContact, PressRelease } from '@/payload-types'

import { future, past, releaseData, richText } from '../helpers/fixtures'
import { type Api, apiAs } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'
import { startSmtpServer } from '../helpers/smtp'

process.env.EMAIL_RETRY_DELAY_MS = '200'
process.env.EMAIL_FROM = 'Test Newsroom <news@example.org>'
process.env.SITE_URL = 'http://newsroom.test'

let n: TestNewsroom
let payload: Payload
// Imported once the test database is set: it loads the Payload config.
let answerBriefing: typeof import('@/briefings/answer').answerBriefing
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let editor: Api
let contributor: Api
let anonymous: Api
let release: PressRelease
const contacts: PressContact[] = []

const LINK = /http:\/\/newsroom\.test\/briefings\/([A-Za-z0-9_-]{43})/
const runJobs = () => payload.jobs.run({ queue: 'default', limit: 100 })

/** The token in the latest pre-briefing mail to `address`. */
const tokenMailedTo = (address: string) => {
  const mail = smtp.to(address).at(-1)
  expect(mail, `a mail to ${address}`).toBeDefined()
  const match = LINK.exec(mail!.parsed.text ?? '')
  expect(match, mail!.parsed.text).not.toBeNull()
  return match![1]
}

const activityOf = async (id: number) =>
  (
    await payload.find({
      collection: 'release-activity',
      where: { release: { equals: id } },
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
    })
  ).docs

beforeAll(async () => {
  smtp = await startSmtpServer()
  process.env.SMTP_URL = smtp.url
  n = await startTestNewsroom()
  payload = n.payload
  ;({ answerBriefing } = await import('@/briefings/answer'))
  editor = await apiAs(payload, n.users.editor)
  contributor = await apiAs(payload, n.users.contributor)
  anonymous = await apiAs(payload, null)
  for (const [name, outlet, email] of [
    ['Jane Reporter', 'The Courant', 'jane@courant.example'],
    ['Omar Desk', 'Health Wire', 'omar@wire.example'],
    ['Not Chosen', 'Elsewhere', 'nobody@elsewhere.example'],
  ]) {
    const res = await editor.rest('POST', '/api/press-contacts', { name, outlet, email })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    contacts.push(res.body.doc as PressContact)
  }
  release = await payload.create({
    collection: 'press-releases',
    data: releaseData({
      _status: 'published',
      title: 'Care Partner designation, under embargo',
      body: richText('Embargoed body text of the designation.'),
      embargoUntil: future(),
    }),
    ...as(n.users.editor),
  })
}, 60_000)
afterAll(async () => {
  await n?.close()
  await smtp?.close()
  delete process.env.SMTP_URL
})

describe('press contacts', () => {
  it('are for editors and admins only: contributors and anonymous readers see and change nothing', async () => {
    for (const api of [contributor, anonymous]) {
      const list = await api.rest('GET', '/api/press-contacts')
      expect(list.status).toBe(403)
      expect(JSON.stringify(list.body)).not.toContain('courant')
      expect((await api.rest('GET', `/api/press-contacts/${contacts[0].id}`)).status).toBe(403)
      expect((await api.rest('POST', '/api/press-contacts', { name: 'X', email: 'x@example.org' })).status).toBe(403)
      expect((await api.rest('GET', '/api/press-contacts/export')).status).toBeGreaterThanOrEqual(401)
      expect((await api.rest('GET', `/api/press-releases/${release.id}/pre-briefings`)).status).toBeGreaterThanOrEqual(
        401,
      )
      expect(
        (await api.rest('POST', `/api/press-releases/${release.id}/pre-briefings`, { contacts: [contacts[0].id] }))
          .status,
      ).toBeGreaterThanOrEqual(401)
    }
    const gql = await anonymous.graphql('{ PressContacts { docs { email } } }')
    expect(JSON.stringify(gql)).not.toContain('courant')
    expect((await editor.rest('GET', '/api/press-contacts')).body.totalDocs).toBe(3)
  })
})

describe('sharing an embargoed release', () => {
  it('refuses releases that are not under embargo, and bad input, with a 4xx naming the problem', async () => {
    const draft = await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'draft', embargoUntil: future() }),
      draft: true,
      ...as(n.users.editor),
    })
    const live = await payload.create({
      collection: 'press-releases',
      data: releaseData({ _status: 'published' }),
      ...as(n.users.editor),
    })
    for (const id of [draft.id, live.id]) {
      const res = await editor.rest('POST', `/api/press-releases/${id}/pre-briefings`, { contacts: [contacts[0].id] })
      expect(res.status).toBe(409)
      expect(JSON.stringify(res.body)).toContain('future Embargo Until')
    }
    const bad = await editor.rest('POST', `/api/press-releases/${release.id}/pre-briefings`, { contacts: ['x'] })
    expect(bad.status).toBe(400)
    expect((bad.body.errors as { message: string }[])[0].message).toMatch(/^"contacts" must list/)
    const unknown = await editor.rest('POST', `/api/press-releases/${release.id}/pre-briefings`, { contacts: [99999] })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('99999')
    expect((await editor.rest('POST', '/api/press-releases/99999/pre-briefings', { contacts: [1] })).status).toBe(404)
    await runJobs()
    expect(smtp.received).toHaveLength(0)
  })

  it('mails each chosen contact (and nobody else) a personal link that opens the release under embargo', async () => {
    const [jane, omar, other] = contacts
    const res = await editor.rest('POST', `/api/press-releases/${release.id}/pre-briefings`, {
      contacts: [jane.id, omar.id],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(smtp.received).toHaveLength(0) // queued, not sent in the request
    await runJobs()
    expect(smtp.to(jane.email)).toHaveLength(1)
    expect(smtp.to(omar.email)).toHaveLength(1)
    expect(smtp.to(other.email)).toHaveLength(0)
    expect(smtp.received).toHaveLength(2)

    const mail = smtp.to(jane.email)[0].parsed
    expect(mail.subject).toBe(`EMBARGOED: ${release.title}`)
    expect(mail.from?.text).toContain('news@example.org')
    expect(mail.messageId).toMatch(/^<[^<>@\s]+@[^<>\s]+>$/)
    expect(mail.text).toMatch(/EMBARGOED until .+ — not for publication/)
    expect(mail.text).toContain('Jane Reporter (The Courant)')
    const token = tokenMailedTo(jane.email)
    expect(mail.html).toContain(`href="http://newsroom.test/briefings/${token}"`)
    expect(tokenMailedTo(omar.email)).not.toBe(token)

    // Only the hash is stored.
    const { docs } = await payload.find({ collection: 'pre-briefings', overrideAccess: true, showHiddenFields: true })
    expect(docs).toHaveLength(2)
    expect(JSON.stringify(docs)).not.toContain(token)
    expect(docs.map((d) => d.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'))
    // Even editors never read the hash over the API.
    const listed = await editor.rest('GET', '/api/pre-briefings')
    expect(JSON.stringify(listed.body)).not.toMatch(/tokenHash|[0-9a-f]{64}/)

    const page = await answerBriefing(payload, token)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/)
    const html = await page.text()
    expect(html).toContain(release.title)
    expect(html).toContain('Embargoed body text of the designation.')
    expect(html).toMatch(/EMBARGOED until .+ — not for publication/)
    expect(html).toContain('<meta name="robots" content="noindex, nofollow, noarchive"/>')
    expect(html).not.toMatch(/application\/ld\+json|property="og:|name="twitter:|rel="canonical"|<script/)

    await answerBriefing(payload, token)
    const views = (await activityOf(release.id)).filter((a) => a.action === 'pre-briefing-viewed')
    expect(views.map((v) => v.detail)).toEqual(['by Jane Reporter (The Courant)', 'by Jane Reporter (The Courant)'])
    const sent = (await activityOf(release.id)).filter((a) => a.action === 'pre-briefed')
    expect(sent.map((a) => a.detail).sort()).toEqual(['to Jane Reporter (The Courant)', 'to Omar Desk (Health Wire)'])

    const exported = await editor.rest('GET', '/api/press-contacts/export')
    expect(exported.status).toBe(200)
    const row = (exported.body as unknown as { email: string; preBriefings: { views: number }[] }[]).find(
      (r) => r.email === jane.email,
    )
    expect(row?.preBriefings).toEqual([expect.objectContaining({ release: release.title, views: 2 })])
  })

  it('answers 404 for unknown links and 410 for revoked ones and those of deleted contacts; after the lift it leads to the public page', async () => {
    const [jane, omar] = contacts
    expect((await answerBriefing(payload, 'A'.repeat(43))).status).toBe(404)
    expect((await answerBriefing(payload, 'not-a-token')).status).toBe(404)

    const omarToken = tokenMailedTo(omar.email)
    const { body } = await editor.rest('GET', `/api/press-releases/${release.id}/pre-briefings`)
    const omarLink = (body.briefings as { id: number; contact: { id: number } }[]).find(
      (b) => b.contact.id === omar.id,
    )!
    expect(
      (await contributor.rest('POST', `/api/press-releases/${release.id}/pre-briefings/${omarLink.id}/revoke`)).status,
    ).toBe(403)
    const revoke = await editor.rest('POST', `/api/press-releases/${release.id}/pre-briefings/${omarLink.id}/revoke`)
    expect(revoke.status).toBe(200)
    const revoked = await answerBriefing(payload, omarToken)
    expect(revoked.status).toBe(410)
    expect(await revoked.text()).not.toContain(release.title)
    expect((await activityOf(release.id)).some((a) => a.action === 'pre-briefing-revoked')).toBe(true)

    // Sending again gives a new link; the old one stays gone.
    await editor.rest('POST', `/api/press-releases/${release.id}/pre-briefings`, { contacts: [omar.id] })
    await runJobs()
    const fresh = tokenMailedTo(omar.email)
    expect((await answerBriefing(payload, fresh)).status).toBe(200)
    expect((await answerBriefing(payload, omarToken)).status).toBe(410)

    const janeToken = tokenMailedTo(jane.email)
    expect((await editor.rest('DELETE', `/api/press-contacts/${jane.id}`)).status).toBe(200)
    expect((await answerBriefing(payload, janeToken)).status).toBe(410)

    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { embargoUntil: past(60_000) },
      ...as(n.users.editor),
    })
    const lifted = await answerBriefing(payload, fresh)
    expect(lifted.status).toBe(303)
    expect(lifted.headers.get('location')).toBe(`http://newsroom.test/news/${release.slug}`)
  })
})
