/**
 * Plain-text clean-up and splitting of pasted wire copy into blocks (runs of non-blank lines).
 * Pasted copy comes from wire pages, e-mails and browser selections: markdown link syntax,
 * navigation lines and copyright footers are page furniture, not release text.
 */

export type Block = {
  lines: string[]
  /** Blank lines before this block. Scraped bullet lists show up as unusually wide gaps. */
  gapBefore: number
}

const MARKDOWN_LINK = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g

/** `[label](url)` → label, with markdown escapes (`\(`) undone. */
export const stripMarkdownLinks = (line: string): string =>
  line.replace(MARKDOWN_LINK, (_, label: string) => label.replace(/\\(.)/g, '$1'))

/** A line made only of links and stray punctuation: navigation, "Back to top", "Read more". */
const isLinkOnly = (line: string): boolean =>
  new RegExp(MARKDOWN_LINK.source).test(line) && line.replace(MARKDOWN_LINK, '').replace(/[\s.,;:|^·•>-]/g, '') === ''

const FURNITURE = [
  /^©/, // copyright footers
  /^copyright\s+(©\s*)?\d{4}/i,
  /^[^\p{L}\p{N}]*[\p{L}]?[^\p{L}\p{N}]*$/u, // "X", "^", "|", a lone letter or symbol
  /^(photo|logo|video|multimedia)\s*[-–:]\s*https?:\/\/\S+$/i, // PR Newswire asset links
]

/** Where the wire's own copy of the release lives ("View original content: https://…"). */
const ORIGINAL_CONTENT = /^view original content(?:[^:]*)?:\s*(https?:\/\/\S+)\s*$/i

export type CleanText = {
  blocks: Block[]
  /** Lines dropped as page furniture, for the import summary. */
  ignored: string[]
  originalUrl?: string
}

export const cleanAndSplit = (input: string): CleanText => {
  const ignored: string[] = []
  let originalUrl: string | undefined
  const blocks: Block[] = []
  let current: string[] = []
  let gap = 0

  const flush = () => {
    if (current.length) blocks.push({ lines: current, gapBefore: blocks.length ? gap : 0 })
    current = []
    gap = 0
  }

  const lines = input
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .split('\n')

  for (const raw of lines) {
    const trimmed = raw.trim()
    if (!trimmed) {
      if (current.length) flush()
      gap += 1
      continue
    }
    const original = ORIGINAL_CONTENT.exec(trimmed)
    if (original) {
      originalUrl = original[1]
      continue
    }
    if (isLinkOnly(trimmed)) {
      ignored.push(stripMarkdownLinks(trimmed).trim())
      continue
    }
    const line = stripMarkdownLinks(trimmed)
      // Markdown headings and whole-line bold are formatting, not text (nor footnote stars).
      .replace(/^#{1,6}\s+/, '')
      .replace(/^(\*\*|__)(?=\S)(.+?)\1$/, '$2')
      .replace(/[ \t]+/g, ' ')
      // "Standards of Care ™": the space is a paste artefact of a superscript mark.
      .replace(/\s+([™®℠])/g, '$1')
      .trim()
    if (FURNITURE.some((re) => re.test(line))) {
      ignored.push(line)
      continue
    }
    current.push(line)
  }
  flush()
  return { blocks, ignored: ignored.filter(Boolean), originalUrl }
}

/** Normalised form for comparing paragraphs: case, quotes, marks and spacing ignored. */
export const comparable = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[™®℠*]/g, '')
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.;,]+|[\s]+$/g, '')

export const wordCount = (value: string): number => value.split(/\s+/).filter(Boolean).length

/** Markdown emphasis (`*your*`) marks in pasted text are formatting, not words. */
export const stripEmphasis = (value: string): string =>
  value.replace(/(^|[\s(“"])\*([^*\s](?:[^*]*[^*\s])?)\*(?=$|[\s.,;:!?)”"’])/g, '$1$2')

const ABBREVIATIONS = new Set(
  'dr mr mrs ms mx prof sr jr st mt inc corp co ltd llc dept univ gov sen rep gen lt col capt rev hon no vs etc approx jan feb mar apr jun jul aug sep sept oct nov dec conn mass calif n.y u.s u.k m.d ph.d d.c e.g i.e'.split(
    ' ',
  ),
)

/** True when the word ending at a period is an abbreviation or an initial ("Jeffrey A. Flaks"). */
export const isAbbreviation = (word: string): boolean => {
  const bare = word.replace(/^[("“'‘]+/, '').replace(/\.$/, '')
  return /^\p{Lu}$/u.test(bare) || ABBREVIATIONS.has(bare.toLowerCase()) || /^(\p{L}\.)+\p{L}$/u.test(bare)
}

/** Sentence boundaries: end punctuation (and closing quotes) followed by a capital, digit or quote. */
export const splitSentences = (text: string): string[] => {
  const sentences: string[] = []
  const boundary = /([.!?])(["”’)]*)\s+(?=["“‘(]?[\p{Lu}\d])/gu
  let start = 0
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[1] === '.' && !m[2]) {
      const before =
        text
          .slice(start, m.index + 1)
          .split(/\s+/)
          .pop() ?? ''
      if (isAbbreviation(before)) continue
    }
    const end = m.index + m[1].length + m[2].length
    sentences.push(text.slice(start, end).trim())
    start = m.index + m[0].length
  }
  const rest = text.slice(start).trim()
  if (rest) sentences.push(rest)
  return sentences
}

const SMALL_WORDS = new Set(
  'a an and as at but by for from in into nor of on or over per the to up via vs with without'.split(' '),
)

/** Headline capitalisation: nearly every significant word starts with a capital (or is all caps). */
export const isTitleCase = (text: string): boolean => {
  const words = text
    .replace(/[^\p{L}\p{N}\s'’-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
  const significant = words.filter((w, i) => i === 0 || !SMALL_WORDS.has(w.toLowerCase()))
  if (significant.length < 2) return false
  const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w)).length
  return capitalised / significant.length >= 0.9
}

/** Quotation marks that open a quoted passage at the start of a line. */
export const startsWithQuote = (text: string): boolean => /^["“‘']/.test(text)
