import { Link, Section, Text } from '@react-email/components'

import { Layout } from './Layout'

export type DigestItem = { title: string; date: string; summary?: string | null; link: string }

export type ReleaseDigestProps = {
  siteName: string
  /** The day the digest covers, written out for readers. */
  day: string
  items: DigestItem[]
  scopeLabel: string
  preferencesLink: string
}

/** A daily digest: every release that became public since the last one, newest last. */
export const ReleaseDigest = ({ siteName, day, items, scopeLabel, preferencesLink }: ReleaseDigestProps) => (
  <Layout
    siteName={siteName}
    preview={items.map((i) => i.title).join(' · ')}
    heading={`${items.length === 1 ? 'One new release' : `${items.length} new releases`}, ${day}`}
    footer={
      <>
        You get this daily digest because you subscribed to {scopeLabel} on {siteName}. Change or end the subscription:{' '}
        <Link href={preferencesLink}>{preferencesLink}</Link>
      </>
    }
  >
    {items.map((item) => (
      <Section key={item.link} style={{ margin: '16px 0' }}>
        <Text style={{ fontSize: '17px', fontWeight: 600, margin: '0' }}>
          <Link href={item.link}>{item.title}</Link>
        </Text>
        <Text style={{ fontSize: '13px', color: '#5b6470', margin: '4px 0' }}>{item.date}</Text>
        {item.summary ? <Text style={{ margin: '4px 0' }}>{item.summary}</Text> : null}
        <Text style={{ fontSize: '13px', margin: '4px 0' }}>{item.link}</Text>
      </Section>
    ))}
  </Layout>
)
