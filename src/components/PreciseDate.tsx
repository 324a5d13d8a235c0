import { publicDateOf, type ReleaseVisibilityFields } from '@/access/visibility'
import { formatPreciseDate, isDayPrecise, reducedIsoDate } from '@/lib/datePrecision'
import { NEWSROOM_TIME_ZONE } from '@/lib/format'

/**
 * A date printed with the precision it has: "September 26, 2013", "September 2013", "2013" or
 * "c. 2013", its `datetime` the reduced ISO form (`2013-09`, `2013`), never an invented day.
 * `instant` gives a day-precise release date its full timestamp; `source` names where the date
 * comes from (shown on hover; pages that have room print it too).
 */
export const PreciseDate = ({
  value,
  precision,
  source,
  timeZone = 'UTC',
  instant = false,
}: {
  value: string
  precision?: string | null
  source?: string | null
  timeZone?: string
  instant?: boolean
}) => (
  <time
    dateTime={instant && isDayPrecise(precision) ? value : reducedIsoDate(value, precision, timeZone)}
    title={source || undefined}
    data-precision={precision || 'day'}
  >
    {formatPreciseDate(value, precision, timeZone)}
  </time>
)

/**
 * A release's public date (the moment it became public: publish date or embargo lift, whichever
 * is later), in the newsroom's time zone, with the precision its source gives.
 */
export const ReleaseDate = ({
  release,
}: {
  release: ReleaseVisibilityFields & { datePrecision?: string | null; dateSource?: string | null }
}) => {
  const published = publicDateOf(release)
  return published ? (
    <PreciseDate
      value={published}
      precision={release.datePrecision}
      source={release.dateSource}
      timeZone={NEWSROOM_TIME_ZONE}
      instant
    />
  ) : null
}
