/**
 * Characters no feed may carry, and text fields may not take in.
 *
 * - C0 control characters other than tab and line breaks, and DEL: a title pasted from another
 *   program can carry them; XML 1.0 and iCalendar (RFC 5545 TEXT) forbid them.
 * - Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of every
 *   plane) and lone surrogates: XML 1.0 forbids U+FFFE, U+FFFF and surrogates (its `Char`
 *   production) and discourages the rest; one in a title made /feed.xml and /atom.xml ill-formed.
 *
 * Feeds drop both (`withoutFeedForbiddenCharacters`). Over the API, a text value with a control
 * character (C0 but tab and line breaks, DEL, C1) is refused with a 400 naming its field
 * (src/security/strictApiInput.ts), because a NUL silently cut a stored title short.
 */
const C0_AND_DEL = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f'
const PLANE_ENDS = Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16)
  return `\\u{${plane}fffe}\\u{${plane}ffff}`
}).join('')
const NON_CHARACTERS = `\\ufdd0-\\ufdef\\ufffe\\uffff${PLANE_ENDS}\\ud800-\\udfff`

const FEED_FORBIDDEN = new RegExp(`[${C0_AND_DEL}${NON_CHARACTERS}]`, 'gu')
const CONTROL = new RegExp(`[${C0_AND_DEL}\\u0080-\\u009f]`, 'u')

/** `text` without the characters no feed may carry. */
export const withoutFeedForbiddenCharacters = (text: string): string => text.replace(FEED_FORBIDDEN, '')

/** The first control character in `text` (tab and line breaks are text), as `U+0000`, or null. */
export const controlCharacterIn = (text: string): string | null => {
  const found = CONTROL.exec(text)?.[0]
  return found === undefined ? null : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}
