/**
 * Two production servers (scripts/serve.mjs) on one database, as a deployment with several
 * instances runs them, plus writes from a third process (the local API in this test process, as
 * `npm run seed`, `npm run import` or the worker write). Whatever happens through one instance
 * or the third process shows on the other instance's pages, feeds and REST within a second:
 * every instance follows the change log in the database (src/cache/changes.ts).
 *
 * On the embedded database file by default; with DATABASE_URI set to a server database
 * (postgres://…) both servers and the writer use that instead.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startServer, type TestServer } from '../helpers/server'
import { apiAs, setUpStaff, type Session } from '../helpers/staff'

const BOUND_MS = 1000
const RUN = Date.now().toString(36)
const SECRET = 'two-instances-test-secret'

let dir: string
let a: TestServer
let b: TestServer
let editor: Session
let writer: Payload

const lexical = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      },
    ],
  },
})
const release = (title: string, slug: string, extra: Record<string, unknown> = {}) => ({
  title,
  slug,
  summary: `The summary of ${slug}.`,
  body: lexical(`The body of ${slug}.`),
  publishedAt: new Date(Date.now() - 60_000).toISOString(),
  _status: 'published',
  ...extra,
})

type Seen = { page: number; pageHasTitle: boolean; feed: boolean; json: boolean; rest: boolean }

/** What an anonymous reader of `server` sees of a release: its page, the feeds, REST. */
const look = async (server: TestServer, slug: string, title: string): Promise<Seen> => {
  const [page, feed, json, rest] = await Promise.all([
    fetch(`${server.url}/news/${slug}`, { redirect: 'manual' }),
    fetch(`${server.url}/feed.xml`),
    fetch(`${server.url}/feed.json`),
    fetch(`${server.url}/api/press-releases?where[slug][equals]=${slug}&depth=0`),
  ])
  const html = await page.text()
  return {
    page: page.status,
    pageHasTitle: page.status === 200 && html.includes(title),
    feed: (await feed.text()).includes(title),
    json: (await json.text()).includes(title),
    rest: JSON.stringify(((await rest.json()) as { docs: unknown[] }).docs).includes(title),
  }
}
const shown = (s: Seen) => s.page === 200 && s.pageHasTitle && s.feed && s.json && s.rest
const hidden = (s: Seen) => s.page === 404 && !s.feed && !s.json && !s.rest

/**
 * How long after `since` a request to `server` first saw `expected`: the time it was sent, so a
 * slow render under load does not count against the bound. A new look starts every 100 ms (at
 * most four at once), so the measure does not depend on how long one look takes. Gives up
 * after 10 s.
 */
const propagation = (since: number, check: () => Promise<Seen>, expected: (s: Seen) => boolean) =>
  new Promise<number>((resolve, reject) => {
    let inFlight = 0
    let last: Seen | null = null
    let done = false
    const timer = setInterval(() => {
      if (Date.now() - since > 10_000) {
        clearInterval(timer)
        done = true
        reject(new Error(`still not seen after 10 s: ${JSON.stringify(last)}`))
        return
      }
      if (inFlight >= 4) return
      inFlight++
      const sent = Date.now()
      check()
        .then((seen) => {
          last = seen
          if (done || !expected(seen)) return
          done = true
          clearInterval(timer)
          console.log(`seen after ${sent - since} ms`)
          resolve(sent - since)
        }, reject)
        .finally(() => inFlight--)
    }, 100)
  })

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsroom-two-'))
  const database = process.env.DATABASE_URI?.startsWith('file:') === false ? process.env.DATABASE_URI : undefined
  const env = {
    SEED_DEMO: 'false',
    PAYLOAD_SECRET: SECRET,
    ...(database ? { DATABASE_URI: database } : {}),
  }
  // One after the other: the first migrates the database.
  a = await startServer(env, { dir })
  b = await startServer({ ...env, PAYLOAD_JOBS_AUTORUN: 'false' }, { dir })
  editor = (await setUpStaff(a.url)).editor

  // The third process's view: the same database, through the local API.
  process.env.DATABASE_URI = database ?? `file:${path.join(dir, 'newsroom.db')}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET = SECRET
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  writer = await getPayload({ config })
})
afterAll(async () => {
  await writer?.destroy()
  await Promise.all([a?.stop(), b?.stop()])
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('two instances on one database', () => {
  const slug = `shared-${RUN}`
  const title = `Shared release ${RUN}`
  const edited = `Shared release, reworded ${RUN}`
  let id: number

  it('a publish through A shows on B', async () => {
    // B has cached the feeds and the (missing) page before the publish.
    expect(hidden(await look(b, slug, title))).toBe(true)
    const doc = await apiAs<{ doc: { id: number } }>(a.url, editor, '/api/press-releases', release(title, slug))
    id = doc.doc.id
    expect(await propagation(Date.now(), () => look(b, slug, title), shown)).toBeLessThan(BOUND_MS)
  })

  it('an edit through A shows on B', async () => {
    expect(shown(await look(b, slug, title))).toBe(true)
    await apiAs(a.url, editor, `/api/press-releases/${id}`, { title: edited, _status: 'published' }, 'PATCH')
    const since = Date.now()
    expect(await propagation(since, () => look(b, slug, edited), shown)).toBeLessThan(BOUND_MS)
    const after = await look(b, slug, title)
    expect(after.feed || after.json || after.pageHasTitle).toBe(false)
  })

  it('an unpublish through A hides it on B', async () => {
    await apiAs(a.url, editor, `/api/press-releases/${id}`, { _status: 'draft' }, 'PATCH')
    expect(await propagation(Date.now(), () => look(b, slug, edited), hidden)).toBeLessThan(BOUND_MS)
  })

  it('a delete through A hides it on B', async () => {
    const other = `deleted-${RUN}`
    const otherTitle = `Release to delete ${RUN}`
    const doc = await apiAs<{ doc: { id: number } }>(a.url, editor, '/api/press-releases', release(otherTitle, other))
    await propagation(Date.now(), () => look(b, other, otherTitle), shown)
    await apiAs(a.url, editor, `/api/press-releases/${doc.doc.id}`, undefined, 'DELETE')
    expect(await propagation(Date.now(), () => look(b, other, otherTitle), hidden)).toBeLessThan(BOUND_MS)
  })

  it('an embargo set through A lifts on B at its moment', async () => {
    const lifted = `embargoed-${RUN}`
    const liftedTitle = `Embargoed release ${RUN}`
    const at = Date.now() + 6000
    await apiAs(
      a.url,
      editor,
      '/api/press-releases',
      release(liftedTitle, lifted, { embargoUntil: new Date(at).toISOString() }),
    )
    // Hidden on B (and cached so) until the embargo lifts...
    await new Promise((r) => setTimeout(r, 1500))
    expect(hidden(await look(b, lifted, liftedTitle))).toBe(true)
    expect(hidden(await look(b, lifted, liftedTitle))).toBe(true)
    // ...then public on B within the bound of its moment.
    await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())))
    expect(await propagation(at, () => look(b, lifted, liftedTitle), shown)).toBeLessThan(BOUND_MS)
  })

  it('a publish by a separate process shows on both instances', async () => {
    const third = `third-${RUN}`
    const thirdTitle = `Written by another process ${RUN}`
    expect(hidden(await look(a, third, thirdTitle))).toBe(true)
    expect(hidden(await look(b, third, thirdTitle))).toBe(true)
    await writer.create({
      collection: 'press-releases',
      data: release(thirdTitle, third) as never,
      overrideAccess: true,
    })
    const since = Date.now()
    const [onA, onB] = await Promise.all([
      propagation(since, () => look(a, third, thirdTitle), shown),
      propagation(since, () => look(b, third, thirdTitle), shown),
    ])
    expect(onA).toBeLessThan(BOUND_MS)
    expect(onB).toBeLessThan(BOUND_MS)
  })

  it('tells shared caches to keep a feed at most 30 s, stale time included', async () => {
    const cacheControl = (await fetch(`${b.url}/feed.xml`)).headers.get('cache-control') ?? ''
    const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1] ?? NaN)
    expect(seconds('s-maxage') + seconds('stale-while-revalidate')).toBeLessThanOrEqual(30)
    // Pages are never kept by shared caches.
    expect((await fetch(`${b.url}/`)).headers.get('cache-control') ?? '').not.toMatch(/public|s-maxage/)
  })
})
