/**
 * Feeds as fast as static files: once a feed URL has been rendered, its bytes are published
 * here, on globalThis, for the HTTP server in front of Next.js (scripts/serve.mjs) to answer
 * repeat requests without going through the router. An entry is used only while the
 * public-content generation is the one it was built in and its scheduled expiry (the next
 * embargo lift or future publish date) has not come, the same freshness rule as every other
 * cached public response, so nothing hidden by the visibility rule can be served from it.
 * The server fills in the response headers from the first full response, so headers set by
 * Next.js (security headers, compression negotiation) stay exactly as the slow path sends them.
 */
export type FastPathEntry = {
  generation: number
  validUntil: number
  body: string
  etag: string
  lastModified: string
  headers?: Record<string, string | string[]>
}

type State = { entries: Map<string, FastPathEntry> }

const MAX_ENTRIES = 2000
const state: State = ((globalThis as { __newsroomFastPath?: State }).__newsroomFastPath ??= { entries: new Map() })

export const publishForFastPath = (request: Request, entry: Omit<FastPathEntry, 'headers'>): void => {
  const url = new URL(request.url)
  const key = `${url.pathname}${url.search}`
  const existing = state.entries.get(key)
  if (existing && existing.generation === entry.generation && existing.etag === entry.etag) return
  if (!existing && state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string)
  state.entries.set(key, entry)
}
