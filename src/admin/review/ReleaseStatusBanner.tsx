'use client'
import { Banner, useDocumentInfo, useFormFields } from '@payloadcms/ui'

// dateStyle cannot be combined with timeZoneName, so the parts are spelled out.
const when = (iso: string) =>
  new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso))

const future = (iso: unknown): iso is string => typeof iso === 'string' && Date.parse(iso) > Date.now()

/**
 * At the top of a release: EMBARGOED or SCHEDULED while a published release is not yet public,
 * and where it stands in review (with the editor's comment when it was sent back).
 */
export function ReleaseStatusBanner() {
  const { hasPublishedDoc } = useDocumentInfo()
  const [embargoUntil, publishedAt, reviewStatus, reviewComment] = useFormFields(([f]) => [
    f.embargoUntil?.value,
    f.publishedAt?.value,
    f.reviewStatus?.value,
    f.reviewComment?.value,
  ])
  const banners: React.ReactNode[] = []
  if (future(embargoUntil)) {
    banners.push(
      <Banner key="embargo" type="error">
        <strong>EMBARGOED until {when(embargoUntil)}.</strong>{' '}
        {hasPublishedDoc
          ? 'Published for staff only: hidden from the newsroom, feeds, search and partner sites until then; it goes public by itself at that moment.'
          : 'Once published it stays hidden from the public, feeds and partner sites until then.'}
      </Banner>,
    )
  } else if (hasPublishedDoc && future(publishedAt)) {
    banners.push(
      <Banner key="scheduled" type="info">
        <strong>SCHEDULED for {when(publishedAt)}.</strong> Not public until then; it appears by itself at that moment.
      </Banner>,
    )
  }
  if (reviewStatus === 'awaiting_review') {
    banners.push(
      <Banner key="review" type="info">
        <strong>Awaiting review.</strong> An editor will publish it, schedule it or send it back.
      </Banner>,
    )
  } else if (reviewStatus === 'changes_requested') {
    banners.push(
      <Banner key="changes" type="error">
        <strong>Sent back by an editor:</strong> {String(reviewComment ?? '')}
      </Banner>,
    )
  }
  return banners.length ? <div className="release-status-banners">{banners}</div> : null
}
