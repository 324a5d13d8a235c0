/**
 * REST and GraphQL answered by Payload's own request handlers inside the test process (the same
 * handlers the Next.js routes in src/app/(payload)/api call), so an integration test can write
 * over every API without starting a server. Logged in with a real JWT from `payload.login`.
 * The config is imported only when called, after tests/helpers/payload.ts has set DATABASE_URI.
 */
import type { Payload } from 'payload'

import type { User } from '@/payload-types'

const ORIGIN = 'http://127.0.0.1'

export type Api = {
  /** How many requests reached Payload's handlers (with `cached`, those not answered from memory). */
  handled: () => number
  /** JSON over REST: `path` starts with `/api/`. */
  rest: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>
  /** A GraphQL request; `errors` as GraphQL returns them. */
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown[] }>
}

/**
 * Signs `user` in (password as tests/helpers/payload.ts sets it) or stays anonymous with `null`.
 * `cached`: through the public cache of anonymous reads the API routes use (src/cache/apiReads.ts),
 * so repeated queries are answered from memory.
 */
export const apiAs = async (payload: Payload, user: User | null, { cached = false } = {}): Promise<Api> => {
  const { default: config } = await import('@payload-config')
  const { handleEndpoints } = await import('payload')
  const { cachedAnonymousReads } = await import('@/cache/apiReads')
  const graphqlHandler = (await import('@payloadcms/next/routes')).GRAPHQL_POST(config)
  let handled = 0
  const count =
    <A extends unknown[]>(handler: (...args: A) => Promise<Response>) =>
    (...args: A) => {
      handled += 1
      return handler(...args)
    }
  const restHandler = count((request: Request) => handleEndpoints({ config, request }))
  const restGet = cached ? cachedAnonymousReads('rest', config, restHandler) : restHandler
  const graphqlPost = count((request: Request) => graphqlHandler(request))
  const graphqlRead = cached ? cachedAnonymousReads('graphql', config, graphqlPost) : graphqlPost
  let token = ''
  if (user) {
    const login = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct horse battery' },
    })
    token = login.token ?? ''
  }
  const headers = (json: boolean): Record<string, string> => ({
    ...(token ? { Authorization: `JWT ${token}` } : {}),
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  })
  return {
    handled: () => handled,
    rest: async (method, path, body) => {
      const request = new Request(`${ORIGIN}${path}`, {
        method,
        headers: headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const res = await (method === 'GET' ? restGet(request, undefined) : restHandler(request))
      const text = await res.text()
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
    },
    graphql: async (query, variables) => {
      const request = new Request(`${ORIGIN}/api/graphql`, {
        method: 'POST',
        headers: headers(true),
        body: JSON.stringify({ query, variables }),
      })
      const res = await graphqlRead(request, undefined)
      return (await res.json()) as { data?: unknown; errors?: unknown[] }
    },
  }
}
