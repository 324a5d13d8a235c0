/**
 * What a reader typed, as the words every search engine matches, and the markers engines put
 * around matched words in titles and snippets (private-use characters, so no text a person
 * writes contains them; pages turn them into <mark> elements, never into HTML strings).
 */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

export const MAX_TERMS = 8

/** Words as the index tokenises them (letters and digits; an apostrophe or hyphen splits), lower-cased, once each. */
export const searchTerms = (q: string): string[] => {
  const words = (
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length > 1)
  return [...new Set(words)].slice(0, MAX_TERMS)
}

/** Marked text as parts: `marked` parts are the words the query matched. */
export const markedParts = (text: string): { text: string; marked: boolean }[] => {
  const parts: { text: string; marked: boolean }[] = []
  for (const [i, piece] of text.split(MARK_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece.replaceAll(MARK_END, ''), marked: false })
      continue
    }
    const end = piece.indexOf(MARK_END)
    const inside = end < 0 ? piece : piece.slice(0, end)
    const after = end < 0 ? '' : piece.slice(end + 1).replaceAll(MARK_END, '')
    if (inside) parts.push({ text: inside, marked: true })
    if (after) parts.push({ text: after, marked: false })
  }
  return parts
}

export const hasMarks = (text: string | null | undefined): boolean => Boolean(text?.includes(MARK_START))

/** The text without markers (what the reader's words matched inside, as written). */
export const unmarked = (text: string): string => text.replaceAll(MARK_START, '').replaceAll(MARK_END, '')

/** How many of a text's words are marked. */
export const markCount = (text: string | null | undefined): number => (text ? text.split(MARK_START).length - 1 : 0)

/**
 * The one passage a result shows: of the given marked fields (in order of preference), the one
 * with the most matched words; the first non-empty one when none matched (the match was in the title).
 */
export const bestPassage = (candidates: (string | null | undefined)[]): string | null => {
  const present = candidates.filter((c): c is string => Boolean(c?.trim()))
  if (!present.length) return null
  return present.reduce((best, c) => (markCount(c) > markCount(best) ? c : best), present[0])
}
