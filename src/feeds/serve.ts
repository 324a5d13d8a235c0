import { cachedPublicEntry, offerToReplay } from '@/cache/publicCache'

import { buildEventsCalendar } from './eventsCalendar'
import { FEED_FORMATS, scopeKey, type FeedFormat, type FeedScope } from './formats'
import { entityTag, feedRedirect, feedResponse, parsePage, type CachedFeed, type FeedResponseOptions } from './http'
import { buildMilestonesFeed } from './milestonesFeed'
import { buildReleaseFeed, type BuiltFeed } from './releaseFeed'

/**
 * A built feed, with its ETag computed once, cached until public content changes, and offered
 * to the server's replay (scripts/server/responseCache.mjs) for repeat requests of the same URL.
 */
const serveCachedFeed = async (
  request: Request,
  key: string,
  build: () => Promise<BuiltFeed>,
  options: FeedResponseOptions,
): Promise<Response> => {
  const {
    value: feed,
    generation,
    validUntil,
  } = await cachedPublicEntry<CachedFeed>(`feed|${key}`, async () => {
    const built = await build()
    return built.status === 200 ? { ...built, etag: entityTag(built.body) } : built
  })
  if (feed.status === 200) {
    offerToReplay(request, {
      generation,
      validUntil,
      body: feed.body,
      etag: feed.etag,
      lastModified: feed.lastModified.toUTCString(),
    })
  }
  return feedResponse(request, feed, options)
}

/** GET handler body for every release feed: site-wide, per partner and per topic. */
export const serveReleaseFeed = async (request: Request, scope: FeedScope, format: FeedFormat): Promise<Response> => {
  const contentType = FEED_FORMATS[format].mediaType
  const cors = format === 'json'
  const parsed = parsePage(request)
  if ('error' in parsed) return feedResponse(request, { status: 400, message: parsed.error }, { contentType, cors })
  if ('redirect' in parsed) return feedRedirect(parsed.redirect, cors)
  const key = `${scopeKey(scope)}|${format}|${parsed.page}`
  return serveCachedFeed(request, key, () => buildReleaseFeed(scope, format, parsed.page), { contentType, cors })
}

export const serveMilestonesFeed = async (request: Request): Promise<Response> => {
  const contentType = FEED_FORMATS.json.mediaType
  const parsed = parsePage(request)
  if ('error' in parsed)
    return feedResponse(request, { status: 400, message: parsed.error }, { contentType, cors: true })
  if ('redirect' in parsed) return feedRedirect(parsed.redirect, true)
  return serveCachedFeed(request, `milestones|json|${parsed.page}`, () => buildMilestonesFeed(parsed.page), {
    contentType,
    cors: true,
  })
}

export const serveEventsCalendar = async (request: Request): Promise<Response> => {
  return serveCachedFeed(request, 'events|ics', buildEventsCalendar, { contentType: 'text/calendar', cors: true })
}
