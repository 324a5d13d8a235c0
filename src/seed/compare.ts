/**
 * Does a stored document (read at depth 0) already hold the seed data? Only keys the seed sets
 * are compared, so generated values (ids of array rows, timestamps, hook-derived labels) and
 * fields an editor filled in are ignored. Re-seeding an up-to-date database then writes nothing:
 * no new versions, no bumped calendar sequence numbers.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export const matches = (desired: unknown, stored: unknown): boolean => {
  if (desired === undefined) return true
  if (desired === null) return stored === null || stored === undefined
  if (Array.isArray(desired)) {
    return (
      Array.isArray(stored) && desired.length === stored.length && desired.every((item, i) => matches(item, stored[i]))
    )
  }
  if (isRecord(desired)) {
    if (!isRecord(stored)) return false
    return Object.entries(desired).every(([key, value]) => matches(value, stored[key]))
  }
  if (typeof desired === 'string' && typeof stored === 'string' && ISO_DATE.test(desired) && ISO_DATE.test(stored)) {
    return Date.parse(desired) === Date.parse(stored)
  }
  // Ids are opaque: a numeric id may come back as a number or as its string form.
  if (
    (typeof desired === 'number' || typeof desired === 'string') &&
    (typeof stored === 'number' || typeof stored === 'string')
  ) {
    return typeof desired === typeof stored ? desired === stored : String(desired) === String(stored)
  }
  return desired === stored
}
