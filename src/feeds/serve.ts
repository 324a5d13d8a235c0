import { cachedPublic } from '@/cache/publicCache'

import { buildEventsCalendar } from './eventsCalendar'
import { FEED_FORMATS, scopeKey, type FeedFormat, type FeedScope } from './formats'
import { entityTag, feedResponse, parsePage, type CachedFeed } from './http'
import { buildMilestonesFeed } from './milestonesFeed'
import { buildReleaseFeed, type BuiltFeed } from './releaseFeed'

/** A built feed, with its ETag computed once, cached until public content changes. */
const cachedFeed = (key: string, build: () => Promise<BuiltFeed>): Promise<CachedFeed> =>
  cachedPublic(`feed|${key}`, async () => {
    const built = await build()
    return built.status === 200 ? { ...built, etag: entityTag(built.body) } : built
  })

/** GET handler body for every release feed: site-wide, per partner and per topic. */
export const serveReleaseFeed = async (request: Request, scope: FeedScope, format: FeedFormat): Promise<Response> => {
  const contentType = FEED_FORMATS[format].mediaType
  const cors = format === 'json'
  const parsed = parsePage(request)
  if ('error' in parsed) return feedResponse(request, { status: 400, message: parsed.error }, { contentType, cors })
  const key = `${scopeKey(scope)}|${format}|${parsed.page}`
  const cached = await cachedFeed(key, () => buildReleaseFeed(scope, format, parsed.page))
  return feedResponse(request, cached, { contentType, cors })
}

export const serveMilestonesFeed = async (request: Request): Promise<Response> => {
  const contentType = FEED_FORMATS.json.mediaType
  const parsed = parsePage(request)
  if ('error' in parsed) return feedResponse(request, { status: 400, message: parsed.error }, { contentType, cors: true })
  const cached = await cachedFeed(`milestones|json|${parsed.page}`, () => buildMilestonesFeed(parsed.page))
  return feedResponse(request, cached, { contentType, cors: true })
}

export const serveEventsCalendar = async (request: Request): Promise<Response> => {
  const cached = await cachedFeed('events|ics', buildEventsCalendar)
  return feedResponse(request, cached, { contentType: 'text/calendar', cors: true })
}
