/**
 * Pasted wire copy → a structured release: title, dateline and date, body (paragraphs, lists,
 * headings), quotes with their speakers, "About" boilerplates, footnotes, contacts, SOURCE line.
 * Pure: no database, no I/O. What it had to guess is said in `warnings`.
 */
import { aboutHeading, contactsHeading, footnote, isNotesHeading, parseContacts, sourceLine } from './boilerplates'
import type { Boilerplate, Contact, Footnote } from './boilerplates'
import { distributorName, parseDateline } from './dateline'
import { plainText, type BodyNode } from './lexical'
import { extractQuotes, type ExtractedQuote } from './quotes'
import { recoverScrapedLists, removeRepeats } from './repair'
import { cleanAndSplit, isTitleCase, splitSentences, startsWithQuote, wordCount } from './text'
import { toUnits, type Unit } from './units'

export const MAX_TEXT_LENGTH = 200_000
const TITLE_MAX = 200
const SUBTITLE_MAX = 300
const SUMMARY_MAX = 600
/** A release has at least one real paragraph; a pasted headline or a stray word is not one. */
const MIN_LEAD_WORDS = 10

/** Input that cannot become a release; the message says what to fix. */
export class WireCopyError extends Error {
  readonly status = 400
}

export type ParsedRelease = {
  title: string
  /** Where the title came from, so the UI can say how sure it is. */
  titleFrom: 'given' | 'headline' | 'first-sentence'
  subtitle?: string
  summary: string
  /** Place as the wire wrote it, e.g. "HARTFORD, Conn." */
  dateline?: string
  /** ISO date (noon UTC) of the dateline's day. */
  date?: string
  dateText?: string
  wire?: string
  distributor?: string
  body: BodyNode[]
  quotes: ExtractedQuote[]
  boilerplates: Boilerplate[]
  footnotes: Footnote[]
  source?: { line: string; name: string }
  originalUrl?: string
  contacts: Contact[]
  /** Lines left out as page furniture (navigation, captions, copyright). */
  ignored: string[]
  /** Paragraphs (or their repeated beginnings) dropped because the paste repeated them. */
  repeatsRemoved: number
  warnings: string[]
}

const isHeadlineLike = (text: string, minWords: number): boolean =>
  !startsWithQuote(text) &&
  wordCount(text) >= minWords &&
  wordCount(text) <= 30 &&
  !/:$/.test(text) &&
  splitSentences(text).length === 1 &&
  isTitleCase(text)

const isProse = (unit: Unit): boolean => !unit.items && wordCount(unit.text) >= 25 && /[.!?]["”’]?$/.test(unit.text)

const isSectionHeading = (unit: Unit, next: Unit | undefined): boolean =>
  !unit.items &&
  unit.lines.length === 1 &&
  Boolean(next) &&
  wordCount(unit.text) <= 14 &&
  /^\p{Lu}/u.test(unit.text) &&
  !/[.,;:!?]$/.test(unit.text) &&
  !startsWithQuote(unit.text) &&
  (isTitleCase(unit.text) || wordCount(unit.text) <= 8)

const asTitle = (text: string): string => {
  const title = text.replace(/\s+/g, ' ').replace(/\.$/, '').trim()
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1).replace(/\s+\S*$/, '')}…` : title
}

/** A stand-in title from a sentence: its first clause when the sentence is long. */
const titleFromSentence = (sentence: string): string => {
  const plain = sentence.replace(/\.$/, '')
  if (plain.length <= 120) return plain
  const clause = plain.split(/,\s+/)[0]
  if (wordCount(clause) >= 6 && clause.length <= 140) return clause
  return `${plain.slice(0, 119).replace(/\s+\S*$/, '')}…`
}

const summaryFrom = (paragraph: string): string => {
  const sentences = splitSentences(paragraph)
  let summary = sentences[0] ?? ''
  if (sentences[1] && summary.length + sentences[1].length < 400) summary += ` ${sentences[1]}`
  return summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1).replace(/\s+\S*$/, '')}…` : summary
}

type Tail = {
  body: Unit[]
  boilerplates: Boilerplate[]
  footnotes: Footnote[]
  contactLines: string[]
  source?: { line: string; name: string }
  ignored: string[]
}

const isTailStart = (unit: Unit | undefined): boolean =>
  !unit ||
  Boolean(
    aboutHeading(unit.text) ||
    sourceLine(unit.text) ||
    contactsHeading(unit.text) ||
    footnote(unit.text) ||
    isNotesHeading(unit.text),
  )

/** Splits the units after the body start into body, boilerplates, footnotes, contacts and SOURCE. */
const splitTail = (units: Unit[]): Tail => {
  const tail: Tail = { body: [], boilerplates: [], footnotes: [], contactLines: [], ignored: [] }
  let mode: 'body' | 'about' | 'contacts' | 'notes' | 'after-source' = 'body'
  units.forEach((unit, i) => {
    const { text } = unit
    if (mode === 'after-source') return void tail.ignored.push(text)
    const source = !unit.items && sourceLine(text)
    if (source) {
      tail.source = source
      mode = 'after-source'
      return
    }
    const about = !unit.items && aboutHeading(text)
    if (about) {
      tail.boilerplates.push({ name: about, heading: text.replace(/:$/, ''), paragraphs: [] })
      mode = 'about'
      return
    }
    const contacts = !unit.items && contactsHeading(text)
    if (contacts) {
      if (contacts.rest) tail.contactLines.push(contacts.rest)
      mode = 'contacts'
      return
    }
    if (isNotesHeading(text)) {
      mode = 'notes'
      return
    }
    const note = footnote(text, { trailing: isTailStart(units[i + 1]), numbered: mode === 'notes' })
    if (note) {
      tail.footnotes.push(note)
      if (mode === 'about') mode = 'body'
      return
    }
    if (mode === 'notes') return void tail.footnotes.push({ marker: '', text })
    if (mode === 'contacts' && (wordCount(text) <= 15 || /@/.test(text)))
      return void tail.contactLines.push(...unit.lines)
    if (mode === 'about' && !isSectionHeading(unit, units[i + 1])) {
      return void tail.boilerplates[tail.boilerplates.length - 1].paragraphs.push(
        unit.items ? unit.items.join('\n') : text,
      )
    }
    mode = 'body'
    tail.body.push(unit)
  })
  return tail
}

export const parseWireCopy = (input: unknown, options: { title?: string } = {}): ParsedRelease => {
  if (typeof input !== 'string' || !input.trim()) {
    throw new WireCopyError('The text is empty: paste the whole release, from the headline to the SOURCE line.')
  }
  if (input.length > MAX_TEXT_LENGTH) {
    throw new WireCopyError(
      `The text is ${input.length.toLocaleString('en-US')} characters long; a release is at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')}.`,
    )
  }
  const warnings: string[] = []
  const clean = cleanAndSplit(input)
  const ignored = [...clean.ignored]
  const units = toUnits(clean.blocks)

  const datelineAt = units.findIndex((u, i) => i < 30 && !u.items && parseDateline(u.text))
  const dateline = datelineAt >= 0 ? parseDateline(units[datelineAt].text) : null
  const summaryAt = units.findIndex(
    (u, i) => /^summary:?$/i.test(u.text) && (datelineAt < 0 || i < datelineAt) && units[i + 1],
  )
  let bodyStart: number
  if (dateline) bodyStart = datelineAt
  else if (summaryAt >= 0) bodyStart = summaryAt + 2
  else bodyStart = Math.max(0, units.findIndex(isProse))
  const givenSummary = summaryAt >= 0 ? units[summaryAt + 1].text : undefined

  // Before the body: the headline and subheadline, among page furniture.
  // Headline and subheadline are lines of their own, blank line between them or not.
  const before = units
    .slice(0, bodyStart)
    .filter((_, i) => summaryAt < 0 || (i !== summaryAt && i !== summaryAt + 1))
    .flatMap((u): Unit[] => (u.items ? [u] : u.lines.map((line) => ({ text: line, lines: [line], gapBefore: 0 }))))
  let titleAt = before.findIndex((u) => !u.items && isHeadlineLike(u.text, dateline ? 3 : 6))
  if (titleAt < 0 && dateline) {
    titleAt = before.findIndex(
      (u) =>
        !u.items &&
        wordCount(u.text) >= 3 &&
        wordCount(u.text) <= 40 &&
        !/:$/.test(u.text) &&
        u.text !== u.text.toUpperCase(),
    )
  }
  let headline = titleAt >= 0 ? before[titleAt].text : undefined
  const subtitleUnit = titleAt >= 0 ? before[titleAt + 1] : undefined
  let subtitle =
    subtitleUnit && !subtitleUnit.items && wordCount(subtitleUnit.text) >= 4 && wordCount(subtitleUnit.text) <= 60
      ? subtitleUnit.text
      : undefined
  for (const u of before) if (u.text !== headline && u.text !== subtitle) ignored.push(u.text)

  const bodyUnits = units.slice(bodyStart)
  if (dateline && bodyUnits[0]) bodyUnits[0] = { ...bodyUnits[0], text: dateline.lead, lines: [dateline.lead] }
  const tail = splitTail(bodyUnits.filter((u) => u.text))
  ignored.push(...tail.ignored)

  const repaired = removeRepeats(tail.body)
  const { units: body } = recoverScrapedLists(repaired.units)

  // Wire pages often repeat the headline (or an image caption of it) as a line in the body.
  const inBody = body.findIndex((u, i) => i > 0 && i <= 4 && !u.items && isHeadlineLike(u.text, 6))
  if (inBody > 0) {
    const [line] = body.splice(inBody, 1)
    if (!headline) headline = line.text
    else if (!subtitle && line.text !== headline) subtitle = line.text
  }

  const nodes: BodyNode[] = body.map((unit, i) => {
    if (unit.listItems) return { kind: 'list', items: unit.listItems }
    if (unit.items) return { kind: 'list', items: unit.items.map((text) => ({ text })) }
    if (isSectionHeading(unit, body[i + 1])) return { kind: 'heading', text: unit.text }
    return { kind: 'paragraph', text: unit.text }
  })
  const lead = nodes.find((n) => n.kind === 'paragraph' && wordCount(n.text) >= MIN_LEAD_WORDS)
  if (!lead || lead.kind !== 'paragraph') {
    throw new WireCopyError(
      'No body text found: paste the release itself (at least one paragraph of text), not only its headline.',
    )
  }

  const summary = givenSummary ? summaryFrom(givenSummary) : summaryFrom(lead.text)
  let title: string
  let titleFrom: ParsedRelease['titleFrom']
  if (options.title?.trim()) {
    title = asTitle(options.title)
    titleFrom = 'given'
    if (headline && !subtitle && asTitle(headline) !== title) subtitle = headline
  } else if (headline) {
    title = asTitle(headline)
    titleFrom = 'headline'
  } else {
    title = asTitle(titleFromSentence(splitSentences(givenSummary ?? lead.text)[0] ?? lead.text))
    titleFrom = 'first-sentence'
    warnings.push('No headline found: the title was made from the first sentence. Edit it before publishing.')
  }
  if (!dateline)
    warnings.push('No dateline (“CITY, State, Mon. DD, YYYY --”) found: set the dateline and release date by hand.')

  const quotes = extractQuotes(nodes.flatMap(plainText))
  const contacts = parseContacts(tail.contactLines)

  return {
    title,
    titleFrom,
    subtitle: subtitle ? subtitle.replace(/\s+/g, ' ').trim().slice(0, SUBTITLE_MAX) : undefined,
    summary,
    dateline: dateline?.place,
    date: dateline?.date,
    dateText: dateline?.dateText,
    wire: dateline?.wire,
    distributor: dateline?.wire ? distributorName(dateline.wire) : undefined,
    body: nodes,
    quotes,
    boilerplates: tail.boilerplates.filter((b) => b.paragraphs.length),
    footnotes: tail.footnotes,
    source: tail.source,
    originalUrl: clean.originalUrl,
    contacts,
    ignored,
    repeatsRemoved: repaired.removedRepeats,
    warnings,
  }
}
