import type { CollectionBeforeChangeHook } from 'payload'

/** A release published without a date is dated now, so the visibility rule has a date to check. */
export const stampPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
