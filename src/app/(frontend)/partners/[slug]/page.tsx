import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'

import { FeedLinks } from '@/components/FeedLinks'
import { JsonLd } from '@/components/JsonLd'
import { asMedia, MediaImage } from '@/components/MediaImage'
import { MilestoneList } from '@/components/MilestoneList'
import { QuoteFigure } from '@/components/QuoteFigure'
import { ReleaseList } from '@/components/ReleaseCard'
import { RichText } from '@/components/RichText'
import { SubscribeForm } from '@/components/SubscribeForm'
import { partnerBySlug } from '@/data/newsroom'
import { currentSlugOf } from '@/data/slugRedirects'
import { SLUG_PATTERN } from '@/lib/slugify'
import { labelOf, PARTNER_KINDS } from '@/options'
import { breadcrumbsLd, organizationLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

type Params = Promise<{ slug: string }>

const load = async (params: Params) => {
  const { slug } = await params
  return SLUG_PATTERN.test(slug) ? partnerBySlug(slug) : null
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const data = await load(params)
  if (!data) return { title: 'Partner not found', robots: { index: false } }
  const p = data.partner
  return pageMetadata({
    title: p.meta?.title || p.name,
    description:
      p.meta?.description || p.summary || `${p.name} in the newsroom: profile, releases, quotes and milestones.`,
    path: paths.partner(p.slug),
    image: asMedia(p.meta?.image) ?? asMedia(p.logo),
    type: 'profile',
    feeds: { scope: { kind: 'partner', slug: p.slug! }, label: p.name },
  })
}

export default async function PartnerPage({ params }: { params: Params }) {
  const data = await load(params)
  if (!data) {
    const { slug } = await params
    const current = SLUG_PATTERN.test(slug) ? await currentSlugOf('partners', slug) : null
    if (current) permanentRedirect(paths.partner(current))
    notFound()
  }
  const { partner: p, releases, quotes, milestones } = data
  const logo = asMedia(p.logo)
  return (
    <>
      <JsonLd
        data={[
          organizationLd(p),
          breadcrumbsLd([
            { name: 'Home', path: paths.home() },
            { name: 'Partners', path: paths.partners() },
            { name: p.name, path: paths.partner(p.slug) },
          ]),
        ]}
      />
      <p className="meta">
        {labelOf(PARTNER_KINDS, p.kind)}
        {p.location && ` · ${p.location}`}
      </p>
      <h1>{p.name}</h1>
      {p.summary && <p className="lede">{p.summary}</p>}
      <div className="two-col">
        <div>
          {p.about && (
            <section aria-labelledby="about">
              <h2 id="about">About {p.name}</h2>
              <RichText data={p.about} className="prose" />
            </section>
          )}
        </div>
        <aside>
          {logo && (
            <div style={{ maxWidth: '8rem' }}>
              <MediaImage media={logo} size="thumbnail" sizes="8rem" />
            </div>
          )}
          {p.keyFacts?.length ? (
            <section aria-labelledby="facts">
              <h2 id="facts">Key facts</h2>
              <dl className="facts">
                {p.keyFacts.map((f) => (
                  <div key={f.id} style={{ display: 'contents' }}>
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          {p.website && (
            <p>
              <a href={p.website}>Website of {p.shortName || p.name}</a>
            </p>
          )}
          {p.mediaContacts?.length ? (
            <section aria-labelledby="contacts">
              <h2 id="contacts">Media contacts</h2>
              <ul className="list-plain">
                {p.mediaContacts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong>
                    {c.title && `, ${c.title}`}
                    {c.email && (
                      <>
                        <br />
                        <a href={`mailto:${c.email}`}>{c.email}</a>
                      </>
                    )}
                    {c.phone && (
                      <>
                        <br />
                        {c.phone}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="feeds">
            <h2 id="feeds">Feeds</h2>
            <FeedLinks scope={{ kind: 'partner', slug: p.slug! }} label={p.name} />
            <SubscribeForm scope={{ kind: 'partner', slug: p.slug! }} label={p.name} />
          </section>
        </aside>
      </div>

      <section aria-labelledby="releases">
        <h2 id="releases">Releases</h2>
        {releases.length ? <ReleaseList releases={releases} /> : <p>No releases involving {p.name} yet.</p>}
        {releases.length >= 20 && (
          <p>
            <Link href={paths.news({ partner: p.slug })}>All releases involving {p.name}</Link>
          </p>
        )}
      </section>

      {quotes.length > 0 && (
        <section aria-labelledby="quotes">
          <h2 id="quotes">Quotes</h2>
          {quotes.map((q) => (
            <QuoteFigure key={q.id} quote={q} />
          ))}
        </section>
      )}

      <MilestoneList milestones={milestones} title="Milestones" />
    </>
  )
}
