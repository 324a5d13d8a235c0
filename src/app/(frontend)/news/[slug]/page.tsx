import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { JsonLd } from '@/components/JsonLd'
import { asMedia, MediaImage } from '@/components/MediaImage'
import { MilestoneList } from '@/components/MilestoneList'
import { QuoteFigure } from '@/components/QuoteFigure'
import { RichText } from '@/components/RichText'
import { releaseBySlug } from '@/data/newsroom'
import { releaseDraftBySlug } from '@/data/preview'
import { formatBytes, formatDate, wasUpdated } from '@/lib/format'
import { populatedList } from '@/lib/populated'
import { SLUG_PATTERN } from '@/lib/slugify'
import type { Milestone, Partner, PressRelease, Quote } from '@/payload-types'
import { ReleaseStateNotice } from '@/preview/ReleaseStateNotice'
import { previewUser } from '@/preview/session'
import { breadcrumbsLd, newsArticleLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

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
    other: { 'article:published_time': release.publishedAt ?? '', 'article:modified_time': release.updatedAt },
  }
}

export default async function ReleasePage({ params }: { params: Params }) {
  const release = await load(params)
  if (!release) notFound()
  const hero = asMedia(release.heroImage)
  const partners = populatedList<Partner>(release.partners)
  const quotes = populatedList<Quote>(release.quotes)
  const related = populatedList<PressRelease>(release.relatedReleases)
  const milestones = populatedList<Milestone>(release.milestones?.docs)
  const assets = (release.assets ?? []).map((a) => ({ ...a, media: asMedia(a.file) })).filter((a) => a.media?.url)
  const contacts = [
    ...(release.mediaContacts ?? []),
    ...partners.flatMap((p) => (p.mediaContacts ?? []).map((c) => ({ ...c, organization: c.organization || p.name }))),
  ]
  const updated = wasUpdated(release.publishedAt, release.updatedAt)

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
      <header className="release-header">
        <p className="meta">
          {release.dateline && <span className="dateline">{release.dateline}</span>}
          {release.dateline && ' · '}
          {release.publishedAt && <time dateTime={release.publishedAt}>{formatDate(release.publishedAt)}</time>}
          {updated && (
            <>
              {' · Updated '}
              <time dateTime={release.updatedAt}>{formatDate(release.updatedAt)}</time>
            </>
          )}
        </p>
        <h1>{release.title}</h1>
        {release.subtitle && <p className="subtitle">{release.subtitle}</p>}
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
            <QuoteFigure key={q.id} quote={q} />
          ))}
        </section>
      )}

      {assets.length > 0 && (
        <section aria-labelledby="press-kit">
          <h2 id="press-kit">Press kit</h2>
          <ul className="list-plain">
            {assets.map((a) => (
              <li key={a.id}>
                <a href={a.media!.url!} download>
                  {a.title || a.media!.alt}
                </a>{' '}
                <span className="muted">
                  (
                  {a.media!.mimeType === 'application/pdf'
                    ? 'PDF'
                    : a.media!.mimeType?.replace('image/', '').toUpperCase()}
                  {a.media!.width && a.media!.height ? `, ${a.media!.width}×${a.media!.height}` : ''},{' '}
                  {formatBytes(a.media!.filesize)})
                </span>
                {a.description && <p className="muted">{a.description}</p>}
              </li>
            ))}
          </ul>
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
                    (<time dateTime={r.publishedAt}>{formatDate(r.publishedAt)}</time>)
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
