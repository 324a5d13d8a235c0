import type { TextField } from 'payload'

/** An absolute http(s) URL. Anything else (javascript:, data:, relative paths) is refused. */
export const validateHttpUrl = (value: string | null | undefined): true | string => {
  if (!value) return true
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? true
      : 'Enter a web address starting with http:// or https://.'
  } catch {
    return 'Enter a full web address, such as https://example.org/page.'
  }
}

export const urlField = (name: string, overrides: Partial<TextField> = {}): TextField =>
  ({
    name,
    type: 'text',
    validate: (value: string | null | undefined) =>
      overrides.required && !value ? 'This field is required.' : validateHttpUrl(value),
    ...overrides,
  }) as TextField
