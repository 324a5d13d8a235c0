import { releaseState } from '@/access/visibility'
import { formatDateTime, NEWSROOM_TIME_ZONE } from '@/lib/format'
import type { PressRelease } from '@/payload-types'

/** In preview, says whether the release shown is public, and if not, why (EMBARGOED above all). */
export function ReleaseStateNotice({ release }: { release: PressRelease }) {
  const state = releaseState(release)
  if (state === 'public') return null
  const embargoed = state === 'embargoed'
  const text = embargoed
    ? `EMBARGOED until ${formatDateTime(release.embargoUntil!, NEWSROOM_TIME_ZONE)}: not public, not in any feed, not sent to partners until then.`
    : state === 'draft'
      ? 'DRAFT: not published. Only staff can see this.'
      : `SCHEDULED for ${formatDateTime(release.publishedAt!, NEWSROOM_TIME_ZONE)}: not public until then.`
  return (
    <p className={`state-notice${embargoed ? ' state-notice--embargo' : ''}`} role="status">
      {text}
    </p>
  )
}
