import type { Metadata } from 'next'
import Link from 'next/link'

import { JsonLd } from '@/components/JsonLd'
import { asMedia, MediaImage } from '@/components/MediaImage'
import { allPartners } from '@/data/newsroom'
import { labelOf, PARTNER_KINDS } from '@/options'
import { breadcrumbsLd } from '@/seo/jsonLd'
import { pageMetadata } from '@/seo/metadata'
import { paths } from '@/urls'

export const generateMetadata = (): Metadata =>
  pageMetadata({
    title: 'Partners',
    description: 'The organisations in the alliance: profiles, boilerplates and media contacts.',
    path: paths.partners(),
  })

const kindLabel = (kind: string) => labelOf(PARTNER_KINDS, kind)

export default async function PartnersPage() {
  const partners = await allPartners()
  return (
    <>
      <JsonLd
        data={breadcrumbsLd([
          { name: 'Home', path: paths.home() },
          { name: 'Partners', path: paths.partners() },
        ])}
      />
      <h1>Partners</h1>
      <ul className="cards">
        {partners.map((p) => {
          const logo = asMedia(p.logo)
          return (
            <li key={p.id} className="card">
              <div className="card__body">
                {logo && (
                  <div style={{ width: '4rem' }}>
                    <MediaImage media={logo} size="thumbnail" sizes="4rem" />
                  </div>
                )}
                <p className="meta">
                  {kindLabel(p.kind)}
                  {p.location && ` · ${p.location}`}
                </p>
                <h2 style={{ fontSize: '1.15rem', margin: '0.25rem 0 0.5rem' }}>
                  <Link href={paths.partner(p.slug)}>{p.name}</Link>
                </h2>
                {p.summary && <p>{p.summary}</p>}
              </div>
            </li>
          )
        })}
      </ul>
    </>
  )
}
