import { serveEventsCalendar } from '@/feeds/serve'

export const dynamic = 'force-dynamic'

export const GET = (request: Request) => serveEventsCalendar(request)
