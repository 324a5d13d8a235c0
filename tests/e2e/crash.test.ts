import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'

import { releaseData } from '../helpers/fixtures'
import { firstAdmin } from '../helpers/rest'
import { startServer, type TestServer } from '../helpers/server'

const dirs: string[] = []
const servers: TestServer[] = []
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-crash-'))
  dirs.push(dir)
  return dir
}
const serve = async (dir: string, command: 'next' | 'npm-start' = 'next') => {
  const server = await startServer({ SEED_DEMO: 'false' }, { dir, command })
  servers.push(server)
  return server
}
afterAll(async () => {
  for (const server of servers) await server.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const exitOf = (server: TestServer) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    server.child.exitCode !== null || server.child.signalCode !== null
      ? resolve({ code: server.child.exitCode, signal: server.child.signalCode })
      : server.child.once('exit', (code, signal) => resolve({ code, signal })),
  )

describe('a server killed with SIGKILL in the middle of a burst of writes', () => {
  it('opens cleanly on restart with every acknowledged release complete and no half-written one', async () => {
    const dir = folder()
    const first = await serve(dir)
    const admin = await firstAdmin(first)
    const topic = (await (await admin.send('/api/topics', { name: 'Crash safety', slug: 'crash-safety' })).json()).doc
      .id

    const acknowledged = new Map<number, string>()
    let sent = 0
    let killed = false
    const writer = async () => {
      while (!killed) {
        const title = `Crash burst release ${++sent}`
        try {
          const res = await admin.send(
            '/api/press-releases',
            releaseData({ title, topics: [topic], _status: 'published' }),
          )
          if (res.status === 201) acknowledged.set((await res.json()).doc.id, title)
          else expect.fail(`create answered ${res.status}: ${await res.text()}`)
        } catch {
          // The connection died with the server: not acknowledged.
        }
      }
    }
    const writers = Array.from({ length: 6 }, writer)
    while (acknowledged.size < 15) await new Promise((r) => setTimeout(r, 20))
    first.child.kill('SIGKILL')
    killed = true
    expect((await exitOf(first)).signal).toBe('SIGKILL')
    await Promise.all(writers)
    expect(sent).toBeGreaterThan(acknowledged.size)

    const second = await serve(dir)
    const health = await fetch(`${second.url}/api/health`)
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' })
    const again = await firstAdmin(second)
    const list = await (
      await again.call('/api/press-releases?limit=1000&depth=0&where[title][like]=Crash burst')
    ).json()
    const stored = new Map<number, Record<string, unknown>>(list.docs.map((d: { id: number }) => [d.id, d]))
    for (const [id, title] of acknowledged) {
      expect(stored.get(id), `acknowledged release ${id}`).toMatchObject({
        title,
        _status: 'published',
        topics: [topic],
      })
    }
    // Acknowledged or not, every release that exists is whole: all its fields and its version.
    for (const doc of stored.values()) {
      expect(doc).toMatchObject({
        summary: expect.any(String),
        slug: expect.any(String),
        publishedAt: expect.any(String),
        topics: [topic],
      })
      expect((doc.body as { root: { children: unknown[] } }).root.children.length).toBeGreaterThan(0)
      const versions = await (
        await again.call(`/api/press-releases/versions?depth=0&where[parent][equals]=${doc.id}`)
      ).json()
      expect(
        versions.docs.map((v: { version: { title: string } }) => v.version.title),
        `versions of ${doc.id}`,
      ).toContain(doc.title)
    }
    const db = createClient({ url: `file:${path.join(dir, 'newsroom.db')}` })
    try {
      expect((await db.execute('PRAGMA integrity_check')).rows[0][0]).toBe('ok')
    } finally {
      db.close()
    }
  })
})

/** A JSON POST whose body is sent in two halves, `between()` running in the middle. */
const slowPost = (url: string, token: string, body: unknown, between: () => Promise<void>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body))
    const req = request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Authorization: `JWT ${token}` },
    })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.write(data.subarray(0, 10))
    between().then(() => req.end(data.subarray(10)), reject)
  })

describe('SIGTERM to `npm start`', () => {
  it('finishes the requests in flight, then exits 0 within seconds', async () => {
    const dir = folder()
    const server = await serve(dir, 'npm-start')
    const admin = await firstAdmin(server)
    const exited = exitOf(server)
    let signalledAt = 0
    const written = await slowPost(
      `${server.url}/api/topics`,
      admin.token,
      { name: 'Sent across a shutdown', slug: 'across-shutdown' },
      async () => {
        await new Promise((r) => setTimeout(r, 300))
        signalledAt = Date.now()
        server.child.kill('SIGTERM')
        await new Promise((r) => setTimeout(r, 500))
      },
    )
    expect(written.status).toBe(201)
    expect(await exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - signalledAt).toBeLessThan(10_000)

    const after = await serve(dir)
    const topics = await (await fetch(`${after.url}/api/topics?where[slug][equals]=across-shutdown`)).json()
    expect(topics.totalDocs).toBe(1)
  })
})

describe('an embedded database that cannot be opened', () => {
  const startFails = async (file: string) => {
    const started = Date.now()
    const error = await startServer({ DATABASE_URI: `file:${file}` }).then(
      async (s) => (await s.stop(), 'started'),
      (e: Error) => e.message,
    )
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(error).toMatch(/server exited \(1\)/)
    expect(error).toContain(`Cannot start: the embedded database ${file} cannot be opened (`)
    expect(error).not.toMatch(/\n\s+at /)
    return error
  }

  it('stops the server within seconds with one line naming the file, for a folder that cannot be made', async () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'not-a-folder'), '')
    expect(await startFails(path.join(dir, 'not-a-folder/newsroom.db'))).toMatch(/not-a-folder/)
  })

  it('does the same for a file that is not a database', async () => {
    const dir = folder()
    writeFileSync(
      path.join(dir, 'newsroom.db'),
      'these bytes are not an SQLite database, and there are enough of them to fill a header'.repeat(20),
    )
    expect(await startFails(path.join(dir, 'newsroom.db'))).toMatch(/not a database/i)
  })
})
