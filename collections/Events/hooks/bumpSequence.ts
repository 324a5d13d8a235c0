import type { CollectionBeforeChangeHook } from 'payload'

/** iCalendar clients only take an update when its SEQUENCE is higher than the one they hold. */
export const bumpSequence: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  if (operation === 'update') {
    data.sequence = (Number(originalDoc?.sequence) || 0) + 1
  } else {
    data.sequence = 0
  }
  return data
}
