/**
 * No shared cache may keep a staff answer. Every REST and GraphQL answer depends on who asks
 * (a session cookie or an Authorization header shows drafts), so each says `Vary: Cookie,
 * Authorization`; an answer to a request that carries credentials, and every answer of the sign-in
 * endpoints (login, logout, me, refresh, password reset, first user, invitations), is also
 * `Cache-Control: private, no-store`. Wraps the Next.js route handlers of `/api`.
 */
const AUTH_PATH =
  /^\/api\/users\/(?:login|logout|me|refresh-token|forgot-password|reset-password|first-register|init|unlock|access|invitation)(?:\/|$)/

const SESSION_COOKIE = /(?:^|;\s*)payload-token=/

export const carriesCredentials = (headers: Headers): boolean =>
  Boolean(headers.get('authorization')) || SESSION_COOKIE.test(headers.get('cookie') ?? '')

const withVary = (current: string | null, names: string[]): string => {
  const have = (current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  if (have.includes('*')) return '*'
  const lower = have.map((v) => v.toLowerCase())
  return [...have, ...names.filter((n) => !lower.includes(n.toLowerCase()))].join(', ')
}

/** The headers to add to an answer for `request` (also used by the front server for admin pages). */
export const privateAnswerHeaders = (request: Request, headers: Headers): Headers => {
  const out = new Headers(headers)
  out.set('Vary', withVary(out.get('vary'), ['Cookie', 'Authorization']))
  const { pathname } = new URL(request.url)
  if (carriesCredentials(request.headers) || AUTH_PATH.test(pathname)) out.set('Cache-Control', 'private, no-store')
  return out
}

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response

export const privateAnswers =
  <C>(handler: Handler<C>): Handler<C> =>
  async (request, context) => {
    const response = await handler(request, context)
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: privateAnswerHeaders(request, response.headers),
    })
  }
