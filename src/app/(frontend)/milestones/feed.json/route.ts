import { serveMilestonesFeed } from '@/feeds/serve'

export const dynamic = 'force-dynamic'

export const GET = (request: Request) => serveMilestonesFeed(request)
