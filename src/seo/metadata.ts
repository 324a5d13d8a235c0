import type { Metadata } from 'next'

import { FEED_FORMATS, type FeedScope, SITE_SCOPE } from '@/feeds/formats'
import type { Media } from '@/payload-types'
import { siteName } from '@/server/env'
import { absoluteUrl, paths } from '@/urls'

type FeedLink = { url: string; title: string }

/** `<link rel="alternate">` for the site feeds, plus a partner's or topic's own. */
export const feedAlternates = (scope?: {
  scope: FeedScope
  label: string
}): NonNullable<Metadata['alternates']>['types'] => {
  const types: Record<string, FeedLink[]> = {}
  for (const [format, info] of Object.entries(FEED_FORMATS) as [
    keyof typeof FEED_FORMATS,
    (typeof FEED_FORMATS)['rss'],
  ][]) {
    const links: FeedLink[] = []
    if (scope) links.push({ url: paths.feed(scope.scope, format), title: `${scope.label} (${info.label})` })
    links.push({ url: paths.feed(SITE_SCOPE, format), title: `${siteName()} (${info.label})` })
    types[info.mediaType] = links
  }
  return types
}

/** Title, description, canonical URL, Open Graph and Twitter card for a page. */
export const pageMetadata = ({
  title,
  description,
  path,
  image,
  type = 'website',
  feeds,
  noIndex,
}: {
  title: string
  description: string
  path: string
  image?: Media | null
  type?: 'website' | 'article' | 'profile'
  feeds?: { scope: FeedScope; label: string }
  noIndex?: boolean
}): Metadata => {
  const og = image?.sizes?.og?.url ? image.sizes.og : image?.url ? image : null
  const images = og?.url
    ? [
        {
          url: absoluteUrl(og.url),
          width: og.width ?? undefined,
          height: og.height ?? undefined,
          alt: image?.alt ?? '',
        },
      ]
    : undefined
  return {
    title,
    description,
    alternates: { canonical: absoluteUrl(path), types: feedAlternates(feeds) },
    openGraph: {
      title,
      description,
      url: absoluteUrl(path),
      siteName: siteName(),
      type,
      locale: 'en_US',
      ...(images ? { images } : {}),
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title,
      description,
      ...(images ? { images: images.map((i) => i.url) } : {}),
    },
    ...(noIndex ? { robots: { index: false, follow: true } } : {}),
  }
}
