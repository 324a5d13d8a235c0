import autocannon from 'autocannon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseData } from '../helpers/fixtures'
import { firstAdmin, type Rest } from '../helpers/rest'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let rest: Rest
let releasePath = ''

beforeAll(async () => {
  server = await startServer()
  rest = await firstAdmin(server)
  releasePath = `/news/${(await (await fetch(`${server.url}/api/press-releases?limit=1`)).json()).docs[0].slug}`
})
afterAll(async () => server?.stop())

const SECONDS = 6
const RELEASES = 10

describe('readers and an editor at once', () => {
  it('serves the newsroom and feeds without a single error while releases are published and edited', async () => {
    const load = autocannon({
      url: server.url,
      connections: 8,
      duration: SECONDS,
      requests: ['/', '/news', releasePath, '/feed.xml', '/feed.json'].map((path) => ({
        method: 'GET' as const,
        path,
      })),
    })

    const published: string[] = []
    const seen: Record<string, { feed: boolean; home: boolean }> = {}
    for (let i = 1; i <= RELEASES; i++) {
      const created = await rest.send(
        '/api/press-releases',
        releaseData({ title: `Under load ${i}`, _status: 'published' }),
      )
      expect(created.status).toBe(201)
      const { doc } = await created.json()
      const edited = await rest.send(`/api/press-releases/${doc.id}`, { title: `Under load ${i} (edited)` }, 'PATCH')
      expect(edited.status).toBe(200)
      const title = `Under load ${i} (edited)`
      published.push(title)
      seen[title] = {
        feed: (await (await fetch(`${server.url}/feed.xml`)).text()).includes(title),
        home: (await (await fetch(`${server.url}/`)).text()).includes(title),
      }
    }
    const result = await load

    console.log(
      `load: ${result.requests.total} requests in ${SECONDS} s, p99 ${result.latency.p99} ms, ${result.errors} errors, ${result.non2xx} non-2xx`,
    )
    expect(result.requests.total).toBeGreaterThan(0)
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, '5xx': result['5xx'] }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      '5xx': 0,
    })
    // Each publish was visible on the home page and in the feed as soon as the editor's request returned.
    expect(seen).toEqual(Object.fromEntries(published.map((t) => [t, { feed: true, home: true }])))
    const feed = await (await fetch(`${server.url}/feed.xml`)).text()
    for (const title of published) expect(feed).toContain(title)
  })
})
