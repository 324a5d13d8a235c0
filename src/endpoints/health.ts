import type { Endpoint } from 'payload'

const TIMEOUT_MS = 3000

/** `/api/health`: 200 when the database answers a query, 503 otherwise. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' }
    try {
      await Promise.race([
        req.payload.count({ collection: 'topics', overrideAccess: true }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)),
      ])
      return Response.json({ status: 'ok', database: 'ok' }, { headers })
    } catch (error) {
      req.payload.logger.error({ msg: 'Health check: database did not answer', err: error })
      return Response.json({ status: 'error', database: 'unavailable' }, { status: 503, headers })
    }
  },
}
