/**
 * Quotations and who said them, in the attribution forms wire copy uses:
 *   "…," said NAME, TITLE of ORG.        "…," said NAME, TITLE, ORG.
 *   "…," NAME said.   "…," he added.     NAME, TITLE at ORG, said, "…"
 * A quote split around its attribution ("A," said X. "B.") is one quote. The words are kept
 * exactly; only the comma that the attribution forced at the end becomes a full stop.
 */
import { isAbbreviation, splitSentences, stripEmphasis, wordCount } from './text'

export type Speaker = { name: string; title?: string; organization?: string }
export type ExtractedQuote = Speaker & { text: string }

type Segment = { text: string; start: number; end: number }

const CLOSING: Record<string, string> = { '“': '”', '"': '"' }

const findSegments = (paragraph: string): Segment[] => {
  const segments: Segment[] = []
  for (let i = 0; i < paragraph.length; i++) {
    const close = CLOSING[paragraph[i]]
    if (!close) continue
    const j = paragraph.indexOf(close, i + 1)
    if (j === -1) break
    segments.push({ text: paragraph.slice(i + 1, j), start: i, end: j + 1 })
    i = j
  }
  return segments
}

const VERBS =
  'said|says|added|adds|explained|explains|noted|notes|continued|continues|stated|states|commented|remarked|observed'
const VERB_FIRST = new RegExp(`^\\s*,?\\s*(?:${VERBS})\\s+`, 'i')
const NAME_FIRST = new RegExp(`^\\s*,?\\s*([^“”"]{1,200}?),?\\s+(?:${VERBS})\\b\\s*[.,;]?`, 'i')
const VERB_BEFORE_QUOTE = new RegExp(`^(.*?),?\\s+(?:${VERBS})\\s*[,:]?\\s*$`, 'is')
const ACCORDING_TO = /^according to\s+(.*?),?\s*$/is

/** The attribution clause at the start of `text`: up to a sentence end, "who …", or a quote. */
const cutClause = (text: string): { clause: string; length: number } => {
  const stop = /\.(?=\s|$)|[;“”"]|,\s+(?:who|which|whose|adding|as|when|where|and)\b|\s+who\b/g
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    if (m[0] === '.') {
      const word =
        text
          .slice(0, m.index + 1)
          .split(/\s+/)
          .pop() ?? ''
      // "A." in "Jeffrey A. Flaks" and "Dr." do not end the clause; a final "MD." does.
      if (
        isAbbreviation(word) &&
        /^\s+\p{Lu}/u.test(text.slice(m.index + 1)) &&
        !/^\s+["“]/.test(text.slice(m.index + 1))
      )
        continue
      return { clause: text.slice(0, m.index), length: m.index + 1 }
    }
    return { clause: text.slice(0, m.index), length: m.index }
  }
  return { clause: text, length: text.length }
}

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|prof|sen|gov|rep)\.?\s+/i
const NAME =
  /^(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Gov|Rep)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|di|du|la|le|bin|al))*$/u
const CREDENTIAL = /^(?:\p{Lu}[\p{L}.]{0,7}|Jr\.?|Sr\.?|II|III|IV)$/u
const CORPORATE = /^(?:Inc|Corp|Co|Ltd|LLC|LLP|PLC|GmbH|S\.A|N\.A)\.?$/i
const PRONOUN = /^(?:he|she|they)$/i

const isCredential = (part: string): boolean =>
  CREDENTIAL.test(part) && (part.replace(/[^\p{Lu}]/gu, '').length >= 2 || /^(Jr|Sr)\.?$/.test(part))

const cleanOrg = (org: string): string =>
  org
    .replace(/^the\s+/i, '')
    .replace(/[.,;:\s]+$/, '')
    .trim()

type Attribution = Speaker | 'pronoun'

/** "NAME, MD, TITLE of ORG" → speaker; null when the clause does not start with a person's name. */
export const parseAttribution = (clause: string): Attribution | null => {
  const c = clause
    .replace(/\s+/g, ' ')
    .replace(/[.,;:\s]+$/, '')
    .trim()
  if (PRONOUN.test(c)) return 'pronoun'
  const parts = c.split(/,\s+/)
  let name = parts.shift() ?? ''
  if (!NAME.test(name) || wordCount(name) > 6 || name.length > 80) return null
  while (parts.length && isCredential(parts[0])) name += `, ${parts.shift()}`
  // Appositives ("…, a nonprofit based in Hartford") describe the organisation, not the speaker.
  const rest = parts.filter((p) => /^[\p{Lu}\d]/u.test(p))
  for (let i = rest.length - 1; i > 0; i--) {
    if (CORPORATE.test(rest[i])) rest.splice(i - 1, 2, `${rest[i - 1]}, ${rest[i]}`)
  }
  if (!rest.length) return { name }
  if (rest.length === 1) {
    const split =
      /^(.+?)\s+at\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(rest[0]) ??
      /^(.+?)\s+(?:of|for|with)\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(rest[0])
    return split ? { name, title: split[1].trim(), organization: cleanOrg(split[2]) } : { name, title: rest[0] }
  }
  return { name, title: rest.slice(0, -1).join(', '), organization: cleanOrg(rest[rest.length - 1]) }
}

/** The quoted words as a standalone quote: emphasis marks gone, the attribution comma a full stop. */
const cleanQuote = (text: string): string => stripEmphasis(text.replace(/\s+/g, ' ').trim()).replace(/,$/, '.')

const surname = (name: string): string =>
  name.replace(HONORIFIC, '').split(',')[0].trim().split(/\s+/).pop()?.toLowerCase() ?? ''

export class SpeakerBook {
  private speakers: Speaker[] = []
  private last: Speaker | null = null

  /** A full attribution is remembered; "Dr. Thompson" and "he" resolve to someone named before. */
  resolve(attribution: Attribution): Speaker | null {
    if (attribution === 'pronoun') return this.last
    let speaker: Speaker = attribution
    if (!attribution.title && !attribution.organization) {
      const known = this.speakers.find((s) => surname(s.name) === surname(attribution.name))
      if (known) speaker = known
    } else if (!this.speakers.some((s) => s.name === attribution.name)) {
      this.speakers.push(attribution)
    }
    this.last = speaker
    return speaker
  }
}

type Found = { speaker: Speaker; end: number }

const attributionAfter = (paragraph: string, segment: Segment, book: SpeakerBook): Found | null => {
  const after = paragraph.slice(segment.end)
  const verbFirst = VERB_FIRST.exec(after)
  if (verbFirst) {
    const { clause, length } = cutClause(after.slice(verbFirst[0].length))
    const attribution = parseAttribution(clause)
    const speaker = attribution && book.resolve(attribution)
    return speaker ? { speaker, end: segment.end + verbFirst[0].length + length } : null
  }
  const nameFirst = NAME_FIRST.exec(after)
  if (nameFirst && wordCount(nameFirst[1]) <= 15) {
    const attribution = parseAttribution(nameFirst[1])
    const speaker = attribution && book.resolve(attribution)
    return speaker ? { speaker, end: segment.end + nameFirst[0].length } : null
  }
  return null
}

const attributionBefore = (paragraph: string, from: number, segment: Segment, book: SpeakerBook): Found | null => {
  const lastSentence = splitSentences(paragraph.slice(from, segment.start).trim()).pop() ?? ''
  const match = VERB_BEFORE_QUOTE.exec(lastSentence) ?? ACCORDING_TO.exec(lastSentence)
  const attribution = match && parseAttribution(match[1])
  const speaker = attribution && book.resolve(attribution)
  return speaker ? { speaker, end: segment.end } : null
}

/** Every attributed quote in the paragraphs, in order, each distinct text once. */
export const extractQuotes = (paragraphs: string[]): ExtractedQuote[] => {
  const book = new SpeakerBook()
  const quotes: ExtractedQuote[] = []
  for (const paragraph of paragraphs) {
    let current: ExtractedQuote | null = null
    let attributionEnd = 0
    let previousEnd = 0
    for (const segment of findSegments(paragraph)) {
      const found =
        attributionAfter(paragraph, segment, book) ?? attributionBefore(paragraph, previousEnd, segment, book)
      const words = cleanQuote(segment.text)
      previousEnd = segment.end
      if (found) {
        if (wordCount(words) < 4) continue
        current = { ...found.speaker, text: words }
        quotes.push(current)
        attributionEnd = found.end
      } else if (current && !paragraph.slice(attributionEnd, segment.start).trim()) {
        // "A," said X. "B." — the second half of the same quote.
        current.text = `${current.text} ${words}`
        attributionEnd = segment.end
      } else if (current && /^\p{Lu}/u.test(words) && wordCount(words) >= 6) {
        current = { ...(current as ExtractedQuote), text: words }
        quotes.push(current)
        attributionEnd = segment.end
      }
    }
  }
  const seen = new Set<string>()
  return quotes.filter((q) => {
    const key = q.text.toLowerCase().replace(/\W+/g, ' ')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
