/**
 * RFC 5545 §3.1 line folding, by octets. The `ics` package folds content lines every 75
 * *characters*, so a line with a curly apostrophe or an accented name came out 76–77 octets
 * long, which strict calendar parsers refuse. Its output is unfolded here and folded again:
 * every physical line at most 75 octets of UTF-8 (CRLF not counted), continuation lines
 * starting with one space, and never a fold inside a character's octet sequence.
 */
const MAX_OCTETS = 75
const CRLF = '\r\n'

/** Joins folded lines back into logical lines (a CRLF followed by one space or tab is removed). */
export const unfoldIcs = (text: string): string[] =>
  text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((line, i, all) => line !== '' || i < all.length - 1)

const octets = (codePoint: string) => Buffer.byteLength(codePoint, 'utf8')

/** One logical line as physical lines of at most 75 octets, split between code points only. */
export const foldIcsLine = (line: string): string[] => {
  const out: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const n = octets(char)
    if (size + n > MAX_OCTETS) {
      out.push(current)
      // The continuation's leading space counts towards its 75 octets.
      current = ' '
      size = 1
    }
    current += char
    size += n
  }
  out.push(current)
  return out
}

/** A whole calendar, refolded by octets, with CRLF line endings and a final CRLF. */
export const refoldIcs = (text: string): string =>
  unfoldIcs(text)
    .filter((line) => line !== '')
    .flatMap(foldIcsLine)
    .join(CRLF) + CRLF
