// The production HTTP server (`npm start` runs it after building, and restarts it should it die):
// Next.js, with bad requests refused in front of it (scripts/server/requestGuards.mjs), the public
// responses it already rendered answered from memory (scripts/server/responseCache.mjs; anonymous
// API reads: scripts/server/apiReplay.mjs), and a graceful shutdown.
import { createServer } from 'node:http'
import path from 'node:path'

process.env.NODE_ENV = 'production'
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
const { default: next } = await import('next')
const { rememberResponse, serveFromCache } = await import('./server/responseCache.mjs')
const { holdGraphqlRead, serveApiRead } = await import('./server/apiReplay.mjs')
const { permanentRedirectsAs301 } = await import('./server/permanentRedirects.mjs')
const { inWriteFlow } = await import('./server/writeFlows.mjs')
const { answerClientError, guardRequest } = await import('./server/requestGuards.mjs')
const { MAX_HEADER_BYTES } = await import('./server/requestLimits.mjs')

const ROOT = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.PORT) || 3000
const host = process.env.LISTEN_HOST || undefined // all interfaces, like `next start`
const SHUTDOWN_GRACE_MS = 10_000

const app = next({ dev: false, dir: ROOT, port, hostname: host ?? 'localhost' })
const handle = app.getRequestHandler()
await app.prepare()

// The client a request came from, for sign-in throttling (src/accounts/loginThrottle.ts): the TCP
// peer, or with TRUST_PROXY_HOPS=N the address the Nth proxy of ours saw (X-Forwarded-For from the
// right). Whatever a client sent under this name is replaced, so it cannot choose its own.
const proxyHops = Math.max(0, Number(process.env.TRUST_PROXY_HOPS) || 0)
const clientAddress = (req) => {
  const peer = req.socket.remoteAddress ?? 'unknown'
  if (!proxyHops) return peer
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  return forwarded[forwarded.length - proxyHops] ?? forwarded[0] ?? peer
}

// Each request is a flow of work, so its database writes never wait for its own transaction
// (src/server/writeTurns.ts).
const answer = (req, res) =>
  inWriteFlow(() => {
    req.headers['x-newsroom-client'] = clientAddress(req)
    if (serveFromCache(req, res) || serveApiRead(req, res)) return
    const passOn = () => {
      rememberResponse(req, res)
      permanentRedirectsAs301(req, res)
      handle(req, res)
    }
    // A GraphQL read is looked up once its body is in, and passed on if not in memory.
    if (!holdGraphqlRead(req, res, () => inWriteFlow(passOn))) passOn()
  })

const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) =>
  guardRequest(req, res, () => answer(req, res)),
)
// `Expect: 100-continue`: a body over its limit is refused before the client sends it.
server.on('checkContinue', (req, res) => guardRequest(req, res, () => answer(req, res), { expectsContinue: true }))
server.on('clientError', answerClientError)
server.keepAliveTimeout = 65_000

// Before taking requests, the public routes are requested once through the same handler, on a
// private port: Next.js loads a route's code at its first request (hundreds of milliseconds), so
// the first reader after a start or a restart would wait for it. Bounded in time; a failure only
// means that route stays cold.
const WARM_UP_PATHS = [
  '/',
  '/news',
  '/news?page=2',
  '/news/warm-up-not-a-release',
  '/feed.xml',
  '/feed.json',
  '/search?q=news',
  '/partners',
  '/events',
  '/milestones',
  '/api/press-releases?limit=1',
]
const warmUp = async () => {
  const warm = createServer((req, res) => answer(req, res))
  await new Promise((resolve) => warm.listen(0, '127.0.0.1', resolve))
  const { port: warmPort } = warm.address()
  try {
    await Promise.all(
      WARM_UP_PATHS.map((p) =>
        fetch(`http://127.0.0.1:${warmPort}${p}`, { signal: AbortSignal.timeout(10_000) })
          .then((r) => r.arrayBuffer())
          .catch(() => {}),
      ),
    )
  } finally {
    warm.closeAllConnections()
    await new Promise((resolve) => warm.close(resolve))
  }
}
const warmStarted = Date.now()
await warmUp()
console.log(`Routes warmed up in ${Date.now() - warmStarted} ms`)

server.listen(port, host, () => {
  console.log(`Newsroom ready on http://${host ?? 'localhost'}:${port}`)
  // `npm start` (scripts/start.mjs) supervises this process over IPC.
  process.send?.({ newsroom: 'ready' })
})

// SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, then exit.
let stopping = false
const shutdown = (why) => {
  if (stopping) return
  stopping = true
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  setTimeout(() => {
    console.error(`Requests still running ${SHUTDOWN_GRACE_MS / 1000} s after ${why}: exiting anyway.`)
    process.exit(1)
  }, SHUTDOWN_GRACE_MS).unref()
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => shutdown(signal))
// The supervisor is gone (killed outright): nobody could stop or restart this server any more.
if (process.connected) process.on('disconnect', () => shutdown('the supervisor (npm start) went away'))
// A promise some library let reject unhandled (Payload's query validation did, for one filter) must
// not end every request in flight: it is logged, and the server keeps serving (as `next start` does).
process.on('unhandledRejection', (reason) => {
  console.error('[server] An unhandled promise rejection was logged; the server keeps serving:', reason)
})
