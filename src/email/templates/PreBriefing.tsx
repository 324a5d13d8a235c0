import { Text } from '@react-email/components'

import { Layout } from './Layout'

export type PreBriefingProps = {
  siteName: string
  title: string
  subtitle?: string | null
  /** "EMBARGOED until Thursday, January 29, 2027 at 6:00 AM EST — not for publication" */
  embargoNotice: string
  dateline?: string | null
  summary?: string | null
  link: string
  /** Whom the link is for: "Jane Doe (The Courant)". */
  recipient: string
  sentBy?: string | null
}

/** An embargoed release shared with one trusted journalist: the embargo first, then the way to the text. */
export const PreBriefing = ({
  siteName,
  title,
  subtitle,
  embargoNotice,
  dateline,
  summary,
  link,
  recipient,
  sentBy,
}: PreBriefingProps) => (
  <Layout
    siteName={siteName}
    preview={embargoNotice}
    heading={title}
    action={{ label: 'Read the embargoed release', href: link }}
    footer={
      <>
        This link is personal to {recipient}: please do not forward it. Every opening is recorded. It works until the
        embargo lifts, then leads to the public release; the newsroom can revoke it at any time.
      </>
    }
  >
    <Text style={{ fontWeight: 700, color: '#9b1c1c' }}>{embargoNotice}</Text>
    {subtitle ? <Text style={{ fontSize: '16px', fontWeight: 600 }}>{subtitle}</Text> : null}
    {dateline ? <Text style={{ fontSize: '13px', color: '#5b6470' }}>{dateline}</Text> : null}
    {summary ? <Text>{summary}</Text> : null}
    <Text>{sentBy ? `${sentBy} at ${siteName}` : siteName} is sharing this release with you ahead of its embargo.</Text>
  </Layout>
)
