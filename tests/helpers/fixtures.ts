/** Minimal valid documents for tests. */
export const richText = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      textFormat: 0,
      children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
    })),
  },
})

let counter = 0
export const uniqueTitle = (prefix = 'Release') => `${prefix} ${++counter} ${Date.now().toString(36)}`

export const HOUR = 60 * 60 * 1000
export const past = (ms = HOUR) => new Date(Date.now() - ms).toISOString()
export const future = (ms = 24 * HOUR) => new Date(Date.now() + ms).toISOString()

export const releaseData = (overrides: Record<string, unknown> = {}) => ({
  title: uniqueTitle(),
  summary: 'A short plain-text summary for cards and feeds.',
  dateline: 'HARTFORD, Conn.',
  body: richText('The first paragraph of the release.'),
  ...overrides,
})

/** A tiny valid PNG. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
