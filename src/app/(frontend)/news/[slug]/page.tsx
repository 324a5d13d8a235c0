import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'

import { editedAfterPublic, publicDateOf, publicModifiedOf } from '@/access/visibility'
import { CorrectionNotes } from '@/components/CorrectionNotes'
import { JsonLd } from '@/components/JsonLd'
import { asMedia, MediaImage } from '@/components/MediaImage'
import { MilestoneList } from '@/components/MilestoneList'
import { ReleaseDate } from '@/components/PreciseDate'
import { QuoteFigure } from '@/components/QuoteFigure'
import { RichText } from '@/components/RichText'
import { releaseBySlug } from '@/data/newsroom'
import { releaseDraftBySlug } from '@/data/preview'
import { currentSlugOf } from '@/data/slugRedirects'
import { releaseContacts } from '@/lib/contacts'
import { formatBytes, formatDate } from '@/lib/format'
import { populatedList } from '@/lib/populated'
import { SLUG_PATTERN } from '@/lib/slugify'
import type { Milestone, Partner, PressRelease, Quote, Topic } from '@/payload-types'
import { fileTypeLabel, pressKitItems } from '@/pressKit/items'
import { ReleaseStateNotice } from '@/preview/ReleaseStateNotice'
import { previewUser } from '@/preview/session'
import { breadcrumbsLd, newsArticleLd, releaseDatePublished } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { absoluteUrl, paths } from '@/urls'

type Params = Promise<{ slug: string }>

const load = async (params: Params) => {
  const { slug } = await params
  if (!SLUG_PATTERN.test(slug)) return null
  const previewer = await previewUser()
  return previewer ? releaseDraftBySlug(slug, previewer) : releaseBySlug(slug)
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const release = await load(params)
  if (!release) return { title: 'Release not found', robots: { index: false } }
  const meta = release.meta ?? {}
  return {
    ...pageMetadata({
      title: meta.title || release.title,
      description: meta.description || release.summary,
      path: paths.release(release.slug),
      image: asMedia(meta.image) ?? asMedia(release.heroImage),
      type: 'article',
      noIndex: Boolean(meta.noIndex),
    }),
    other: {
      'article:published_time': publicDateOf(release) ? releaseDatePublished(release) : '',
      'article:modified_time': publicModifiedOf(release) ?? '',
    },
  }
}

export default async function ReleasePage({ params }: { params: Params }) {
  const release = await load(params)
  if (!release) {
    // An earlier slug of a public release: its permanent address now.
    const { slug } = await params
    const current = SLUG_PATTERN.test(slug) ? await currentSlugOf('press-releases', slug) : null
    if (current) permanentRedirect(paths.release(current))
    notFound()
  }
  const hero = asMedia(release.heroImage)
  const partners = populatedList<Partner>(release.partners)
  const topics = populatedList<Topic>(release.topics)
  const quotes = populatedList<Quote>(release.quotes)
  const related = populatedList<PressRelease>(release.relatedReleases)
  const milestones = populatedList<Milestone>(release.milestones?.docs)
  const pressKit = pressKitItems(release)
  const contacts = releaseContacts(release, partners)
  const permalink = absoluteUrl(paths.release(release.slug))
  const updated = editedAfterPublic(release)

  return (
    <article>
      <JsonLd
        data={[
          newsArticleLd(release),
          breadcrumbsLd([
            { name: 'Home', path: paths.home() },
            { name: 'News', path: paths.news() },
            { name: release.title, path: paths.release(release.slug) },
          ]),
        ]}
      />
      <ReleaseStateNotice release={release} />
      <CorrectionNotes release={release} />
      <header className="release-header">
        <p className="meta">
          {release.dateline && <span className="dateline">{release.dateline}</span>}
          {release.dateline && ' · '}
          <ReleaseDate release={release} />
          {updated && (
            <>
              {' · Updated '}
              <time dateTime={release.updatedAt}>{formatDate(release.updatedAt)}</time>
            </>
          )}
        </p>
        {release.dateSource && <p className="meta date-source">Date: {release.dateSource}</p>}
        <h1>{release.title}</h1>
        {release.subtitle && <p className="subtitle">{release.subtitle}</p>}
        {(partners.length > 0 || topics.length > 0) && (
          <dl className="release-tags">
            {partners.length > 0 && (
              <div>
                <dt>{partners.length === 1 ? 'Partner' : 'Partners'}</dt>
                {partners.map((p) => (
                  <dd key={p.id}>
                    <Link href={paths.partner(p.slug)}>{p.name}</Link>
                  </dd>
                ))}
              </div>
            )}
            {topics.length > 0 && (
              <div>
                <dt>{topics.length === 1 ? 'Topic' : 'Topics'}</dt>
                {topics.map((t) => (
                  <dd key={t.id}>
                    <Link href={paths.topic(t.slug)}>{t.name}</Link>
                  </dd>
                ))}
              </div>
            )}
          </dl>
        )}
        <p className="print-only permalink">
          Permanent link: <a href={permalink}>{permalink}</a>
        </p>
      </header>

      {hero && (
        <figure className="hero">
          <MediaImage media={hero} size="hero" sizes="(min-width: 72rem) 70rem, 100vw" priority />
          {(hero.caption || hero.credit) && (
            <figcaption>
              {hero.caption}
              {hero.caption && hero.credit && ' '}
              {hero.credit && <span>Credit: {hero.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}

      <RichText data={release.body} className="prose" />

      {release.footnotes?.length ? (
        <aside className="prose" aria-label="Footnotes">
          {release.footnotes.map((f) => (
            <p key={f.id} className="muted">
              {f.marker && <span>{f.marker} </span>}
              {f.text}
            </p>
          ))}
        </aside>
      ) : null}

      {quotes.length > 0 && (
        <section aria-labelledby="quotes">
          <h2 id="quotes">Quotes</h2>
          {quotes.map((q) => (
            <QuoteFigure key={q.id} quote={q} release={release} />
          ))}
        </section>
      )}

      {pressKit.length > 0 && (
        <section aria-labelledby="press-kit" className="press-kit">
          <h2 id="press-kit">Press kit</h2>
          <ul className="list-plain">
            {pressKit.map(({ media, title, description }) => (
              <li key={media.id}>
                <a href={media.url} download={media.filename}>
                  {title}
                </a>{' '}
                <span className="muted">
                  ({fileTypeLabel(media.mimeType)}
                  {media.width && media.height ? `, ${media.width}×${media.height}` : ''}
                  {media.filesize ? `, ${formatBytes(media.filesize)}` : ''})
                </span>
                {media.credit && <span className="muted"> · Credit: {media.credit}</span>}
                {description && <p className="muted">{description}</p>}
              </li>
            ))}
          </ul>
          <p className="no-print">
            <a className="button" href={paths.pressKit(release.slug)} download>
              Download all ({pressKit.length} {pressKit.length === 1 ? 'file' : 'files'}, ZIP)
            </a>
          </p>
        </section>
      )}

      <MilestoneList milestones={milestones} title="Milestones announced" />

      {partners.map((p) =>
        p.about ? (
          <section key={p.id} className="panel" aria-labelledby={`about-${p.slug}`}>
            <h2 id={`about-${p.slug}`}>About {p.name}</h2>
            <RichText data={p.about} />
            <p>
              <Link href={paths.partner(p.slug)}>{p.name} in the newsroom</Link>
            </p>
          </section>
        ) : null,
      )}

      {contacts.length > 0 && (
        <section aria-labelledby="contacts">
          <h2 id="contacts">Media contacts</h2>
          <ul className="list-plain">
            {contacts.map((c, i) => (
              <li key={`${c.name}-${i}`}>
                <strong>{c.name}</strong>
                {c.title && `, ${c.title}`}
                {c.organization && `, ${c.organization}`}
                {c.email && (
                  <>
                    <br />
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                )}
                {c.phone && (
                  <>
                    <br />
                    <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(release.source?.distributor || release.source?.originalUrl || release.source?.sourceLine) && (
        <section aria-labelledby="source">
          <h2 id="source">Source</h2>
          <p>
            {release.source.sourceLine && <span>{release.source.sourceLine}. </span>}
            {release.source.distributor && <span>Distributed by {release.source.distributor}. </span>}
            {release.source.originalUrl && <a href={release.source.originalUrl}>Original release</a>}
          </p>
        </section>
      )}

      {related.length > 0 && (
        <section aria-labelledby="related" className="no-print">
          <h2 id="related">Related releases</h2>
          <ul className="list-plain">
            {related.map((r) => (
              <li key={r.id}>
                <Link href={paths.release(r.slug)}>{r.title}</Link>
                {r.publishedAt && (
                  <span className="muted">
                    {' '}
                    (<ReleaseDate release={r} />)
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
