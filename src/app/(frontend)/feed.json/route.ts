import { SITE_SCOPE } from '@/feeds/formats'
import { serveReleaseFeed } from '@/feeds/serve'

export const dynamic = 'force-dynamic'

export const GET = (request: Request) => serveReleaseFeed(request, SITE_SCOPE, 'json')
