import { Text } from '@react-email/components'

import { Layout } from './Layout'

export type ReviewNoticeKind = 'submitted' | 'sent-back' | 'published'

export type ReviewNoticeProps = {
  siteName: string
  kind: ReviewNoticeKind
  name: string
  releaseTitle: string
  /** What the document is ("release", "quote", "milestone", "event"). */
  noun?: string
  by: string
  comment?: string | null
  link: string
  preferencesLink: string
}

const HEADINGS: Record<ReviewNoticeKind, (title: string) => string> = {
  submitted: (title) => `Awaiting your review: ${title}`,
  'sent-back': (title) => `Sent back to you: ${title}`,
  published: (title) => `Now public: ${title}`,
}

/** A review event on a release (or quote, milestone, event): submitted (to editors), sent back with the comment, or public (to the author). */
export const ReviewNotice = ({
  siteName,
  kind,
  name,
  releaseTitle,
  noun = 'release',
  by,
  comment,
  link,
  preferencesLink,
}: ReviewNoticeProps) => (
  <Layout
    siteName={siteName}
    preview={HEADINGS[kind](releaseTitle)}
    heading={HEADINGS[kind](releaseTitle)}
    action={{ label: kind === 'published' ? `Open the ${noun}` : 'Open it in the admin', href: link }}
    footer={
      <>
        You get review notices because of your role in the newsroom. Turn them off on your account page:{' '}
        {preferencesLink}
      </>
    }
  >
    <Text>Hello {name},</Text>
    {kind === 'submitted' ? (
      <Text>
        {by} submitted &ldquo;{releaseTitle}&rdquo; for review. Publish or schedule it, or send it back with a comment.
      </Text>
    ) : null}
    {kind === 'sent-back' ? (
      <>
        <Text>
          {by} sent &ldquo;{releaseTitle}&rdquo; back to you with this comment:
        </Text>
        <Text style={{ borderLeft: '3px solid #c7ccd4', paddingLeft: '12px', whiteSpace: 'pre-wrap' }}>{comment}</Text>
      </>
    ) : null}
    {kind === 'published' ? <Text>&ldquo;{releaseTitle}&rdquo; is now public on the newsroom.</Text> : null}
  </Layout>
)
