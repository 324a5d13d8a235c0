import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseData } from '../helpers/fixtures'
import { firstAdmin, type Rest, uploadForm } from '../helpers/rest'
import { freePort, startServer, type TestServer } from '../helpers/server'

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)
const work = mkdtempSync(path.join(tmpdir(), 'newsroom-backup-test-'))
const servers: TestServer[] = []
let original: TestServer
let rest: Rest

/** `npm run backup` / `npm run restore` (the scripts npm runs), for the folders in `dir`. */
const script = async (name: 'backup' | 'restore', dir: string, args: string[]) => {
  const env = {
    ...process.env,
    DATABASE_URI: `file:${path.join(dir, 'newsroom.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    PORT: String(await freePort()),
  }
  return run(process.execPath, [path.join(ROOT, `scripts/${name}.mjs`), ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )
}

beforeAll(async () => {
  original = await startServer()
  servers.push(original)
  rest = await firstAdmin(original)
})
afterAll(async () => {
  for (const server of servers) await server.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('npm run backup and npm run restore', () => {
  it('back up a running newsroom while it is written to, and restore it into a fresh folder that serves the same content', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer()
    const media = (
      await (
        await rest.call('/api/media', uploadForm(png, 'image/png', 'backup-check.png', { alt: 'Backup check' }))
      ).json()
    ).doc
    const release = await rest.send(
      '/api/press-releases',
      releaseData({ title: 'Backed up release', heroImage: media.id, _status: 'published' }),
    )
    expect(release.status).toBe(201)

    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        const res = await rest.send('/api/topics', {
          name: `Written during backup ${++written}`,
          slug: `during-backup-${written}`,
        })
        expect(res.status).toBe(201)
      }
    })()
    const before = await (await rest.call('/api/press-releases?limit=200&depth=0&sort=id')).json()
    const backup = await script('backup', original.dir, ['--out', path.join(work, 'backups')])
    writing = false
    await writer
    expect(backup.code, backup.stderr).toBe(0)
    const archive = backup.stdout.trim()
    expect(archive).toMatch(/newsroom-\d{8}-\d{6}\.tar\.gz$/)
    expect(written).toBeGreaterThan(0)

    const fresh = path.join(work, 'restored')
    const restored = await script('restore', fresh, [archive])
    expect(restored.code, restored.stderr).toBe(0)
    const again = await script('restore', fresh, [archive])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists: add --force/)

    const copy = await startServer({}, { dir: fresh })
    servers.push(copy)
    // The signing secret came along: the editor's session is still valid on the restored copy.
    const call = (p: string) => fetch(`${copy.url}${p}`, { headers: { Authorization: `JWT ${rest.token}` } })
    const after = await (await call('/api/press-releases?limit=200&depth=0&sort=id')).json()
    expect(after.docs.map((d: { id: number; title: string }) => [d.id, d.title])).toEqual(
      before.docs.map((d: { id: number; title: string }) => [d.id, d.title]),
    )
    const page = await fetch(`${copy.url}/news/${(await release.json()).doc.slug}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Backed up release')
    const image = await fetch(`${copy.url}${media.url}`)
    expect(image.status).toBe(200)
    expect(
      Buffer.from(await image.arrayBuffer()).equals(
        Buffer.from(await (await fetch(`${original.url}${media.url}`)).arrayBuffer()),
      ),
    ).toBe(true)
    // Topics written during the backup: a consistent prefix, each one whole.
    const topics = (await (await call('/api/topics?limit=1000&sort=id&where[slug][like]=during-backup')).json()).docs
    topics.forEach((t: { name: string; slug: string }, i: number) =>
      expect([t.name, t.slug]).toEqual([`Written during backup ${i + 1}`, `during-backup-${i + 1}`]),
    )
    expect(topics.length).toBeLessThanOrEqual(written)
  })

  it('refuses to restore a file that is not a backup, and refuses while a server answers', async () => {
    const junk = path.join(work, 'junk.tar.gz')
    writeFileSync(junk, 'not an archive')
    const refused = await script('restore', path.join(work, 'other'), [junk])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/is not a newsroom backup/)
    expect(refused.stderr).not.toMatch(/\n\s+at /)

    const port = new URL(original.url).port
    const env = { ...process.env, DATABASE_URI: `file:${path.join(work, 'other/newsroom.db')}`, PORT: port }
    const running = await run(process.execPath, [path.join(ROOT, 'scripts/restore.mjs'), junk], {
      cwd: ROOT,
      env,
    }).catch((e) => e)
    expect(running.code).toBe(1)
    expect(running.stderr).toMatch(new RegExp(`server is answering on port ${port}`))
  })
})
