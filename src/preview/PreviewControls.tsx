'use client'
import { usePathname, useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Shown only in draft mode. Tells the admin's live-preview frame that the page is ready and
 * re-renders the page on the server whenever the admin saves (autosave included), so the
 * preview follows the draft. The link leaves draft mode.
 */
export function PreviewControls() {
  const router = useRouter()
  const pathname = usePathname()
  useEffect(() => {
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin) return
      if (event.data && typeof event.data === 'object' && event.data.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    if (window.parent !== window) window.parent.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    else window.opener?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return <a href={`/preview/exit?path=${encodeURIComponent(pathname)}`}>Exit preview</a>
}
