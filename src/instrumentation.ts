/**
 * Runs once when the server starts: connects Payload, which migrates the embedded database,
 * seeds an empty newsroom and starts the jobs queue. A database that cannot be reached stops
 * the server with one clear line instead of failing every request later.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { startPayload } = await import('./server/startPayload')
  await startPayload()
}
