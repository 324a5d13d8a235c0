import { siteUrl } from '@/server/env'

import { PreviewControls } from './PreviewControls'
import { previewUser } from './session'

/** A bar across every page while a staff member previews drafts. */
export async function PreviewBar() {
  const user = await previewUser()
  if (!user) return null
  return (
    <div className="preview-bar" role="status">
      <div className="wrap">
        <strong>Preview</strong>: you are seeing drafts and embargoed releases as {user.name}. The public sees only what
        is published. <PreviewControls serverURL={siteUrl()} />
      </div>
    </div>
  )
}
