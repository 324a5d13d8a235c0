'use client'
import { RelationshipField, useDocumentInfo, useField } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import type { RelationshipFieldClientComponent } from 'payload'
import { useEffect } from 'react'

const RELEASE_EDIT = /\/collections\/press-releases\/([^/]+)(?:\/|$)/

/**
 * A quote's "From release", filled in when the quote is made in a release's drawer ("Quotes
 * used"): the drawer opens on the release's page, so the page names the release. The quote then
 * belongs to it from its first save, and even a quote published right there in the drawer stays
 * hidden until the release is public. The server ties such quotes on the release's next save as
 * well (src/workflow/claimDerived.ts); this closes the moments in between. Staff may clear it.
 */
export const ReleaseFromContext: RelationshipFieldClientComponent = (props) => {
  const { id } = useDocumentInfo()
  const pathname = usePathname()
  const { value, setValue } = useField<number | string | null>({ path: props.path ?? props.field.name })
  const parent = RELEASE_EDIT.exec(pathname ?? '')?.[1]
  const release = parent && parent !== 'create' ? (/^\d+$/.test(parent) ? Number(parent) : parent) : null
  useEffect(() => {
    if (!id && release !== null && (value === undefined || value === null || value === '')) setValue(release)
    // Only when the new quote's form opens: a value staff clear afterwards stays cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, release])
  return <RelationshipField {...props} />
}
