/**
 * A deployment with several instances, as the README's "Running more than one instance" sets it
 * up: two `npm start` instances on one database, both with PAYLOAD_JOBS_AUTORUN=false, and one
 * `npm run worker` running the jobs queue; plus writes from a separate process (the local API in
 * this test process, as `npm run seed` or `npm run import` write). Whatever happens through A or
 * the separate process shows on the other instance's pages, feeds, REST and media within a
 * second: every instance follows the change log in the database (src/cache/changes.ts). The
 * embargo lift is announced by the worker alone (the web instances run no jobs), once.
 *
 * On the embedded database file by default; in the PostgreSQL pass (TEST_DATABASE=postgres) on a
 * PostgreSQL database of its own (tests/helpers/payload.ts `freshDatabase`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { endPool, freshDatabase } from '../helpers/payload'
import { startServer, type TestServer } from '../helpers/server'
import { apiAs, requestAs, setUpStaff, uploadAs, ANONYMOUS, type Session } from '../helpers/staff'
import { startWorker, type TestWorker } from '../helpers/worker'

const BOUND_MS = 1000
const RUN = Date.now().toString(36)
const SECRET = 'two-instances-test-secret'

let dir: string
let database: Awaited<ReturnType<typeof freshDatabase>>
let a: TestServer
let b: TestServer
let worker: TestWorker
let editor: Session
let writer: Payload
let png: Buffer

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

type Seen = { page: number; pageHasTitle: boolean; feed: boolean; json: boolean; rest: boolean; media: number | null }

/** What an anonymous reader of `server` sees of a release: its page, the feeds, REST and its image's file (when given). */
const look = async (server: TestServer, slug: string, title: string, mediaUrl?: string): Promise<Seen> => {
  const [page, feed, json, rest, media] = await Promise.all([
    fetch(`${server.url}/news/${slug}`, { redirect: 'manual' }),
    fetch(`${server.url}/feed.xml`),
    fetch(`${server.url}/feed.json`),
    fetch(`${server.url}/api/press-releases?where[slug][equals]=${slug}&depth=0`),
    mediaUrl ? requestAs(server.url, ANONYMOUS, mediaUrl) : null,
  ])
  const html = await page.text()
  await media?.arrayBuffer()
  return {
    page: page.status,
    pageHasTitle: page.status === 200 && html.includes(title),
    feed: (await feed.text()).includes(title),
    json: (await json.text()).includes(title),
    rest: JSON.stringify(((await rest.json()) as { docs: unknown[] }).docs).includes(title),
    media: media ? media.status : null,
  }
}
const shown = (s: Seen) =>
  s.page === 200 && s.pageHasTitle && s.feed && s.json && s.rest && [null, 200].includes(s.media)
const hidden = (s: Seen) =>
  s.page === 404 && !s.feed && !s.json && !s.rest && (s.media === null || s.media === 403 || s.media === 404)

/** An image uploaded through A (as an editor), which only the release using it makes public. */
const image = async (alt: string) => {
  const doc = await uploadAs(a.url, editor, { data: png, type: 'image/png', name: `${alt}.png` }, { alt })
  return { id: doc.id, url: doc.url }
}

/**
 * How long after `since` a request to `server` first saw `expected`: the time it was sent, so a
 * slow render under load does not count against the bound. A new look starts every 100 ms (at
 * most four at once, so that the looks themselves do not swamp the server), so the measure does
 * not depend on how long one look takes. Gives up after 10 s.
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
  database = await freshDatabase(dir)
  const env = { SEED_DEMO: 'false', PAYLOAD_SECRET: SECRET, DATABASE_URI: database.uri, PAYLOAD_JOBS_AUTORUN: 'false' }
  // A first: it migrates the database. Then B and the worker together (both find it migrated).
  a = await startServer(env, { dir, command: 'npm-start' })
  worker = startWorker({ ...env, MEDIA_DIR: path.join(dir, 'media'), SITE_URL: a.url })
  b = await startServer(env, { dir, command: 'npm-start' })
  editor = (await setUpStaff(a.url)).editor
  const sharp = (await import('sharp')).default
  png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer()

  // The separate process's view: the same database, through the local API.
  process.env.DATABASE_URI = database.uri
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET = SECRET
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  writer = await getPayload({ config })
  await worker.ready()
}, 240_000)
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), worker?.stop()])
  if (writer) {
    await writer.destroy()
    await endPool(writer)
  }
  await database?.drop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('two instances and a worker on one database', () => {
  const slug = `shared-${RUN}`
  const title = `Shared release ${RUN}`
  const edited = `Shared release, reworded ${RUN}`
  let id: number
  let hero: { id: number | string; url: string }

  it('a publish through A shows on B (page, feeds, REST, its image)', async () => {
    hero = await image('shared')
    // B has cached the feeds, the (missing) page and the image's refusal before the publish.
    expect(await look(b, slug, title, hero.url)).toSatisfy(hidden)
    const doc = await apiAs<{ doc: { id: number } }>(
      a.url,
      editor,
      '/api/press-releases',
      release(title, slug, { heroImage: hero.id }),
    )
    id = doc.doc.id
    expect(await propagation(Date.now(), () => look(b, slug, title, hero.url), shown)).toBeLessThan(BOUND_MS)
  })

  it('an edit through A shows on B', async () => {
    expect(await look(b, slug, title, hero.url)).toSatisfy(shown)
    await apiAs(a.url, editor, `/api/press-releases/${id}`, { title: edited, _status: 'published' }, 'PATCH')
    const since = Date.now()
    expect(await propagation(since, () => look(b, slug, edited, hero.url), shown)).toBeLessThan(BOUND_MS)
    const after = await look(b, slug, title)
    expect(after.feed || after.json || after.pageHasTitle).toBe(false)
  })

  it('an unpublish through A hides it on B, its image too', async () => {
    await apiAs(a.url, editor, `/api/press-releases/${id}`, { _status: 'draft' }, 'PATCH')
    expect(await propagation(Date.now(), () => look(b, slug, edited, hero.url), hidden)).toBeLessThan(BOUND_MS)
  })

  it('a delete through A hides it on B, its image too', async () => {
    const other = `deleted-${RUN}`
    const otherTitle = `Release to delete ${RUN}`
    const otherImage = await image('deleted')
    const doc = await apiAs<{ doc: { id: number } }>(
      a.url,
      editor,
      '/api/press-releases',
      release(otherTitle, other, { heroImage: otherImage.id }),
    )
    await propagation(Date.now(), () => look(b, other, otherTitle, otherImage.url), shown)
    await apiAs(a.url, editor, `/api/press-releases/${doc.doc.id}`, undefined, 'DELETE')
    expect(await propagation(Date.now(), () => look(b, other, otherTitle, otherImage.url), hidden)).toBeLessThan(
      BOUND_MS,
    )
  })

  it('an embargo set through A lifts on B at its moment, and the worker announces it once', async () => {
    const lifted = `embargoed-${RUN}`
    const liftedTitle = `Embargoed release ${RUN}`
    const liftedImage = await image('embargoed')
    const at = Date.now() + 8000
    const { doc } = await apiAs<{ doc: { id: number } }>(
      a.url,
      editor,
      '/api/press-releases',
      release(liftedTitle, lifted, { embargoUntil: new Date(at).toISOString(), heroImage: liftedImage.id }),
    )
    // Hidden on B (and cached so) until the embargo lifts: every look answered before its moment.
    let before = 0
    while (Date.now() < at - 2500) {
      const seen = await look(b, lifted, liftedTitle, liftedImage.url)
      if (Date.now() >= at) break
      expect(seen).toSatisfy(hidden)
      before++
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(before, 'no look at B was answered before the embargo lifted (too slow a machine?)').toBeGreaterThan(0)
    // ...then public on B within the bound of its moment.
    await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())))
    expect(await propagation(at, () => look(b, lifted, liftedTitle, liftedImage.url), shown)).toBeLessThan(BOUND_MS)

    // The lift's job (the "became public" entry, partners' notices) ran on the worker's next
    // 10-second run: neither web instance runs jobs, so nobody else could have.
    const becamePublic = () =>
      writer.find({
        collection: 'release-activity',
        where: { action: { equals: 'became-public' }, release: { equals: doc.id } },
        depth: 0,
        overrideAccess: true,
      })
    const deadline = Date.now() + 25_000
    while ((await becamePublic()).totalDocs === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
    expect((await becamePublic()).totalDocs).toBe(1)
    expect(worker.child.exitCode, worker.log()).toBeNull()
  }, 60_000)

  it('a publish by a separate process shows on both instances', async () => {
    const third = `third-${RUN}`
    const thirdTitle = `Written by another process ${RUN}`
    const thirdImage = await image('third')
    expect(await look(a, third, thirdTitle, thirdImage.url)).toSatisfy(hidden)
    expect(await look(b, third, thirdTitle, thirdImage.url)).toSatisfy(hidden)
    await writer.create({
      collection: 'press-releases',
      data: release(thirdTitle, third, { heroImage: thirdImage.id }) as never,
      overrideAccess: true,
    })
    const since = Date.now()
    const [onA, onB] = await Promise.all([
      propagation(since, () => look(a, third, thirdTitle, thirdImage.url), shown),
      propagation(since, () => look(b, third, thirdTitle, thirdImage.url), shown),
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
