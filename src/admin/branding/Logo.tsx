import { siteName } from '@/server/env'

import { NewsroomMark } from './NewsroomMark'

/** The admin's login and first-user screens: the newsroom's mark and name instead of Payload's. */
export const Logo = () => (
  <span className="newsroom-logo">
    <NewsroomMark size={48} />
    <span className="newsroom-logo__name">{siteName()}</span>
  </span>
)
