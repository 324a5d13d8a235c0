// Relative: next.config.ts imports this module, and its loader knows no path aliases.
import { paths } from '../urls'
import EVERY_RESPONSE from './everyResponse.json'
/**
 * The security headers every response carries, in one place.
 *
 * - Every response (next.config.ts): no MIME sniffing, a referrer that never leaves the path on
 *   another origin, framing from our own origin only (the admin's live preview frames our pages;
 *   no other site may), and no camera, microphone, location or payment APIs.
 * - Public pages and the admin (src/proxy.ts, per request): a Content-Security-Policy whose
 *   scripts must come from our origin or carry this request's nonce. Next.js reads the nonce from
 *   the request's CSP header and puts it on its own inline scripts. HSTS when SITE_URL is https.
 * - API, feeds, media and static files (next.config.ts): a CSP under which nothing may run or
 *   load, so an uploaded SVG opened directly cannot run script in our origin. They bypass the
 *   proxy, which would otherwise buffer upload bodies.
 * - Answers the production server gives itself, before Next.js (scripts/server/requestGuards.mjs:
 *   a malformed URL, a body over its limit): the same headers and the resource CSP. The values
 *   both share are in ./everyResponse.json, which plain Node.js can read.
 */

export const ALWAYS: Record<string, string> = EVERY_RESPONSE.always

export const RESOURCE_CSP: string = EVERY_RESPONSE.resourceCsp

/**
 * `/api`, `/_next` and file names with an extension, as next.config.ts `headers()` sources: the
 * complement of the paths src/proxy.ts handles (its matcher).
 */
export const RESOURCE_SOURCES = ['/api', '/api/:path*', '/_next/:path*', '/:path(.*\\.[A-Za-z0-9]+)']

/**
 * Uploaded SVGs (which can carry script) are also sandboxed, after the rules above so that this
 * policy wins for them (collections/Media/fileHeaders.ts says the same for the file route).
 * PDFs cannot be sandboxed: Chromium's PDF viewer refuses to open in a sandboxed document.
 */
export const SVG_MEDIA_SOURCE = '/api/media/file/:file(.*\\.[sS][vV][gG])'
export const SVG_MEDIA_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'"

const directives = (d: Record<string, string[]>): string =>
  Object.entries(d)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')

export const pageCsp = (admin: boolean, nonce: string, https: boolean): string =>
  directives({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
    // React renders `style` attributes (next/image, the admin's layout); scripts stay strict.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    // The admin's live preview frames our own pages; public pages frame nothing.
    'frame-src': admin ? ["'self'"] : ["'none'"],
    ...(admin ? { 'worker-src': ["'self'", 'blob:'] } : {}),
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  })

/** The per-request headers of a page or admin response; `nonce` is fresh for each request. */
export const pageHeaders = (pathname: string, nonce: string, siteUrl: string): Record<string, string> => {
  const https = siteUrl.startsWith('https://')
  const admin = pathname === paths.admin() || pathname.startsWith(`${paths.admin()}/`)
  return {
    'Content-Security-Policy': pageCsp(admin, nonce, https),
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}
