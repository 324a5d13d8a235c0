/**
 * Public content (rendered feeds, page data) kept in memory, so that serving it does no
 * database work while nothing has changed. An entry is fresh while the public-content
 * generation is the one it was built in and the next scheduled visibility change (a future
 * publish date or embargo) has not come. Nothing the visibility rule hides is ever served from
 * here: every change that could hide something bumps the generation first.
 */
import { nextScheduledVisibility } from '@/data/releases'

import { contentGeneration } from './publicContent'

type Entry = { generation: number; validUntil: number; value: unknown }
type State = {
  entries: Map<string, Entry>
  building: Map<string, Promise<Entry>>
  schedule: { generation: number; validUntil: number } | null
}

const MAX_ENTRIES = 5000
const state: State = ((globalThis as { __newsroomPublicCache?: State }).__newsroomPublicCache ??= {
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
  state.schedule = { generation, validUntil }
  return validUntil
}

export const cachedPublic = async <T>(key: string, build: () => Promise<T>): Promise<T> =>
  (await cachedPublicEntry(key, build)).value

/** The cached value with the generation it belongs to and the moment it expires by itself. */
export const cachedPublicEntry = async <T>(
  key: string,
  build: () => Promise<T>,
): Promise<{ value: T; generation: number; validUntil: number }> => {
  const generation = contentGeneration()
  const hit = state.entries.get(key)
  if (hit && hit.generation === generation && Date.now() < hit.validUntil) return hit as Entry & { value: T }

  const inFlight = state.building.get(key)
  if (inFlight) {
    const entry = await inFlight
    if (entry.generation === generation) return entry as Entry & { value: T }
  }

  const promise = (async (): Promise<Entry> => {
    const validUntil = await validUntilForGeneration(generation)
    const value = await build()
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
    return (await promise) as Entry & { value: T }
  } finally {
    if (state.building.get(key) === promise) state.building.delete(key)
  }
}
