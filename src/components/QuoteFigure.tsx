import Link from 'next/link'

import { formatDate } from '@/lib/format'
import { populated } from '@/lib/populated'
import type { PressRelease, Quote } from '@/payload-types'
import { paths } from '@/urls'

import { CopyQuoteButton } from './CopyQuoteButton'

/** "…," said NAME, TITLE of ORG — the attribution journalists paste. */
export const attribution = (q: Quote) =>
  [q.speakerName, q.speakerTitle, q.speakerOrganization].filter(Boolean).join(', ')

export const quoteWithAttribution = (q: Quote) =>
  q.provenance === 'verbatim' ? `“${q.text}” — ${attribution(q)}` : `${q.text} (paraphrase of ${attribution(q)})`

export const QuoteFigure = ({ quote, showSource }: { quote: Quote; showSource?: boolean }) => {
  const release = populated<PressRelease>(quote.release)
  return (
    <div className="quote" id={`quote-${quote.slug}`}>
      <figure>
        <blockquote>
          <p>{quote.provenance === 'verbatim' ? `“${quote.text}”` : quote.text}</p>
        </blockquote>
        <figcaption>
          — <strong>{quote.speakerName}</strong>
          {quote.speakerTitle && `, ${quote.speakerTitle}`}
          {quote.speakerOrganization && `, ${quote.speakerOrganization}`}
          {quote.date && (
            <span className="muted">
              {' '}
              (<time dateTime={quote.date}>{formatDate(quote.date)}</time>)
            </span>
          )}
          {showSource && release && (
            <span className="muted">
              {' '}
              in <Link href={paths.release(release.slug)}>{release.title}</Link>
            </span>
          )}
        </figcaption>
      </figure>
      <div className="quote__actions">
        {quote.provenance === 'paraphrase' && (
          <span className="paraphrase-note">Paraphrase: not to be printed as a direct quote.</span>
        )}
        <CopyQuoteButton text={quoteWithAttribution(quote)} />
      </div>
    </div>
  )
}
