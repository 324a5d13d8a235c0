import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { safePreviewPath } from '@/preview/urls'

/** Leaves draft mode and returns to the public version of the page. */
export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  redirect(safePreviewPath(new URL(request.url).searchParams.get('path')) ?? '/')
}
