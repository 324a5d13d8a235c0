/**
 * Text hygiene (issue 13): feeds drop the characters XML forbids or discourages (control
 * characters, U+FFFE/U+FFFF and every other Unicode non-character, lone surrogates) and stay
 * well-formed; over REST and GraphQL a text value holding a control character (a NUL cut a stored
 * title short) is refused with a 400 naming the field, while tabs and line breaks stay text.
 */
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { atomProblems, rssProblems } from '../helpers/feedRules'
import { parseXml, text } from '../helpers/feeds'
import { past, releaseData, richText } from '../helpers/fixtures'
import { apiAs, type Api } from '../helpers/inProcess'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4113'
/**
 * U+FFFE, U+FFFF, U+FDD0, U+1FFFE, U+10FFFF and C0 controls. (A NUL or a lone surrogate cannot be
 * stored at all: SQLite ends the text at the NUL and stores U+FFFD for the surrogate.)
 */
const FORBIDDEN = '\uFFFE\uFFFF\uFDD0\u{1FFFE}\u{10FFFF}\u0007\u001b'
/** Any of them, raw or as a character reference. */
const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udfff]|&#x0*(?:fffe|ffff|fdd[0-9a-f]|1fffe|10ffff|d800)\b|&#(?:65534|65535|0+);/iu

let n: TestNewsroom
let serve: typeof import('@/feeds/serve')
let editor: Api

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  serve = await import('@/feeds/serve')
  editor = await apiAs(n.payload, n.users.editor)
  // Stored through the local API, which is not refused: text that predates the check, or came in
  // from our own code, must still make well-formed feeds.
  const topic = await n.payload.create({
    collection: 'topics',
    data: { name: `Odd${FORBIDDEN} topic`, slug: 'odd-topic' },
    overrideAccess: true,
  })
  await n.payload.create({
    collection: 'press-releases',
    data: releaseData({
      title: `Marked${FORBIDDEN} title`,
      summary: `A summary${FORBIDDEN} with marks`,
      body: richText(`A body${FORBIDDEN} with marks`),
      topics: [topic.id],
      _status: 'published',
      publishedAt: past(),
    }),
    overrideAccess: true,
  })
})
afterAll(() => n?.close())

describe('feeds', () => {
  it.each([
    ['rss', 'feed.xml'],
    ['atom', 'atom.xml'],
  ] as const)('%s drops non-characters and control characters and stays well-formed', async (format, file) => {
    const res = await serve.serveReleaseFeed(new Request(`${SITE}/${file}`), { kind: 'site' }, format)
    const xml = await res.text()
    expect(res.status).toBe(200)
    expect(xml).not.toMatch(FORBIDDEN_IN_XML)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(format === 'rss' ? rssProblems(xml) : atomProblems(xml)).toEqual([])
    const doc = parseXml(xml)
    const entry = format === 'rss' ? doc.rss.channel.item : doc.feed.entry
    expect(text((Array.isArray(entry) ? entry[0] : entry).title)).toBe('Marked title')
    expect(xml).toContain('Odd topic')
    expect(xml).toContain('A summary with marks')
  })

  it('the calendar carries none either', async () => {
    await n.payload.create({
      collection: 'events',
      data: {
        title: `Meeting${FORBIDDEN}`,
        status: 'scheduled',
        start: '2030-05-01T13:00:00.000Z',
        timeZone: 'UTC',
        _status: 'published',
      },
      overrideAccess: true,
    })
    const ics = await (await serve.serveEventsCalendar(new Request(`${SITE}/events.ics`))).text()
    expect(ics).toContain('SUMMARY:Meeting')
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|\u{1fffe}|\u{10ffff}/u)
  })
})

/** The field paths a refused write names. */
const paths = (body: Record<string, unknown>): string[] =>
  (body.errors as { data?: { errors?: { path: string }[] } }[]).flatMap((e) => e.data?.errors?.map((d) => d.path) ?? [])

describe('control characters over the API', () => {
  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['C1 NEL', '\u0085'],
  ])('a title holding %s is refused with a 400 naming the title and the character', async (_, char) => {
    const res = await editor.rest('POST', '/api/press-releases', releaseData({ title: `Cut${char}short` }))
    expect(res.status).toBe(400)
    expect(paths(res.body)).toEqual(['title'])
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    expect(JSON.stringify(res.body)).toContain(`control character ${code}`)
  })

  it('names the field inside arrays and rich text, and on updates', async () => {
    const nested = await editor.rest(
      'POST',
      '/api/press-releases',
      releaseData({ mediaContacts: [{ name: 'Ann\u0000Lee' }], body: richText('Body\u0008text') }),
    )
    expect(nested.status).toBe(400)
    expect(paths(nested.body).sort()).toEqual(['body', 'mediaContacts.0.name'])
    const topic = await editor.rest('POST', '/api/topics', { name: 'Plain', slug: 'plain' })
    expect(topic.status).toBe(201)
    const id = (topic.body.doc as { id: number }).id
    const update = await editor.rest('PATCH', `/api/topics/${id}`, { name: 'Now\u0000with a NUL' })
    expect(update.status).toBe(400)
    expect(paths(update.body)).toEqual(['name'])
    const stored = await n.payload.findByID({ collection: 'topics', id, overrideAccess: true })
    expect(stored.name).toBe('Plain')
  })

  it('refuses the same over GraphQL', async () => {
    const { errors } = await editor.graphql(
      'mutation($data: mutationTopicInput!) { createTopic(data: $data) { id } }',
      {
        data: { name: 'Graph\u0000QL', slug: 'graph-ql' },
      },
    )
    expect(JSON.stringify(errors)).toMatch(/control character U\+0000/)
    expect((await n.payload.find({ collection: 'topics', where: { slug: { equals: 'graph-ql' } } })).totalDocs).toBe(0)
  })

  it('keeps tabs and line breaks, which are text', async () => {
    const res = await editor.rest(
      'POST',
      '/api/press-releases',
      releaseData({ summary: 'First line\nsecond line,\ttabbed\r\nthird' }),
    )
    expect(res.status).toBe(201)
    expect((res.body.doc as { summary: string }).summary).toBe('First line\nsecond line,\ttabbed\r\nthird')
  })
})
