/**
 * The wire dateline that opens a release's first paragraph, in the forms the wires use:
 *   HARTFORD, Conn., Jan. 28, 2026 /PRNewswire/ -- …
 *   NEW YORK, January 5, 2026 (GLOBE NEWSWIRE) — …
 *   BOSTON--(BUSINESS WIRE)--Sept. 3, 2025--…
 *   LONDON, 5 March 2026 -- …
 */

export type Dateline = {
  /** Place as the wire wrote it, e.g. "HARTFORD, Conn." */
  place: string
  /** The date as written, e.g. "Jan. 28, 2026". */
  dateText: string
  /** ISO timestamp at noon UTC of that day: the same calendar day in every newsroom time zone. */
  date: string
  /** The wire named in the dateline, e.g. "PRNewswire". */
  wire?: string
  /** The rest of the paragraph after the dateline: the lead. */
  lead: string
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

const MONTH = '(?<month>[A-Z][a-z]{2,8})\\.?'
const MONTH_FIRST = `${MONTH}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})`
const DAY_FIRST = `(?<day2>\\d{1,2})\\s+(?<month2>[A-Z][a-z]{2,8})\\.?,?\\s+(?<year2>\\d{4})`
const DATE = `(?<date>${MONTH_FIRST}|${DAY_FIRST})`
const WIRE = '(?:[/(](?<wire>[^/()]{2,40})[/)])'
const DASH = '(?:--|—|–|-)'

/** "PLACE, DATE /WIRE/ -- lead" and "PLACE, DATE (WIRE) -- lead" (the wire is optional). */
const PLACE_DATE = new RegExp(`^(?<place>[^\\n]{2,80}?),\\s*${DATE}\\s*${WIRE}?\\s*${DASH}\\s*(?<lead>.*)$`, 's')
/** Business Wire: "PLACE--(WIRE)--DATE--lead". */
const PLACE_WIRE_DATE = new RegExp(
  `^(?<place>[^\\n]{2,80}?)\\s*${DASH}\\s*${WIRE}\\s*${DASH}\\s*${DATE}\\s*${DASH}\\s*(?<lead>.*)$`,
  's',
)

const isoDay = (year: number, month: number, day: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day, 12))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString()
}

/** The dateline at the start of `paragraph`, or null when it does not open with one. */
export const parseDateline = (paragraph: string): Dateline | null => {
  const match = PLACE_DATE.exec(paragraph) ?? PLACE_WIRE_DATE.exec(paragraph)
  const g = match?.groups
  if (!g) return null
  const month = MONTHS[(g.month ?? g.month2 ?? '').toLowerCase()]
  const date = month ? isoDay(Number(g.year ?? g.year2), month, Number(g.day ?? g.day2)) : null
  const place = g.place.trim()
  // A place is a short name, not a sentence that happens to contain a date.
  if (!date || /[.!?]\s+[A-Z]/.test(place) || place.split(/\s+/).length > 8) return null
  return { place, dateText: g.date, date, wire: g.wire?.trim(), lead: g.lead.trim() }
}

const DISTRIBUTORS: [RegExp, string][] = [
  [/^pr\s?newswire/i, 'PR Newswire'],
  [/^business\s?wire/i, 'Business Wire'],
  [/^globe\s?newswire/i, 'GlobeNewswire'],
  [/^accesswire/i, 'ACCESSWIRE'],
  [/^newswire/i, 'Newswire'],
]

/** The distributor's usual name for a wire tag ("PRNewswire" → "PR Newswire"). */
export const distributorName = (wire: string): string => DISTRIBUTORS.find(([re]) => re.test(wire))?.[1] ?? wire
