import type { CollectionBeforeChangeHook, Field } from 'payload'

import { precisionOf, truncateCalendarDate } from '@/lib/datePrecision'
import { DATE_PRECISIONS, selectOptions } from '@/options'

/**
 * How precise a document's date is, and where it comes from: milestones, quotes and releases
 * share these two fields, so a date taken from an undated source is never shown as an exact day
 * (src/lib/datePrecision.ts prints and publishes it). Rows written before they existed are day-precise.
 */
export const datePrecisionFields = ({ sidebar = false }: { sidebar?: boolean } = {}): Field[] => [
  {
    name: 'datePrecision',
    label: 'Date precision',
    type: 'select',
    // Not required, so every existing create keeps working; empty reads as day-precise.
    defaultValue: 'day',
    options: selectOptions(DATE_PRECISIONS),
    admin: {
      ...(sidebar ? { position: 'sidebar' as const } : {}),
      description: 'How much of the date the source gives. Pages and feeds never show more than this.',
    },
  },
  {
    name: 'dateSource',
    label: 'Date source',
    type: 'text',
    maxLength: 300,
    admin: {
      ...(sidebar ? { position: 'sidebar' as const } : {}),
      description:
        'Where the date comes from, e.g. “Undated announcement; it cites a report issued in September 2013”.',
    },
  },
]

/**
 * For calendar dates (milestones, quotes): the stored day is cut back to the start of the month
 * or year the precision names, so no API answer carries a day the source does not give. Release
 * dates are instants that also decide visibility, so they are shown reduced but never moved.
 */
export const truncateToPrecision =
  (dateField: string): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    const date = data[dateField] ?? originalDoc?.[dateField]
    const precision = precisionOf(data.datePrecision ?? originalDoc?.datePrecision)
    if (typeof date === 'string' && precision !== 'day') data[dateField] = truncateCalendarDate(date, precision)
    return data
  }
