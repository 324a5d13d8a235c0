/** IANA time zones offered for events (every zone the runtime knows). */
export const TIME_ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']

export const DEFAULT_TIME_ZONE = 'America/New_York'

export const isTimeZone = (value: unknown): value is string => {
  if (typeof value !== 'string' || !value) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}
