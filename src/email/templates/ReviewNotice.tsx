import { Text } from '@react-email/components'

import { Layout } from './Layout'

export type ReviewNoticeKind = 'submitted' | 'sent-back' | 'published' | 'sign-off'

export type ReviewNoticeProps = {
  siteName: string
  kind: ReviewNoticeKind
  name: string
  releaseTitle: string
  /** What the document is ("release", "quote", "milestone", "event"). */
  noun?: string
  by: string
  comment?: string | null
  /** For a sign-off request: the partners the recipient signs off for. */
  forPartners?: string
  link: string
  preferencesLink: string
}

const HEADINGS: Record<ReviewNoticeKind, (title: string) => string> = {
  submitted: (title) => `Awaiting your review: ${title}`,
  'sent-back': (title) => `Sent back to you: ${title}`,
  published: (title) => `Now public: ${title}`,
  'sign-off': (title) => `Waiting for your sign-off: ${title}`,
}

/** A review event on a release (or quote, milestone, event): submitted (to editors), sent back with the comment, public (to the author), or a joint release waiting for a partner approver's sign-off. */
export const ReviewNotice = ({
  siteName,
  kind,
  name,
  releaseTitle,
  noun = 'release',
  by,
  comment,
  forPartners,
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
    {kind === 'sign-off' ? (
      <>
        <Text>
          {by} submitted &ldquo;{releaseTitle}&rdquo; for review. It is announced jointly, so it can only be published
          once every partner it lists has signed off its text. You sign off for {forPartners}.
        </Text>
        <Text>
          Open it in the admin, read the text shown under &ldquo;Sign-off by partners&rdquo;, then approve that version
          or refuse it with a comment. Any later edit of the text asks for your sign-off again.
        </Text>
      </>
    ) : null}
  </Layout>
)
