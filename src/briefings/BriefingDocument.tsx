/**
 * The pre-briefing page as one standalone HTML document (rendered by src/briefings/answer.ts): the
 * embargo notice above everything, whom the link is for, then the release's words. No site
 * navigation, no feeds, no JSON-LD, no Open Graph or Twitter tags, no canonical link and no
 * scripts: nothing a crawler, a link preview or a feed reader could pick up, and `noindex` in the
 * page as in the headers. Rich text comes from Payload's Lexical HTML converter (src/richText/).
 */
import type { ReactNode } from 'react'

import type { Quote } from '@/payload-types'
import { richTextToHtml } from '@/richText/html'

import type { BriefingContent } from './content'

/** "…," said NAME, TITLE, ORG: as the release page attributes quotes. */
const attribution = (q: Quote) => [q.speakerName, q.speakerTitle, q.speakerOrganization].filter(Boolean).join(', ')

const CSS = `
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;background:#fff;margin:0}
main{max-width:44rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.embargo{border:3px solid #a4262c;background:#fde7e9;color:#5c0f13;padding:.9rem 1rem;font-weight:700;font-size:1.1rem}
.holder,.meta{color:#5b6470;font-size:.9rem}
blockquote{border-left:4px solid #c9ced6;margin:1rem 0;padding:.25rem 1rem}
h1{line-height:1.2}
@media (prefers-color-scheme:dark){body{background:#16181d;color:#e8eaed}.holder,.meta{color:#a9b0ba}}
@media print{.embargo{border-width:4px}}
`

const Html = ({ title, children }: { title: string; children: ReactNode }) => (
  <html lang="en">
    {/* A standalone document rendered by a route handler, not a Next.js page: next/head does not apply. */}
    {/* eslint-disable-next-line @next/next/no-head-element */}
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow, noarchive" />
      <meta name="referrer" content="no-referrer" />
      <title>{title}</title>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
    </head>
    <body>
      <main>{children}</main>
    </body>
  </html>
)

/** A link that no longer (or never) opens anything: says which, and nothing about any release. */
export const BriefingUnavailable = ({ heading, text }: { heading: string; text: string }) => (
  <Html title={heading}>
    <h1>{heading}</h1>
    <p>{text}</p>
  </Html>
)

export const BriefingDocument = ({
  content: { release, partners, topics, quotes, contacts },
  notice,
  recipient,
  siteName,
}: {
  content: BriefingContent
  notice: string
  recipient: string
  siteName: string
}) => (
  <Html title={`EMBARGOED: ${release.title}`}>
    <p className="embargo" role="alert">
      {notice}
    </p>
    <p className="holder">
      Shared by {siteName} with {recipient} only. This link is personal; every opening is recorded.
    </p>
    <article>
      <p className="meta">
        {release.dateline}
        {partners.length ? `${release.dateline ? ' · ' : ''}${partners.map((p) => p.name).join(', ')}` : ''}
        {topics.length ? ` · ${topics.map((t) => t.name).join(', ')}` : ''}
      </p>
      <h1>{release.title}</h1>
      {release.subtitle && (
        <p>
          <strong>{release.subtitle}</strong>
        </p>
      )}
      {release.summary && <p>{release.summary}</p>}
      <div dangerouslySetInnerHTML={{ __html: richTextToHtml(release.body) }} />
      {release.footnotes?.map((f) => (
        <p key={f.id} className="meta">
          {f.marker && <span>{f.marker} </span>}
          {f.text}
        </p>
      ))}
      {quotes.length > 0 && (
        <section aria-labelledby="quotes">
          <h2 id="quotes">Quotes</h2>
          {quotes.map((q) => (
            <figure key={q.id}>
              <blockquote>{q.provenance === 'verbatim' ? `“${q.text}”` : q.text}</blockquote>
              <figcaption>— {attribution(q)}</figcaption>
            </figure>
          ))}
        </section>
      )}
      {partners
        .filter((p) => p.about)
        .map((p) => (
          <section key={p.id} aria-label={`About ${p.name}`}>
            <h2>About {p.name}</h2>
            <div dangerouslySetInnerHTML={{ __html: richTextToHtml(p.about) }} />
          </section>
        ))}
      {contacts.length > 0 && (
        <section aria-labelledby="contacts">
          <h2 id="contacts">Media contacts</h2>
          <ul>
            {contacts.map((c, i) => (
              <li key={`${c.name}-${i}`}>
                <strong>{c.name}</strong>
                {c.title && `, ${c.title}`}
                {c.organization && `, ${c.organization}`}
                {c.email && <> · {c.email}</>}
                {c.phone && <> · {c.phone}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="meta">Images and the press kit come with the public release. {notice}.</p>
    </article>
  </Html>
)
