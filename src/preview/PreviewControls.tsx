'use client'
import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { usePathname, useRouter } from 'next/navigation'

import { paths } from '@/urls'

/**
 * Shown only in draft mode. Payload's live-preview listener tells the admin's preview frame that
 * the page is ready and re-renders the page on the server whenever the admin saves (autosave
 * included), so the preview follows the draft. The link leaves draft mode.
 */
export function PreviewControls({ serverURL }: { serverURL: string }) {
  const router = useRouter()
  const pathname = usePathname()
  return (
    <>
      <RefreshRouteOnSave refresh={router.refresh} serverURL={serverURL} />
      <a href={paths.previewExit(pathname)}>Exit preview</a>
    </>
  )
}
