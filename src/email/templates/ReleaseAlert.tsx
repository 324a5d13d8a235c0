import { Link, Text } from '@react-email/components'

import { Layout } from './Layout'

export type ReleaseAlertProps = {
  siteName: string
  title: string
  subtitle?: string | null
  /** The release's public date, already written out for readers. */
  date: string
  dateline?: string | null
  summary?: string | null
  link: string
  scopeLabel: string
  preferencesLink: string
}

/** A journalist's alert: one release that has just become public, with the way to its page and out of the list. */
export const ReleaseAlert = ({
  siteName,
  title,
  subtitle,
  date,
  dateline,
  summary,
  link,
  scopeLabel,
  preferencesLink,
}: ReleaseAlertProps) => (
  <Layout
    siteName={siteName}
    preview={summary || title}
    heading={title}
    action={{ label: 'Read the release', href: link }}
    footer={
      <>
        You get this mail because you subscribed to {scopeLabel} on {siteName}. Change or end the subscription:{' '}
        <Link href={preferencesLink}>{preferencesLink}</Link>
      </>
    }
  >
    {subtitle ? <Text style={{ fontSize: '16px', fontWeight: 600 }}>{subtitle}</Text> : null}
    <Text style={{ fontSize: '13px', color: '#5b6470' }}>
      {dateline ? `${dateline} · ` : ''}
      {date}
    </Text>
    {summary ? <Text>{summary}</Text> : null}
  </Layout>
)
