import Link from 'next/link'

import { publicDateOf } from '@/access/visibility'
import { formatPreciseDate } from '@/lib/datePrecision'
import { NEWSROOM_TIME_ZONE } from '@/lib/format'
import { populated } from '@/lib/populated'
import { quoteAttribution } from '@/lib/quotes'
import type { PressRelease, Quote } from '@/payload-types'
import { absoluteUrl, paths } from '@/urls'

import { CopyQuoteButton } from './CopyQuoteButton'
import { PreciseDate } from './PreciseDate'

/** "…," said NAME, TITLE of ORG — the attribution journalists paste. */
export const attribution = (q: Quote) => quoteAttribution(q)

/** When the words were said: the quote's own date, else the day its release became public (each as precise as its source). */
const saidOn = (q: Quote, release: PressRelease | null): string | null => {
  if (q.date) return formatPreciseDate(q.date, q.datePrecision)
  const published = release ? publicDateOf(release) : null
  return published ? formatPreciseDate(published, release?.datePrecision, NEWSROOM_TIME_ZONE) : null
}

/** Where a reader can check the words: the quote on its release's page, else where they were first published. */
export const quotePermalink = (q: Quote, release: PressRelease | null): string | null =>
  release?.slug ? absoluteUrl(`${paths.release(release.slug)}#quote-${q.slug}`) : q.sourceUrl || null

/**
 * What "Copy with attribution" puts on the clipboard: the words, who said them (with the title
 * and organisation of the time), when, and the link to check them against, e.g.
 * “…” — Jane Doe, President, Example Health (January 28, 2026). https://…/news/…#quote-…
 */
export const quoteWithAttribution = (q: Quote, release: PressRelease | null = populated<PressRelease>(q.release)) => {
  const when = saidOn(q, release)
  const link = quotePermalink(q, release)
  const who = `${attribution(q)}${when ? ` (${when})` : ''}`
  const words = q.provenance === 'verbatim' ? `“${q.text}” — ${who}` : `${q.text} (paraphrase of ${who})`
  return link ? `${words}. ${link}` : `${words}.`
}

export const QuoteFigure = ({
  quote,
  showSource,
  release: releaseOfPage,
}: {
  quote: Quote
  showSource?: boolean
  /** The release the quote is shown on, when its own `release` is not populated. */
  release?: PressRelease
}) => {
  const release = populated<PressRelease>(quote.release) ?? releaseOfPage ?? null
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
              (<PreciseDate value={quote.date} precision={quote.datePrecision} source={quote.dateSource} />)
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
        <CopyQuoteButton text={quoteWithAttribution(quote, release)} />
      </div>
    </div>
  )
}
