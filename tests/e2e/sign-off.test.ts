/**
 * Sign-off of a joint release in the admin, on the production build: an approver's dashboard
 * lists it under "Waiting for your sign-off", the release shows the text being approved with its
 * version, and the Approve control records the approval; the editor then sees who is still
 * missing and cannot publish until the other partner signs off. With SCREENSHOT_DIR set, the
 * sign-off screens are saved at 390 and 1280 px.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

const PASSWORD = 'a long enough password'
const SCREENS = process.env.SCREENSHOT_DIR

let server: TestServer
let browser: Browser
let editor = ''
let releaseId = 0
const title = `Memorial Sloan Kettering names Hartford HealthCare a Care Partner ${Date.now().toString(36)}`

const api = async (pathname: string, init: { body?: unknown; method?: string; token?: string } = {}) => {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, any> }
}

const login = async (email: string) =>
  (await api('/api/users/login', { body: { email, password: PASSWORD } })).json.token as string

const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
})

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'false' })
  browser = await launchBrowser()
  await api('/api/users/first-register', {
    body: { name: 'Ada Admin', email: 'admin@example.org', password: PASSWORD },
  })
  const admin = await login('admin@example.org')
  const users: Record<string, number> = {}
  for (const [name, role, email] of [
    ['Eli Editor', 'editor', 'editor@example.org'],
    ['Hana Hartford', 'contributor', 'hana@example.org'],
    ['Mo Memorial', 'contributor', 'mo@example.org'],
  ]) {
    const res = await api('/api/users', { token: admin, body: { name, role, email, password: PASSWORD } })
    expect(res.status).toBe(201)
    users[email] = res.json.doc.id
  }
  const partner = async (name: string, approver: number) =>
    (await api('/api/partners', { token: admin, body: { name, kind: 'health-system', approvers: [approver] } })).json
      .doc.id as number
  const hartford = await partner('Hartford HealthCare', users['hana@example.org'])
  const msk = await partner('Memorial Sloan Kettering', users['mo@example.org'])
  editor = await login('editor@example.org')
  const created = await api('/api/press-releases?draft=true', {
    token: editor,
    body: {
      title,
      summary: 'Hartford HealthCare becomes a Memorial Sloan Kettering Care Partner, the first in Connecticut.',
      dateline: 'HARTFORD, Conn.',
      partners: [hartford, msk],
      body: {
        root: {
          type: 'root',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          children: [
            paragraph(
              'Hartford HealthCare and Memorial Sloan Kettering Cancer Center today announced the designation.',
            ),
            paragraph('Patients gain access to clinical trials closer to home.'),
          ],
        },
      },
    },
  })
  expect(created.status).toBe(201)
  releaseId = created.json.doc.id
  expect(
    (await api(`/api/press-releases/${releaseId}/review`, { token: editor, body: { action: 'submit' } })).status,
  ).toBe(200)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const shoot = async (page: Page, name: string) => {
  if (!SCREENS) return
  mkdirSync(SCREENS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true })
}

const signIn = async (email: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
  return { context, page }
}

const releaseUrl = () => `${server.url}/admin/collections/press-releases/${releaseId}`

describe('signing off a joint release in the admin', () => {
  it('lists the release on the approver’s dashboard and shows the text with its version', async () => {
    for (const width of [390, 1280]) {
      const { context, page } = await signIn('hana@example.org', width)
      await page.goto(`${server.url}/admin`)
      const queue = page.locator('section.sign-off-queue')
      await expect.poll(() => queue.textContent(), { timeout: 20_000 }).toMatch(/Waiting for your sign-off \(1\)/)
      expect(await queue.textContent()).toContain(title)
      expect(await queue.textContent()).toContain('for Hartford HealthCare')
      await shoot(page, `dashboard-approver-${width}`)

      await page.goto(releaseUrl())
      const panel = page.locator('section.sign-off')
      await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toMatch(/Sign-off by partners/)
      const text = (await panel.textContent()) ?? ''
      expect(text).toMatch(/Publishing and scheduling wait for: Hartford HealthCare, Memorial Sloan Kettering/)
      expect(text).toContain('Patients gain access to clinical trials closer to home.')
      expect(text).toMatch(/The text you sign off for Hartford HealthCare/)
      await expect.poll(() => page.getByRole('button', { name: /Approve version/ }).count()).toBe(1)
      await expect.poll(() => page.locator('#field-title').isEditable(), { timeout: 30_000 }).toBe(true)
      await shoot(page, `release-approver-${width}`)
      await context.close()
    }
  })

  it('records the approval from the Approve control, and the editor sees who is still missing', async () => {
    const { context, page } = await signIn('hana@example.org')
    await page.goto(releaseUrl())
    const approve = page.getByRole('button', { name: /Approve version/ })
    await expect.poll(() => approve.isEnabled(), { timeout: 30_000 }).toBe(true)
    await approve.click()
    const panel = page.locator('section.sign-off')
    await expect
      .poll(() => panel.textContent(), { timeout: 30_000 })
      .toMatch(/Hartford HealthCare\s*Signed off by Hana Hartford/)
    expect(await page.getByRole('button', { name: /Approve version/ }).count()).toBe(0)
    await page.goto(`${server.url}/admin`)
    await expect
      .poll(() => page.locator('section.sign-off-queue').textContent(), { timeout: 20_000 })
      .toMatch(/Waiting for your sign-off \(0\)/)
    await context.close()

    const refused = await api(`/api/press-releases/${releaseId}`, {
      method: 'PATCH',
      token: editor,
      body: { _status: 'published' },
    })
    expect(refused.status).toBe(409)
    expect(refused.json.errors[0].message).toMatch(/Still missing .*: Memorial Sloan Kettering\.$/)

    for (const width of [390, 1280]) {
      const { context: ctx, page: editorPage } = await signIn('editor@example.org', width)
      await editorPage.goto(releaseUrl())
      const editorPanel = editorPage.locator('section.sign-off')
      await expect
        .poll(() => editorPanel.textContent(), { timeout: 30_000 })
        .toMatch(/Publishing and scheduling wait for: Memorial Sloan Kettering\./)
      // The form is ready (not greyed out while it loads) once its title field can be typed in.
      await expect.poll(() => editorPage.locator('#field-title').isEditable(), { timeout: 30_000 }).toBe(true)
      await shoot(editorPage, `release-editor-${width}`)
      if (width === 1280) {
        await editorPage.locator('.tabs-field__tab-button', { hasText: 'Activity' }).click()
        await expect
          .poll(() => editorPage.locator('section[aria-labelledby="audit-trail"]').textContent(), { timeout: 15_000 })
          .toMatch(/Signed off \(for Hartford HealthCare\) · version [0-9a-f]{16}/)
        await shoot(editorPage, `activity-editor-${width}`)
      }
      await ctx.close()
    }

    const mo = await login('mo@example.org')
    const version = refused.json.errors[0].message.match(/\(([0-9a-f]{16})\)/)[1]
    expect(
      (await api(`/api/press-releases/${releaseId}/review`, { token: mo, body: { action: 'approve', version } }))
        .status,
    ).toBe(200)
    const published = await api(`/api/press-releases/${releaseId}`, {
      method: 'PATCH',
      token: editor,
      body: { _status: 'published' },
    })
    expect(published.status).toBe(200)
  })
})
