import { siteName } from '@/server/env'

import { NewsroomMark } from './NewsroomMark'

/** The admin's navigation (top-left, linking to the dashboard): the newsroom's mark and name. */
export const Icon = () => (
  <span className="newsroom-icon">
    <NewsroomMark size={24} />
    <span className="newsroom-icon__name">{siteName()}</span>
  </span>
)
