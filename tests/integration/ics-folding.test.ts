/**
 * RFC 5545 §3.1: content lines at most 75 octets, folded with CRLF + space, never inside a
 * character's UTF-8 bytes. The `ics` package folded by characters, so a title with a curly
 * apostrophe came out 77 octets long.
 */
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { foldIcsLine, refoldIcs, unfoldIcs } from '@/feeds/icsFolding'

import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Every physical line: at most 75 octets, and valid UTF-8 on its own (no character cut in two). */
const physicalLineProblems = (ics: string): string[] => {
  const bytes = Buffer.from(ics, 'utf8')
  const problems: string[] = []
  let start = 0
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue
    const line = bytes.subarray(start, i)
    if (line.length > 75) problems.push(`${line.length} octets: ${line.toString('utf8')}`)
    try {
      strictUtf8.decode(line)
    } catch {
      problems.push(`a character split across lines: ${line.toString('hex')}`)
    }
    start = i + 2
  }
  if (start !== bytes.length) problems.push('the calendar does not end with CRLF')
  return problems
}

describe('the folding module', () => {
  it('folds by octets, never inside a character, and unfolds back to the same line', () => {
    const lines = [
      `SUMMARY:${'The Partnership’s annual meeting — “Who are our partners?” '.repeat(3)}`,
      `DESCRIPTION:${'é'.repeat(100)}`,
      `LOCATION:${'会議室'.repeat(30)}`,
      `X-EMOJI:${'🎗️ '.repeat(40)}`,
      'SHORT:ascii',
    ]
    for (const line of lines) {
      const folded = foldIcsLine(line)
      for (const [i, part] of folded.entries()) {
        expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
        if (i > 0) expect(part.startsWith(' ')).toBe(true)
      }
      expect(unfoldIcs(folded.join('\r\n'))).toEqual([line])
    }
    // An ASCII line is folded at exactly 75 octets, continuation lines at 74 plus the space.
    expect(foldIcsLine(`X:${'a'.repeat(200)}`).map((l) => Buffer.byteLength(l))).toEqual([75, 75, 54])
  })

  it('refolds the ics package’s character folding (CRLF + tab) into octet folding', () => {
    const byCharacters = `BEGIN:VCALENDAR\r\nSUMMARY:${'’'.repeat(74)}\r\n\t${'’'.repeat(10)}\r\nEND:VCALENDAR\r\n`
    const fixed = refoldIcs(byCharacters)
    expect(physicalLineProblems(fixed)).toEqual([])
    expect(unfoldIcs(fixed)).toEqual(['BEGIN:VCALENDAR', `SUMMARY:${'’'.repeat(84)}`, 'END:VCALENDAR'])
  })
})

describe('/events.ics', () => {
  let n: TestNewsroom
  let serve: typeof import('@/feeds/serve')
  const title = 'The Partnership’s annual meeting: “Who are our partners?” — an update for 2030 ✓'
  const summary = `Café-style sessions with Dr. Müller’s team ${'·'.repeat(40)} and 会議 in Hartford’s Old State House.`

  beforeAll(async () => {
    process.env.SITE_URL = 'http://127.0.0.1:4200'
    n = await startTestNewsroom()
    serve = await import('@/feeds/serve')
    await n.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title,
        status: 'scheduled',
        summary,
        start: '2030-05-01T13:00:00.000Z',
        end: '2030-05-01T15:00:00.000Z',
        timeZone: 'America/New_York',
        venue: { name: 'Old State House — Senate Chamber', city: 'Hartford', region: 'CT' },
      },
      overrideAccess: true,
    })
  })
  afterAll(async () => n?.close())

  it('has no line over 75 octets and no character cut in two, and parses back to the same text', async () => {
    const body = await (await serve.serveEventsCalendar(new Request('http://127.0.0.1:4200/events.ics'))).text()
    expect(physicalLineProblems(body)).toEqual([])
    // At least one line had to be folded, so the test is not passing on short lines.
    expect(body).toMatch(/\r\n /)
    const calendar = new ICAL.Component(ICAL.parse(body))
    const [vevent] = calendar.getAllSubcomponents('vevent')
    const event = new ICAL.Event(vevent)
    expect(event.summary).toBe(title)
    expect(event.description).toContain(summary)
    expect(event.location).toContain('Old State House — Senate Chamber')
  })
})
