import { createServer, type IncomingHttpHeaders } from 'node:http'

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; at: number }

/**
 * A local HTTP endpoint on 127.0.0.1 standing in for a partner site or a WebSub hub. `failNext`
 * makes the next N requests answer 500, to exercise retries.
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext: (n: number) => (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
