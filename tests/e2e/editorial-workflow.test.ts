import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

const PASSWORD = 'a long enough password'
const CRON_SECRET = 'cron-secret-for-tests-0123456789'
const SCREENS = process.env.SCREENSHOT_DIR

let server: TestServer
let browser: Browser

const api = async (
  pathname: string,
  init: { body?: unknown; method?: string; token?: string; headers?: Record<string, string> } = {},
) => {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, any> }
}

const login = async (email: string) =>
  (await api('/api/users/login', { body: { email, password: PASSWORD } })).json.token as string

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'false', CRON_SECRET })
  browser = await launchBrowser()
  await api('/api/users/first-register', {
    body: { name: 'Ada Admin', email: 'admin@example.org', password: PASSWORD },
  })
  const admin = await login('admin@example.org')
  for (const [name, role] of [
    ['Cora Contributor', 'contributor'],
    ['Eli Editor', 'editor'],
  ]) {
    const res = await api('/api/users', {
      token: admin,
      body: { name, role, email: `${role}@example.org`, password: PASSWORD },
    })
    expect(res.status).toBe(201)
  }
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const shoot = async (page: Page, name: string) => {
  if (!SCREENS) return
  mkdirSync(SCREENS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: false })
}

const signIn = async (email: string): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
  return { context, page }
}

describe('a release from a contributor’s draft to the newsroom', () => {
  const title = `Care Partner network adds a second hospital ${Date.now().toString(36)}`
  let id = ''
  let slug = ''

  it('lets a contributor write a draft in the admin and submit it for review, without a Publish button', async () => {
    const { context, page } = await signIn('contributor@example.org')
    await page.goto(`${server.url}/admin/collections/press-releases/create`)
    // Opening the form saves nothing; the first Save Draft creates the draft, then autosave takes over.
    await page.fill('#field-title', title)
    await page.getByRole('button', { name: 'Save Draft' }).click()
    await page.waitForURL(/\/press-releases\/\d+/, { timeout: 30_000 })
    id = page.url().match(/\/press-releases\/(\d+)/)![1]
    await page.fill(
      '#field-summary',
      'A second hospital joins the Care Partner network, bringing trial access closer to patients.',
    )
    const body = page.locator('[data-lexical-editor="true"]').first()
    await body.click()
    await page.keyboard.type('The network grows to a second hospital this month.')
    await expect.poll(async () => await page.getByRole('button', { name: 'Publish changes' }).count()).toBe(0)
    await shoot(page, 'contributor-draft')

    // Enabled once autosave has stored the typing.
    const submit = page.getByRole('button', { name: 'Submit for review' })
    await expect.poll(() => submit.isEnabled(), { timeout: 20_000 }).toBe(true)
    await submit.click()
    await page.waitForLoadState('load')
    await expect.poll(() => page.getByText('Awaiting review.').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await shoot(page, 'contributor-submitted')
    await context.close()

    const editorToken = await login('editor@example.org')
    const latest = await api(`/api/press-releases/${id}?draft=true&depth=0`, { token: editorToken })
    expect(latest.json.reviewStatus).toBe('awaiting_review')
    expect(latest.json.title).toBe(title)
    slug = latest.json.slug
    // Not public yet: not on the page, not in the feed.
    expect((await fetch(`${server.url}/news/${slug}`)).status).toBe(404)
    expect((await (await fetch(`${server.url}/feed.xml`)).text()).includes(title)).toBe(false)
  })

  it('shows the editor what awaits review, and a preview of the draft only to staff', async () => {
    const { context, page } = await signIn('editor@example.org')
    await page.goto(`${server.url}/admin`)
    await expect
      .poll(() => page.getByRole('heading', { name: /Awaiting your review \(1\)/ }).count(), { timeout: 15_000 })
      .toBe(1)
    await shoot(page, 'editor-dashboard')

    const preview = await context.newPage()
    await preview.goto(`${server.url}/preview/enter?path=${encodeURIComponent(`/news/${slug}`)}`)
    await expect.poll(() => preview.getByRole('heading', { level: 1, name: title }).count()).toBe(1)
    expect(await preview.getByText('DRAFT: not published').count()).toBe(1)
    await shoot(preview, 'editor-preview')
    // The draft-mode cookie on its own (no staff session) shows nothing.
    const cookies = await context.cookies()
    const bypass = cookies.find((c) => c.name === '__prerender_bypass')
    expect(bypass).toBeDefined()
    const leaked = await fetch(`${server.url}/news/${slug}`, {
      headers: { cookie: `${bypass!.name}=${bypass!.value}` },
    })
    expect(leaked.status).toBe(404)
    expect((await fetch(`${server.url}/preview/enter?path=/news/${slug}`, { redirect: 'manual' })).status).toBe(401)
    expect((await fetch(`${server.url}/preview/enter?path=//evil.example`, { redirect: 'manual' })).status).toBe(400)
    await preview.getByRole('link', { name: 'Exit preview' }).click()
    await preview.waitForLoadState('load')
    expect(await preview.getByText('Page not found').count()).toBeGreaterThan(0)
    await preview.close()

    await page.goto(`${server.url}/admin/collections/press-releases/${id}`)
    await page.getByText('Awaiting review.').first().waitFor()
    await shoot(page, 'editor-review')
    await page.getByRole('button', { name: 'Publish changes' }).click()
    await expect.poll(async () => (await api(`/api/press-releases/${id}`)).status, { timeout: 15_000 }).toBe(200)
    await context.close()
  })

  it('puts the published release in the newsroom and the feed, and records who did what', async () => {
    const page = await fetch(`${server.url}/news/${slug}`)
    expect(page.status).toBe(200)
    expect((await page.text()).includes(title)).toBe(true)
    expect((await (await fetch(`${server.url}/feed.xml`)).text()).includes(title)).toBe(true)
    expect((await (await fetch(`${server.url}/`)).text()).includes(title)).toBe(true)

    const token = await login('editor@example.org')
    const trail = await api(`/api/release-activity?where[release][equals]=${id}&sort=createdAt&depth=1`, { token })
    expect(trail.json.docs.map((a: any) => [a.action, a.user?.name])).toEqual([
      ['created', 'Cora Contributor'],
      ['submitted', 'Cora Contributor'],
      ['published', 'Eli Editor'],
    ])
    // Anonymous readers see neither the trail nor the review fields.
    expect((await api(`/api/release-activity`)).status).toBe(403)
    expect((await api(`/api/press-releases/${id}`)).json).not.toHaveProperty('reviewStatus')
  })
})

describe('an embargoed release', () => {
  it('carries an EMBARGOED banner for staff in the admin and in preview', async () => {
    const editor = await login('editor@example.org')
    const created = await api('/api/press-releases', {
      token: editor,
      body: {
        title: 'Under embargo until next week',
        summary: 'Embargoed.',
        _status: 'published',
        embargoUntil: new Date(Date.now() + 7 * 864e5).toISOString(),
        body: {
          root: {
            type: 'root',
            version: 1,
            children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Body.', version: 1 }] }],
          },
        },
      },
    })
    const { id, slug } = created.json.doc
    const { context, page } = await signIn('editor@example.org')
    await page.goto(`${server.url}/admin/collections/press-releases/${id}`)
    await expect.poll(() => page.getByText(/EMBARGOED until/).count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await shoot(page, 'editor-embargoed')
    await page.goto(`${server.url}/preview/enter?path=${encodeURIComponent(`/news/${slug}`)}`)
    await expect.poll(() => page.getByText(/EMBARGOED until/).count()).toBe(1)
    await context.close()
    expect((await fetch(`${server.url}/news/${slug}`)).status).toBe(404)
  })
})

describe('review actions over HTTP', () => {
  it('answer 401 to anonymous requests and a clear 4xx to bad ones', async () => {
    const editor = await login('editor@example.org')
    const created = await api('/api/press-releases?draft=true', {
      token: editor,
      body: { title: 'Review over HTTP', summary: 's' },
    })
    const id = created.json.doc.id
    expect((await api(`/api/press-releases/${id}/review`, { body: { action: 'submit' } })).status).toBe(401)
    const bad = await api(`/api/press-releases/${id}/review`, { token: editor, body: { action: 'launch' } })
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0].message).toMatch(/"action" must be one of/)
    // Sign-off actions are for joint releases only: on a release of one partner, a 400 naming the action.
    const signOff = await api(`/api/press-releases/${id}/review`, { token: editor, body: { action: 'approve' } })
    expect(signOff.status).toBe(400)
    expect(signOff.json.errors[0].message).toMatch(/approve/)
    const noComment = await api(`/api/press-releases/${id}/review`, { token: editor, body: { action: 'send-back' } })
    expect(noComment.status).toBe(400)
    expect(noComment.json.errors[0].data.errors[0].path).toBe('comment')
    const missing = await api(`/api/press-releases/999999/review`, { token: editor, body: { action: 'submit' } })
    expect(missing.status).toBe(404)
    const ok = await api(`/api/press-releases/${id}/review`, { token: editor, body: { action: 'submit' } })
    expect(ok.status).toBe(200)
    expect(ok.json.reviewStatus).toBe('awaiting_review')
  })
})

describe('running due jobs from an external cron', () => {
  it('needs the CRON_SECRET bearer token (or a staff session)', async () => {
    expect((await api('/api/payload-jobs/run')).status).toBe(401)
    expect((await api('/api/payload-jobs/run', { headers: { authorization: 'Bearer wrong-secret' } })).status).toBe(401)
    const ok = await api('/api/payload-jobs/run', { headers: { authorization: `Bearer ${CRON_SECRET}` } })
    expect(ok.status).toBe(200)
    const contributor = await login('contributor@example.org')
    expect((await api('/api/payload-jobs/run', { token: contributor })).status).toBe(200)
  })

  it('lifts an embargo within seconds by itself (jobs run inside the server)', async () => {
    const editor = await login('editor@example.org')
    const embargoUntil = new Date(Date.now() + 3000).toISOString()
    const title = `Embargoed until a few seconds from now ${Date.now().toString(36)}`
    const created = await api('/api/press-releases', {
      token: editor,
      body: {
        title,
        summary: 'Embargoed.',
        _status: 'published',
        embargoUntil,
        body: {
          root: {
            type: 'root',
            version: 1,
            children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Body.', version: 1 }] }],
          },
        },
      },
    })
    expect(created.status).toBe(201)
    expect((await (await fetch(`${server.url}/feed.xml`)).text()).includes(title)).toBe(false)
    await expect
      .poll(async () => (await (await fetch(`${server.url}/feed.xml`)).text()).includes(title), {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(true)
    const token = await login('editor@example.org')
    await expect
      .poll(
        async () =>
          (await api(`/api/release-activity?where[release][equals]=${created.json.doc.id}`, { token })).json.docs.map(
            (a: any) => a.action,
          ),
        { timeout: 30_000, interval: 1000 },
      )
      .toContain('became-public')
  })
})
