import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { isStaff } from '@/access/roles'
import { safePreviewPath } from '@/preview/urls'
import config from '@payload-config'

/** Turns on draft mode for a logged-in staff user and opens the page to preview. */
export async function GET(request: Request): Promise<Response> {
  const path = safePreviewPath(new URL(request.url).searchParams.get('path'))
  if (!path)
    return Response.json(
      { error: 'The "path" parameter must be a path on this site, such as /news/my-release.' },
      { status: 400 },
    )
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!isStaff(user)) {
    return Response.json({ error: 'Previews are for newsroom staff: log in at /admin first.' }, { status: 401 })
  }
  ;(await draftMode()).enable()
  redirect(path)
}
