import { Img, Link, Section, Text } from '@react-email/components'

import { Layout } from './Layout'

/** The release's hero image as the page shows it: an absolute address, its alt text, caption and credit. */
export type AlertHero = {
  src: string
  alt: string
  width: number
  height: number
  caption?: string | null
  credit?: string | null
}

/** A quote of the release, with the attribution the page gives it. */
export type AlertQuote = { text: string; attribution: string; paraphrase: boolean }

/** A media contact of the release or of one of its partners, as listed on the page. */
export type AlertContact = {
  name: string
  title?: string | null
  organization?: string | null
  email?: string | null
  phone?: string | null
}

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
  hero?: AlertHero | null
  quotes?: AlertQuote[]
  contacts?: AlertContact[]
}

const muted = { fontSize: '13px', color: '#5b6470', lineHeight: '20px' }
const sectionHeading = { fontSize: '16px', fontWeight: 600, margin: '24px 0 8px' }
/** The card's inner width (Layout: 560 px less 2 × 32 px padding). */
const IMAGE_WIDTH = 496

/**
 * A journalist's alert: one release that has just become public, from the same content as its
 * page (hero image, summary, quotes with attribution, media contacts), with the way to its page
 * and out of the list. Every link is absolute; the plain-text part is rendered from this tree.
 */
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
  hero,
  quotes = [],
  contacts = [],
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
    <Text style={muted}>
      {dateline ? `${dateline} · ` : ''}
      {date}
    </Text>
    {hero ? (
      <Section>
        <Img
          src={hero.src}
          alt={hero.alt}
          width={IMAGE_WIDTH}
          height={Math.round((IMAGE_WIDTH * hero.height) / hero.width)}
          style={{ width: '100%', height: 'auto', maxWidth: `${IMAGE_WIDTH}px` }}
        />
        {hero.caption || hero.credit ? (
          <Text style={muted}>
            {hero.caption}
            {hero.caption && hero.credit ? ' ' : ''}
            {hero.credit ? `Credit: ${hero.credit}` : ''}
          </Text>
        ) : null}
      </Section>
    ) : null}
    {summary ? <Text>{summary}</Text> : null}
    {quotes.length ? (
      <Section>
        <Text style={sectionHeading}>Quotes</Text>
        {quotes.map((q, i) => (
          <Section key={i} style={{ borderLeft: '3px solid #d0d5dc', paddingLeft: '12px', margin: '0 0 12px' }}>
            <Text style={{ margin: '0 0 4px', fontStyle: q.paraphrase ? 'normal' : 'italic' }}>
              {q.paraphrase ? q.text : `“${q.text}”`}
            </Text>
            <Text style={{ ...muted, margin: 0 }}>
              — {q.attribution}
              {q.paraphrase ? ' (paraphrase: not to be printed as a direct quote)' : ''}
            </Text>
          </Section>
        ))}
      </Section>
    ) : null}
    {contacts.length ? (
      <Section>
        <Text style={sectionHeading}>Media contacts</Text>
        {contacts.map((c, i) => (
          <Text key={i} style={{ margin: '0 0 12px' }}>
            <strong>{c.name}</strong>
            {[c.title, c.organization].map((part) => (part ? `, ${part}` : '')).join('')}
            {c.email ? (
              <>
                <br />
                <Link href={`mailto:${c.email}`}>{c.email}</Link>
              </>
            ) : null}
            {c.phone ? (
              <>
                <br />
                {c.phone}
              </>
            ) : null}
          </Text>
        ))}
      </Section>
    ) : null}
  </Layout>
)
