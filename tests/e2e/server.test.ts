import { spawn } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startServer, type TestServer } from '../helpers/server'

const ROOT = path.resolve(import.meta.dirname, '../..')

let server: TestServer
let token = ''

const api = (p: string, init: RequestInit = {}) =>
  fetch(`${server.url}${p}`, {
    ...init,
    headers: { ...(token ? { Authorization: `JWT ${token}` } : {}), ...(init.headers ?? {}) },
  })
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})
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

beforeAll(async () => {
  // A fresh clone's first start: empty database, demo content on (the embedded default).
  server = await startServer()
})
afterAll(async () => server?.stop())

describe('a fresh production server', () => {
  it('answers /api/health with 200 and the database status', async () => {
    const res = await fetch(`${server.url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' })
  })

  it('serves /admin with the create-first-user screen (no account exists by default)', async () => {
    const res = await fetch(`${server.url}/admin`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('create-first-user')
    const users = await (await fetch(`${server.url}/api/users`)).json()
    expect(users.errors?.[0]?.message ?? '').toMatch(/not allowed/i)
  })

  it('lists the published demo releases at /api/press-releases', async () => {
    const res = await fetch(`${server.url}/api/press-releases?limit=100`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.totalDocs).toBeGreaterThanOrEqual(2)
    for (const doc of body.docs) {
      expect(doc._status).toBe('published')
      expect(Date.parse(doc.publishedAt)).toBeLessThanOrEqual(Date.now())
    }
    const titles = body.docs.map((d: { title: string }) => d.title).join('\n')
    expect(titles).toMatch(/Care Partner/i)
    expect(titles).toMatch(/Alliance/i)
  })
})

describe('the REST API as the first user', () => {
  let draftId: number | string
  let embargoedId: number | string
  let publicCount = 0

  beforeAll(async () => {
    publicCount = (await (await fetch(`${server.url}/api/press-releases?limit=0`)).json()).totalDocs
    const res = await api(
      '/api/users/first-register',
      json({ name: 'First Admin', email: 'admin@example.org', password: 'a long enough password' }),
    )
    expect(res.status).toBe(200)
    const login = await api(
      '/api/users/login',
      json({ email: 'admin@example.org', password: 'a long enough password' }),
    )
    const body = await login.json()
    token = body.token
    expect(body.user.role).toBe('admin')
  })

  it('keeps drafts and embargoed releases out of anonymous REST and GraphQL answers', async () => {
    const draft = await api(
      '/api/press-releases?draft=true',
      json({ title: 'Secret draft', summary: 's', body: lexical('x') }),
    )
    expect(draft.status).toBe(201)
    draftId = (await draft.json()).doc.id
    const embargoed = await api(
      '/api/press-releases',
      json({
        title: 'Embargoed news',
        summary: 's',
        body: lexical('x'),
        _status: 'published',
        embargoUntil: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    )
    expect(embargoed.status).toBe(201)
    embargoedId = (await embargoed.json()).doc.id

    const saved = token
    token = ''
    try {
      const list = await (await api('/api/press-releases?limit=100&draft=true')).json()
      expect(list.totalDocs).toBe(publicCount)
      expect(JSON.stringify(list)).not.toMatch(/Secret draft|Embargoed news/)
      expect((await api(`/api/press-releases/${draftId}`)).status).toBe(404)
      expect((await api(`/api/press-releases/${embargoedId}?draft=true`)).status).toBe(404)
      const gql = await api(
        '/api/graphql',
        json({ query: '{ PressReleases(limit: 100, draft: true) { totalDocs docs { title } } }' }),
      )
      const data = await gql.json()
      expect(data.data.PressReleases.totalDocs).toBe(publicCount)
      expect(JSON.stringify(data)).not.toMatch(/Secret draft|Embargoed news/)
    } finally {
      token = saved
    }
  })

  it('answers malformed JSON with a 4xx, not a 500', async () => {
    const res = await api('/api/press-releases', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title": ',
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })

  it('answers a missing required field with 400 naming the field', async () => {
    const res = await api('/api/press-releases', json({ summary: 'no title', body: lexical('x') }))
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(JSON.stringify(body.errors)).toContain('"path":"title"')
  })

  it('answers a duplicate slug with 400 naming the slug', async () => {
    const first = await api('/api/topics', json({ name: 'Screening', slug: 'screening' }))
    expect(first.status).toBe(201)
    const res = await api('/api/topics', json({ name: 'Screening again', slug: 'screening' }))
    expect(res.status).toBe(400)
    expect(JSON.stringify((await res.json()).errors)).toContain('"path":"slug"')
  })

  it('refuses a non-image upload and an oversize upload with 400 naming the file', async () => {
    const form = (bytes: Uint8Array, type: string, name: string) => {
      const fd = new FormData()
      fd.append('file', new Blob([bytes as BlobPart], { type }), name)
      fd.append('_payload', JSON.stringify({ alt: 'Test file' }))
      return { method: 'POST', body: fd }
    }
    const text = await api('/api/media', form(new TextEncoder().encode('plain text'), 'text/plain', 'notes.txt'))
    expect(text.status).toBe(400)
    expect(JSON.stringify(await text.json())).toMatch(/file/i)
    // Over the 25 MB file limit but within the 26 MB an upload's body may have, so Payload reads it
    // and names the file (a larger body is a 413 before it is read: malformed-requests.test.ts).
    const big = await api('/api/media', form(new Uint8Array(25.5 * 1024 * 1024), 'application/pdf', 'huge.pdf'))
    expect(big.status).toBe(400)
    const body = JSON.stringify(await big.json())
    expect(body).toContain('"path":"file"')
    expect(body).toMatch(/25 MB/)
  })
})

describe('an unreachable MongoDB', () => {
  it('stops `npm start` within seconds with one line naming the host', async () => {
    const started = Date.now()
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URI: 'mongodb://127.0.0.1:9/newsroom', PAYLOAD_SECRET: 'x', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).not.toBe(0)
    expect(out).toContain('127.0.0.1:9')
    expect(Date.now() - started).toBeLessThan(15_000)
  })
})
