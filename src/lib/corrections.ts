/**
 * Public corrections of a published release (the `corrections` field, src/fields/corrections.ts):
 * newest first, as the page, JSON-LD and feeds all give them, and the one line each says.
 */
import { formatDate } from './format'

export type Correction = { id?: string | null; date: string; note: string }

/** The release's corrections with a date and a note, newest first. */
export const correctionsOf = (release: { corrections?: Partial<Correction>[] | null }): Correction[] =>
  (release.corrections ?? [])
    .filter((c): c is Correction => Boolean(c.date && c.note?.trim()))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))

/** "Corrected January 29, 2027:", before the note. */
export const correctionHeading = (c: Correction) => `Corrected ${formatDate(c.date)}:`

/** What tells one correction from another in the audit trail: its date and its words. */
export const correctionKey = (c: Partial<Correction>) => `${c.date ? Date.parse(c.date) : ''}|${c.note?.trim() ?? ''}`
