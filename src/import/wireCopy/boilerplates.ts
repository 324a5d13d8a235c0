/**
 * The tail of a release: "About X" boilerplates, footnotes, media contacts and the SOURCE line.
 */
import { wordCount } from './text'
import { isBulletLine } from './units'

export type Boilerplate = { name: string; heading: string; paragraphs: string[] }
export type Footnote = { marker: string; text: string }
export type Contact = { name: string; title?: string; organization?: string; email?: string; phone?: string }

const ABOUT = /^about\s+(?:the\s+)?(?<name>\S.{0,120}?)\s*:?$/i

/** "About Hartford HealthCare" → "Hartford HealthCare"; null for anything else ("About us", sentences). */
export const aboutHeading = (text: string): string | null => {
  const name = ABOUT.exec(text)?.groups?.name
  if (!name || /[.!?]$/.test(name) || wordCount(name) > 12 || /^(us|this|our)\b/i.test(name)) return null
  return name
}

const SOURCE = /^SOURCE:?\s+(?<name>\S.{0,200})$/
/** "SOURCE Hartford HealthCare" → the line and the organisation. */
export const sourceLine = (text: string): { line: string; name: string } | null => {
  const name = SOURCE.exec(text)?.groups?.name
  return name ? { line: text.trim(), name: name.trim() } : null
}

const FOOTNOTE = /^(?<marker>\*{1,4}|[†‡§¶]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\]|\(\d{1,2}\))\s*(?<text>\S.*)$/s
const NUMBERED = /^(?<marker>\d{1,2})[.)]\s+(?<text>\S.*)$/s

/**
 * A footnote paragraph: "*text", "** text", "† text", "¹ text", "[1] text". A single "* " with
 * a space is a footnote only where a footnote is expected (`trailing`), else it is a bullet.
 * "1. text" counts only under a "Notes" heading (`numbered`), else it is an ordered list.
 */
export const footnote = (text: string, { trailing = false, numbered = false } = {}): Footnote | null => {
  if (!trailing && isBulletLine(text)) return null
  const match = FOOTNOTE.exec(text) ?? (numbered ? NUMBERED.exec(text) : null)
  if (!match?.groups) return null
  return { marker: match.groups.marker.replace(/[[\]()]/g, ''), text: match.groups.text.trim() }
}

export const isNotesHeading = (text: string): boolean => /^(?:foot)?notes\s*:?$/i.test(text.trim())

const CONTACTS = /^(?:(?:media|press|news|investor)\s+)?(?:contacts?|inquiries|enquiries)(?:\s*:\s*(?<rest>.*)|\s*)$/i

/** A contacts heading, with whatever followed it on the same line. */
export const contactsHeading = (text: string): { rest: string } | null => {
  const match = CONTACTS.exec(text.trim())
  return match ? { rest: match.groups?.rest?.trim() ?? '' } : null
}

const EMAIL = /[^\s@<>()[\],;:]+@[^\s@<>()[\],;:]+\.[a-z]{2,}/i
const PHONE = /(?:\+?\(?\d[\d\s().-]{6,}\d)(?:\s*(?:x|ext\.?)\s*\d+)?/i
const JOB_TITLE =
  /\b(?:director|manager|officer|president|head|lead|specialist|coordinator|relations|communications|spokes\w*|editor|chief|vp|senior|associate|strategist|press secretary)\b/i
const LABEL = /^(?:e-?mail|email|phone|tel|telephone|mobile|cell|office|[ept])\s*[:.]\s*/i

/**
 * Contacts from the lines under a contacts heading. Each contact is a name, then optionally a
 * title and organisation, then e-mail and phone, one per line or comma-separated on one line.
 */
export const parseContacts = (lines: string[]): Contact[] => {
  const contacts: Contact[] = []
  let current: Contact | null = null
  const parts = lines.flatMap((line) =>
    EMAIL.test(line) || PHONE.test(line) ? line.split(/\s*[,;|]\s*|\s{2,}/) : [line],
  )
  for (const raw of parts) {
    const part = raw.replace(LABEL, '').trim()
    if (!part) continue
    const email = EMAIL.exec(part)?.[0]
    const phone =
      !email && PHONE.test(part) && part.replace(/[\d\s().+x-]/gi, '').length <= 4 ? PHONE.exec(part)?.[0] : undefined
    if (email || phone) {
      if (!current) continue
      if (email) current.email ??= email
      if (phone) current.phone ??= phone.trim()
      continue
    }
    if (!current || current.email || current.phone) {
      current = { name: part }
      contacts.push(current)
    } else if (!current.title && JOB_TITLE.test(part)) current.title = part
    else current.organization ??= part
  }
  return contacts.filter((c) => c.name && wordCount(c.name) <= 8)
}
