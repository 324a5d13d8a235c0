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
  /** JSON over REST: `path` starts with `/api/`. */
  rest: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>
  /** A GraphQL request; `errors` as GraphQL returns them. */
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown[] }>
}

/** Signs `user` in (password as tests/helpers/payload.ts sets it) or stays anonymous with `null`. */
export const apiAs = async (payload: Payload, user: User | null): Promise<Api> => {
  const { default: config } = await import('@payload-config')
  const { handleEndpoints } = await import('payload')
  const graphqlPost = (await import('@payloadcms/next/routes')).GRAPHQL_POST(config)
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
    rest: async (method, path, body) => {
      const request = new Request(`${ORIGIN}${path}`, {
        method,
        headers: headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const res = await handleEndpoints({ config, request })
      const text = await res.text()
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
    },
    graphql: async (query, variables) => {
      const request = new Request(`${ORIGIN}/api/graphql`, {
        method: 'POST',
        headers: headers(true),
        body: JSON.stringify({ query, variables }),
      })
      const res = await graphqlPost(request)
      return (await res.json()) as { data?: unknown; errors?: unknown[] }
    },
  }
}
