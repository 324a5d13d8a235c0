import { type NextRequest, NextResponse } from 'next/server'

import { pageHeaders } from '@/security/headers'
import { siteUrl } from '@/server/env'

/**
 * Pages and the admin: a Content-Security-Policy with a fresh nonce, also set on the request's
 * own CSP header, where Next.js reads it to mark its inline scripts (src/security/headers.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const headers = pageHeaders(request.nextUrl.pathname, nonce, siteUrl())
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'])
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

// Everything but /api, /_next and file names with an extension (RESOURCE_SOURCES in
// src/security/headers.ts get their headers from next.config.ts). A literal, as Next.js requires.
export const config = { matcher: ['/((?!api(?:/|$)|_next/|.*\\.[A-Za-z0-9]+$).*)'] }
