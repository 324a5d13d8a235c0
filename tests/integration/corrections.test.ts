/**
 * Public corrections (issue 18): an editor's dated note on a published release shows at the top
 * of its page, in its JSON-LD (`correction`, CorrectionComment) and in RSS, Atom and JSON Feed as
 * an update (a new `updated` / `date_modified`, the note above the content), and goes into the
 * release's history, while the release keeps its public date. Contributors cannot add, change or
 * remove one over REST or the local API, and their drafts keep the published ones.
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PressRelease } from '@/payload-types'

import { parseXml, text } from '../helpers/feeds'
import { HOUR, past, releaseData } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4000'
const FIRST = 'The designation excludes two locations: Norwich & New London <not Hartford>.'
const SECOND = 'The alliance began in 2013, not 2012.'
let n: TestNewsroom
let release: PressRelease
let publicDate: string
let firstAt: string
let secondAt: string
let contributor: Api
let editor: Api
let anonymous: Api

const invalidate = async () => (await import('@/cache/publicCache')).dropPublicCaches()
const live = (id: PressRelease['id']) =>
  n.payload.findByID({ collection: 'press-releases', id, depth: 0, ...as(null) }) as Promise<PressRelease>
const feed = async (format: 'rss' | 'atom' | 'json') => {
  const { buildReleaseFeed } = await import('@/feeds/releaseFeed')
  const built = await buildReleaseFeed({ kind: 'site' }, format, 1)
  if (built.status !== 200) throw new Error(`feed answered ${built.status}`)
  return built.body
}
const notes = (doc: Pick<PressRelease, 'corrections'>) => (doc.corrections ?? []).map((c) => c.note)

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  publicDate = past(72 * HOUR)
  release = (await n.payload.create({
    collection: 'press-releases',
    data: releaseData({ title: 'Care Partner designation', _status: 'published', publishedAt: publicDate }),
    overrideAccess: true,
  })) as PressRelease
  // The first correction straight away (Publish changes), the second the way the admin does it:
  // autosave puts it into a draft version, then the editor publishes.
  firstAt = new Date(Date.now() - 2 * HOUR).toISOString()
  await n.payload.update({
    collection: 'press-releases',
    id: release.id,
    data: { _status: 'published', corrections: [{ date: firstAt, note: FIRST }] },
    ...as(n.users.editor),
  })
  secondAt = new Date(Date.now() - HOUR).toISOString()
  const withBoth = {
    corrections: [
      { date: firstAt, note: FIRST },
      { date: secondAt, note: SECOND },
    ],
  }
  await n.payload.update({
    collection: 'press-releases',
    id: release.id,
    data: withBoth,
    draft: true,
    ...as(n.users.editor),
  })
  await n.payload.update({
    collection: 'press-releases',
    id: release.id,
    data: { ...withBoth, _status: 'published' },
    ...as(n.users.editor),
  })
  await invalidate()
  contributor = await apiAs(n.payload, n.users.contributor)
  editor = await apiAs(n.payload, n.users.editor)
  anonymous = await apiAs(n.payload, null)
}, 120_000)
afterAll(async () => n?.close())

describe('a published correction', () => {
  it('keeps the public date, and makes the release modified at the latest correction or after', async () => {
    const { publicDateOf, publicModifiedOf } = await import('@/access/visibility')
    const doc = await live(release.id)
    expect(doc.publishedAt).toBe(publicDate)
    expect(publicDateOf(doc)).toBe(publicDate)
    expect(Date.parse(publicModifiedOf(doc)!)).toBeGreaterThanOrEqual(Date.parse(secondAt))
    // A correction dated after the last edit still counts.
    const later = new Date(Date.now() + HOUR).toISOString()
    expect(publicModifiedOf({ ...doc, corrections: [{ date: later }] })).toBe(later)
  })

  it('is at the top of the release page, newest first, escaped as text', async () => {
    const { releaseBySlug } = await import('@/data/newsroom')
    const { CorrectionNotes } = await import('@/components/CorrectionNotes')
    const doc = (await releaseBySlug(release.slug!))!
    const html = renderToStaticMarkup(createElement(CorrectionNotes, { release: doc }))
    expect(html).toContain('aria-label="Corrections"')
    expect(html.indexOf(SECOND)).toBeGreaterThan(-1)
    expect(html.indexOf(SECOND)).toBeLessThan(html.indexOf('Norwich'))
    expect(html).toContain('Norwich &amp; New London &lt;not Hartford&gt;.')
    expect(html).toContain(`dateTime="${secondAt}"`)
    expect(html).toMatch(/Corrected [A-Z][a-z]+ \d{1,2}, \d{4}:/)
    // The page renders this component first in its article (src/app/(frontend)/news/[slug]/page.tsx).
    const { readFileSync } = await import('node:fs')
    const page = readFileSync('src/app/(frontend)/news/[slug]/page.tsx', 'utf8')
    expect(page.indexOf('<CorrectionNotes release={release} />')).toBeLessThan(page.indexOf('<header'))
  })

  it('is in the JSON-LD as CorrectionComments on the NewsArticle; datePublished unchanged', async () => {
    const { releaseBySlug } = await import('@/data/newsroom')
    const { newsArticleLd } = await import('@/seo/jsonLd')
    const ld = newsArticleLd((await releaseBySlug(release.slug!))!)
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: SECOND, datePublished: secondAt },
      { '@type': 'CorrectionComment', text: FIRST, datePublished: firstAt },
    ])
    expect(ld.datePublished).toBe(publicDate)
    expect(Date.parse(ld.dateModified as string)).toBeGreaterThanOrEqual(Date.parse(secondAt))
  })

  it('is an update in RSS: pubDate unchanged, atom:updated, the notes above the content', async () => {
    const rss = parseXml(await feed('rss')).rss
    // atom:updated is in a declared namespace, so readers that know Atom read it.
    expect(rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom')
    const item = rss.channel.item[0]
    expect(text(item.title)).toBe(release.title)
    expect(text(item.pubDate)).toBe(new Date(publicDate).toUTCString())
    expect(Date.parse(text(item['atom:updated']))).toBeGreaterThanOrEqual(Date.parse(secondAt))
    const content = text(item['content:encoded'])
    expect(content).toMatch(/^<p><strong>Corrected [^<]+:<\/strong> The alliance began in 2013/)
    expect(content).toContain('Norwich &amp; New London &lt;not Hartford&gt;.')
    expect(content.indexOf('Norwich')).toBeLessThan(content.indexOf('The first paragraph of the release.'))
    expect(content).not.toContain('<not')
  })

  it('is an update in Atom: published unchanged, a new updated, the notes above the content', async () => {
    const entry = parseXml(await feed('atom')).feed.entry[0]
    expect(text(entry.published)).toBe(publicDate)
    expect(Date.parse(text(entry.updated))).toBeGreaterThanOrEqual(Date.parse(secondAt))
    const content = text(entry.content)
    expect(content).toMatch(/^<p><strong>Corrected [^<]+:<\/strong> The alliance began in 2013/)
    expect(content.indexOf('Norwich')).toBeLessThan(content.indexOf('The first paragraph of the release.'))
  })

  it('is an update in JSON Feed: date_published unchanged, a new date_modified, the notes above the content', async () => {
    const item = JSON.parse(await feed('json')).items[0]
    expect(item.date_published).toBe(publicDate)
    expect(Date.parse(item.date_modified)).toBeGreaterThanOrEqual(Date.parse(secondAt))
    expect(item.content_html).toMatch(/^<p><strong>Corrected [^<]+:<\/strong> The alliance began in 2013/)
    expect(item.content_html.indexOf('Norwich')).toBeLessThan(
      item.content_html.indexOf('The first paragraph of the release.'),
    )
  })

  it('cannot be dated in the future (a clear validation error)', async () => {
    const ahead = new Date(Date.now() + 24 * HOUR).toISOString()
    const res = await editor.rest('PATCH', `/api/press-releases/${release.id}`, {
      _status: 'published',
      corrections: [{ date: ahead, note: 'From tomorrow.' }],
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('A correction cannot be dated in the future.')
    expect(notes(await live(release.id))).toEqual([FIRST, SECOND])
  })

  it('is in the release history once per correction, with its note and editor', async () => {
    const { docs } = await n.payload.find({
      collection: 'release-activity',
      where: { release: { equals: release.id }, action: { equals: 'corrected' } },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.map((d) => d.comment)).toEqual([FIRST, SECOND])
    expect(docs.every((d) => d.user === n.users.editor.id)).toBe(true)
  })
})

describe('contributors cannot add, change or remove a correction', () => {
  const snapshot = async () => {
    const doc = await live(release.id)
    const restDoc = await anonymous.rest('GET', `/api/press-releases/${release.id}?depth=0`)
    return JSON.stringify({ local: doc.corrections, rest: restDoc.body.corrections, updatedAt: doc.updatedAt })
  }
  const attempts: Record<string, Record<string, unknown>> = {
    remove: { corrections: [] },
    alter: { corrections: [{ date: firstAt, note: 'Nothing was wrong.' }] },
    add: {
      corrections: [
        { date: firstAt, note: FIRST },
        { date: secondAt, note: SECOND },
        { date: new Date().toISOString(), note: 'A contributor’s own correction.' },
      ],
    },
  }

  it.each(Object.keys(attempts))('%s, over REST (the public answer and the draft keep them)', async (name) => {
    const before = await snapshot()
    const res = await contributor.rest('PATCH', `/api/press-releases/${release.id}`, {
      title: 'Care Partner designation',
      ...attempts[name],
    })
    expect(res.status).toBeLessThan(500)
    expect(await snapshot()).toBe(before)
    const draft = await n.payload.findByID({
      collection: 'press-releases',
      id: release.id,
      draft: true,
      depth: 0,
      ...as(n.users.editor),
    })
    expect(notes(draft)).toEqual([FIRST, SECOND])
  })

  it.each(Object.keys(attempts))('%s, over the local API with access on', async (name) => {
    const before = await snapshot()
    await n.payload
      .update({ collection: 'press-releases', id: release.id, data: attempts[name], ...as(n.users.contributor) })
      .catch(() => undefined)
    expect(await snapshot()).toBe(before)
    const draft = await n.payload.findByID({
      collection: 'press-releases',
      id: release.id,
      draft: true,
      depth: 0,
      ...as(n.users.editor),
    })
    expect(notes(draft)).toEqual([FIRST, SECOND])
  })

  it('nor give a new release one', async () => {
    const created = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ corrections: [{ date: past(), note: 'Invented.' }] }),
      ...as(n.users.contributor),
    })
    const draft = await n.payload.findByID({
      collection: 'press-releases',
      id: created.id,
      draft: true,
      depth: 0,
      ...as(n.users.editor),
    })
    expect(draft.corrections ?? []).toEqual([])
    const res = await contributor.rest(
      'POST',
      '/api/press-releases',
      releaseData({ corrections: [{ date: past(), note: 'x' }] }),
    )
    expect(res.status).toBe(201)
    expect((res.body.doc as PressRelease).corrections ?? []).toEqual([])
  })
})
