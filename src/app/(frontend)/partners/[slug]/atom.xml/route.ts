import { serveReleaseFeed } from '@/feeds/serve'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export const GET = async (request: Request, { params }: Context) =>
  serveReleaseFeed(request, { kind: 'partner', slug: (await params).slug }, 'atom')
