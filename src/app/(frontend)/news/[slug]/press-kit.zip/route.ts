import { currentSlugOf } from '@/data/slugRedirects'
import { feedRedirect, isNotModified } from '@/feeds/http'
import { SLUG_PATTERN } from '@/lib/slugify'
import { pressKitArchive } from '@/pressKit/archive'
import { absoluteUrl, paths } from '@/urls'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

const notFoundAnswer = (message: string) =>
  new Response(`${message}\n`, {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })

/** "Download all": a public release's press kit (hero image and every asset) as one zip archive. */
export const GET = async (request: Request, { params }: Context) => {
  const { slug } = await params
  if (!SLUG_PATTERN.test(slug)) return notFoundAnswer('No release with that address.')
  const kit = await pressKitArchive(slug)
  if (!kit) {
    const current = await currentSlugOf('press-releases', slug)
    if (current) return feedRedirect(absoluteUrl(paths.pressKit(current)))
    return notFoundAnswer('No public release with that address has a press kit.')
  }
  const headers = new Headers({
    ETag: kit.etag,
    'Last-Modified': kit.lastModified.toUTCString(),
    'Cache-Control': 'public, max-age=0, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
  })
  if (isNotModified(request, kit.etag, kit.lastModified)) return new Response(null, { status: 304, headers })
  headers.set('Content-Type', 'application/zip')
  headers.set('Content-Disposition', `attachment; filename="${kit.filename}"`)
  headers.set('Content-Length', String(kit.body.length))
  return new Response(request.method === 'HEAD' ? null : new Blob([kit.body as BlobPart]), { status: 200, headers })
}
