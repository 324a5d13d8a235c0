/**
 * One switch for everything public that is cached: a generation number bumped whenever public
 * content may have changed (a hook saw a publish, edit, unpublish or delete; a scheduled publish
 * or an embargo lift came due), plus Next.js cache tags for the same event.
 *
 * The number lives on globalThis so every route bundle in the server process sees the same one.
 */
export const PUBLIC_CONTENT_TAG = 'public-content'

type State = { generation: number }
const state: State = ((globalThis as { __newsroomPublicContent?: State }).__newsroomPublicContent ??= {
  generation: 0,
})

export const contentGeneration = (): number => state.generation

/** Marks every cached public response stale. Safe to call anywhere (hooks, jobs, scripts). */
export const invalidatePublicContent = (): void => {
  state.generation += 1
  // Imported lazily: the Payload config (and so the CLI) loads this module outside Next.js.
  void import('next/cache')
    .then(({ revalidateTag }) => revalidateTag(PUBLIC_CONTENT_TAG, { expire: 0 }))
    .catch(() => {
      // Outside a Next.js server (seed script, CLI, local-API tests) there is no Next cache.
    })
}
