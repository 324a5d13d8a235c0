/**
 * Calendar dates (a day, no time) stored as noon UTC of that day, the convention of Payload's
 * day picker and of the seed: noon UTC is the same calendar day from UTC-11 to UTC+11, so the
 * admin shows it right too. Pages and feeds read the day back in UTC.
 */
const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

/** The calendar day a value names, as stored (`YYYY-MM-DDT12:00:00.000Z`), or null if it names none. */
export const toCalendarDate = (value: unknown): string | null => {
  let day: string | null = null
  if (value instanceof Date && !Number.isNaN(value.getTime())) day = value.toISOString().slice(0, 10)
  else if (typeof value === 'string') {
    // The day as written: "2026-11-30T00:00Z" and "2026-11-30T00:00-05:00" both mean November 30.
    // Not a date at all ("2026-11-30T99:00"): left for the date field's own validation to refuse.
    const m = Number.isNaN(Date.parse(value)) ? null : DAY_PREFIX.exec(value.trim())
    const named = m ? `${m[1]}-${m[2]}-${m[3]}` : null
    // Only a day that exists: "2026-02-31" would otherwise roll over into March.
    const noon = named ? Date.parse(`${named}T12:00:00.000Z`) : NaN
    if (named && !Number.isNaN(noon) && new Date(noon).toISOString().startsWith(named)) day = named
  }
  return day ? `${day}T12:00:00.000Z` : null
}

/** `YYYY-MM-DD` of a stored calendar date. */
export const calendarDay = (stored: string): string => new Date(stored).toISOString().slice(0, 10)

/** A calendar date as a newsroom prints it: "November 30, 2026", the same day everywhere. */
export const formatCalendarDate = (stored: string): string =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(stored))
