/**
 * Dates with their precision. A milestone, quote or release date whose source gives only a
 * month or a year, or no date at all (the day then inferred), is shown, published in JSON-LD and
 * put in feeds with no more precision than it has: "September 2013", "2013", "c. 2013", and the
 * reduced ISO 8601 forms "2013-09" and "2013". Sorting still uses the stored date.
 */
import { DATE_PRECISIONS } from '@/options'

export type DatePrecision = (typeof DATE_PRECISIONS)[number]['value']

const PRECISIONS: readonly string[] = DATE_PRECISIONS.map((p) => p.value)

/** A stored precision, or `day` for rows written before precisions existed. */
export const precisionOf = (value: unknown): DatePrecision =>
  typeof value === 'string' && PRECISIONS.includes(value) ? (value as DatePrecision) : 'day'

export const isDayPrecise = (value: unknown): boolean => precisionOf(value) === 'day'

const parts = (iso: string, timeZone: string) => {
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return { year: fields.year, month: fields.month, day: fields.day }
}

/** ISO 8601 with only the precision the date has: `2013-09-26`, `2013-09` or `2013`. */
export const reducedIsoDate = (iso: string, precision: unknown, timeZone = 'UTC'): string => {
  const { year, month, day } = parts(iso, timeZone)
  switch (precisionOf(precision)) {
    case 'day':
      return `${year}-${month}-${day}`
    case 'month':
      return `${year}-${month}`
    default:
      return year
  }
}

/** As a newsroom prints it: "September 26, 2013", "September 2013", "2013" or "c. 2013". */
export const formatPreciseDate = (iso: string, precision: unknown, timeZone = 'UTC'): string => {
  const date = new Date(iso)
  switch (precisionOf(precision)) {
    case 'day':
      return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(date)
    case 'month':
      return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone }).format(date)
    case 'year':
      return parts(iso, timeZone).year
    default:
      return `c. ${parts(iso, timeZone).year}`
  }
}

/**
 * A calendar date (noon UTC) cut back to the start of the period its precision names, so that
 * no API answer carries a day (or month) the source does not give: September 26, 2013 at month
 * precision is stored as September 1, at year precision as January 1.
 */
export const truncateCalendarDate = (stored: string, precision: unknown): string => {
  const { year, month } = parts(stored, 'UTC')
  switch (precisionOf(precision)) {
    case 'day':
      return stored
    case 'month':
      return `${year}-${month}-01T12:00:00.000Z`
    default:
      return `${year}-01-01T12:00:00.000Z`
  }
}
