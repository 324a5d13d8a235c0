import { createServer, type IncomingHttpHeaders } from 'node:http'

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; at: number }

/** Where the receiver listens: inside the network, so webhook tests allow it (WEBHOOK_ALLOWED_HOSTS). */
export const RECEIVER_HOST = '127.0.0.1'

/**
 * A local HTTP endpoint on 127.0.0.1 standing in for a partner site or a WebSub hub. `failNext`
 * makes the next N requests answer 500, to exercise retries. Webhooks refuse internal addresses
 * (src/notify/targets.ts): a test delivering to it sets `WEBHOOK_ALLOWED_HOSTS = RECEIVER_HOST`.
 */
export const startReceiver = async () => {
  const received: Received[] = []
  let failures = 0
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body, at: Date.now() })
      if (failures > 0) {
        failures--
        res.writeHead(500).end('temporarily broken')
      } else {
        res.writeHead(204).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, RECEIVER_HOST, resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://${RECEIVER_HOST}:${port}`,
    received,
    failNext: (n: number) => (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
