import { publicDateOf } from '@/access/visibility'
import { populatedList } from '@/lib/populated'
import type { Partner, PressRelease, Topic } from '@/payload-types'
import { absoluteUrl, FEED_FILES, type FeedFormat, type FeedScope, paths, SITE_SCOPE } from '@/urls'

export type ReleaseEventName = 'release.published'

/** The JSON a partner site receives: enough to show or link the release without calling back. */
export const releaseEventBody = (event: ReleaseEventName, release: PressRelease) => ({
  event,
  occurredAt: new Date().toISOString(),
  release: {
    id: String(release.id),
    slug: release.slug,
    url: absoluteUrl(paths.release(release.slug)),
    title: release.title,
    subtitle: release.subtitle ?? null,
    summary: release.summary,
    dateline: release.dateline ?? null,
    // The moment the release became public (the later of its publish date and embargo).
    publishedAt: publicDateOf(release),
    partners: populatedList<Partner>(release.partners).map((p) => ({
      slug: p.slug,
      name: p.name,
      url: absoluteUrl(paths.partner(p.slug)),
    })),
    topics: populatedList<Topic>(release.topics).map((t) => ({ slug: t.slug, name: t.name })),
  },
})

/** Every feed a release appears in: site-wide, per partner and per topic, in each format. */
export const feedUrlsFor = (release: PressRelease): string[] => {
  const scopes: FeedScope[] = [
    SITE_SCOPE,
    ...populatedList<Partner>(release.partners).map((p) => ({ kind: 'partner' as const, slug: p.slug ?? '' })),
    ...populatedList<Topic>(release.topics).map((t) => ({ kind: 'topic' as const, slug: t.slug ?? '' })),
  ]
  const formats = Object.keys(FEED_FILES) as FeedFormat[]
  return scopes.flatMap((scope) => formats.map((format) => absoluteUrl(paths.feed(scope, format))))
}
