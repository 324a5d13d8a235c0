import type { DateField, FieldHook } from 'payload'

import { toCalendarDate } from '@/lib/calendarDate'

/**
 * A date without a time of day (a milestone's date, when a quote was said, a registration
 * deadline). Whatever a client sends, it is stored as noon UTC of the calendar day it names,
 * as Payload's own day picker does, and shown with `formatCalendarDate` (in UTC), so it is the
 * same day on every page, feed and time zone: `2026-11-30T00:00Z` over REST is November 30,
 * not the evening of November 29 in New York.
 */
const normalise: FieldHook = ({ value }) =>
  value === null || value === undefined ? value : (toCalendarDate(value) ?? value)

export const calendarDateField = (field: Omit<DateField, 'type'> & { name: string }): DateField => ({
  ...field,
  type: 'date',
  admin: { ...field.admin, date: { pickerAppearance: 'dayOnly', displayFormat: 'MMMM d, yyyy', ...field.admin?.date } },
  hooks: { ...field.hooks, beforeValidate: [normalise, ...(field.hooks?.beforeValidate ?? [])] },
})
