import { absoluteUrl } from '@/lib/env'
import { populatedList } from '@/lib/populated'
import type { Partner, PressRelease, Topic } from '@/payload-types'

export type ReleaseEventName = 'release.published'

/** The JSON a partner site receives: enough to show or link the release without calling back. */
export const releaseEventBody = (event: ReleaseEventName, release: PressRelease) => ({
  event,
  occurredAt: new Date().toISOString(),
  release: {
    id: String(release.id),
    slug: release.slug,
    url: absoluteUrl(`/news/${release.slug}`),
    title: release.title,
    subtitle: release.subtitle ?? null,
    summary: release.summary,
    dateline: release.dateline ?? null,
    publishedAt: release.publishedAt ?? null,
    partners: populatedList<Partner>(release.partners).map((p) => ({
      slug: p.slug,
      name: p.name,
      url: absoluteUrl(`/partners/${p.slug}`),
    })),
    topics: populatedList<Topic>(release.topics).map((t) => ({ slug: t.slug, name: t.name })),
  },
})

/** Every feed a release appears in: site-wide, per partner and per topic, in each format. */
export const feedUrlsFor = (release: PressRelease): string[] => {
  const scopes = [
    '',
    ...populatedList<Partner>(release.partners).map((p) => `/partners/${p.slug}`),
    ...populatedList<Topic>(release.topics).map((t) => `/topics/${t.slug}`),
  ]
  return scopes.flatMap((scope) => ['feed.xml', 'atom.xml', 'feed.json'].map((f) => absoluteUrl(`${scope}/${f}`)))
}
