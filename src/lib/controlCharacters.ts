/**
 * C0 control characters other than tab and line breaks (and DEL). A title pasted from another
 * program can carry them; XML 1.0 and iCalendar (RFC 5545 TEXT) forbid them, so feeds drop them.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export const withoutControlCharacters = (text: string): string => text.replace(CONTROL, '')
