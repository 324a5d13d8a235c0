import { isReleasePublic } from '@/access/visibility'
import { formatDateTime } from '@/lib/format'
import type { PressRelease } from '@/payload-types'

/** In preview, says whether the release shown is public, and if not, why (EMBARGOED above all). */
export function ReleaseStateNotice({ release }: { release: PressRelease }) {
  if (isReleasePublic(release)) return null
  const now = Date.now()
  const embargoed = release.embargoUntil && Date.parse(release.embargoUntil) > now
  let text: string
  if (embargoed)
    text = `EMBARGOED until ${formatDateTime(release.embargoUntil!, 'America/New_York')}: not public, not in any feed, not sent to partners until then.`
  else if (release._status !== 'published') text = 'DRAFT: not published. Only staff can see this.'
  else text = `SCHEDULED for ${formatDateTime(release.publishedAt!, 'America/New_York')}: not public until then.`
  return (
    <p className={`state-notice${embargoed ? ' state-notice--embargo' : ''}`} role="status">
      {text}
    </p>
  )
}
