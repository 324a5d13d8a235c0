/**
 * Rendered feeds kept in memory, so that serving one does no database work while nothing has
 * changed. An entry is fresh while the public-content generation is the one it was built in
 * and the next scheduled visibility change (a future publish date or embargo) has not come.
 */
import { contentGeneration } from '@/cache/publicContent'
import { nextScheduledVisibility } from '@/data/releases'

import { entityTag } from './http'

export type CachedResponse =
  | { status: 200; body: string; etag: string; lastModified: Date }
  | { status: 400 | 404; message: string }

type Entry = { generation: number; validUntil: number; value: CachedResponse }
type State = {
  entries: Map<string, Entry>
  building: Map<string, Promise<Entry>>
  schedule: { generation: number; validUntil: number; checkedAt: number } | null
}

const MAX_ENTRIES = 2000
const state: State = ((globalThis as { __newsroomFeedCache?: State }).__newsroomFeedCache ??= {
  entries: new Map(),
  building: new Map(),
  schedule: null,
})

/** When cached public content next expires by itself, computed once per generation. */
const validUntilForGeneration = async (generation: number): Promise<number> => {
  const now = Date.now()
  if (state.schedule && state.schedule.generation === generation && now < state.schedule.validUntil) {
    return state.schedule.validUntil
  }
  const next = await nextScheduledVisibility(new Date(now))
  const validUntil = next ? next.getTime() : Number.POSITIVE_INFINITY
  state.schedule = { generation, validUntil, checkedAt: now }
  return validUntil
}

export const cachedFeed = async (
  key: string,
  build: () => Promise<{ status: 200; body: string; lastModified: Date } | { status: 400 | 404; message: string }>,
): Promise<CachedResponse> => {
  const generation = contentGeneration()
  const hit = state.entries.get(key)
  if (hit && hit.generation === generation && Date.now() < hit.validUntil) return hit.value

  const inFlight = state.building.get(key)
  if (inFlight) return (await inFlight).value

  const promise = (async (): Promise<Entry> => {
    const validUntil = await validUntilForGeneration(generation)
    const built = await build()
    const value: CachedResponse =
      built.status === 200 ? { ...built, etag: entityTag(built.body) } : built
    const entry = { generation, validUntil, value }
    // Only keep it if nothing changed while it was being built.
    if (generation === contentGeneration()) {
      if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string)
      state.entries.set(key, entry)
    }
    return entry
  })()
  state.building.set(key, promise)
  try {
    return (await promise).value
  } finally {
    state.building.delete(key)
  }
}
