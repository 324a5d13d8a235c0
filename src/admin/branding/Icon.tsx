import { siteName } from '@/server/env'

import { NewsroomMark } from './NewsroomMark'

/** The admin's header (top-left, the way back to the dashboard): the newsroom's mark, filling Payload's small square. */
export const Icon = () => (
  <span className="newsroom-icon" title={siteName()}>
    <NewsroomMark size="100%" />
  </span>
)

/** At the top of the navigation menu: the newsroom's mark and name. */
export const NavBrand = () => (
  <div className="newsroom-nav-brand">
    <NewsroomMark size={28} />
    <span className="newsroom-nav-brand__name">{siteName()}</span>
  </div>
)
