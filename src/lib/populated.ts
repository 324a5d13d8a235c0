/**
 * Relationship fields hold either an ID or, when populated and readable, the document itself.
 * These return only documents: an ID (not populated, or hidden from this reader) is dropped.
 */
export const populated = <T extends object>(value: unknown): T | null =>
  value && typeof value === 'object' ? (value as T) : null

export const populatedList = <T extends object>(list: unknown[] | null | undefined): T[] =>
  (list ?? []).filter((x): x is T => typeof x === 'object' && x !== null)
