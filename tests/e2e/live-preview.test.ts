/**
 * Live preview through Payload's own packages: the admin's preview frame opens the page in draft
 * mode (src/preview/urls.ts), `RefreshRouteOnSave` (@payloadcms/live-preview-react) tells the admin
 * the page is ready and re-renders it on every save, so typing in the editor shows in the frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { apiAs, setUpStaff } from '../helpers/staff'

let server: TestServer
let staff: Awaited<ReturnType<typeof setUpStaff>>

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
  server = await startServer()
  staff = await setUpStaff(server.url)
})
afterAll(() => server?.stop())

describe('live preview', () => {
  it('shows the draft in the preview frame and follows each save', async () => {
    const release = (
      await apiAs<{ doc: { id: number } }>(server.url, staff.editor, '/api/press-releases?draft=true', {
        title: 'Preview probe before',
        summary: 'A draft for the live preview.',
        body: lexical('Draft body.'),
      })
    ).doc
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      await page.goto(`${server.url}/admin/login`)
      await page.fill('#field-email', 'editor@example.org')
      await page.fill('#field-password', 'a long enough password')
      await page.click('button[type=submit]')
      await page.waitForURL(/\/admin$/)
      await page.goto(`${server.url}/admin/collections/press-releases/${release.id}`)
      await page.click('#live-preview-toggler')
      const frame = page.frameLocator('iframe')
      await expect
        .poll(() => frame.locator('h1').first().textContent(), { timeout: 30_000 })
        .toBe('Preview probe before')
      await expect(frame.locator('.preview-bar').textContent()).resolves.toMatch(/Preview/)

      await page.fill('#field-title', 'Preview probe after')
      // Autosave (every 2 s) saves the draft; the frame re-renders from the server.
      await expect
        .poll(() => frame.locator('h1').first().textContent(), { timeout: 30_000 })
        .toBe('Preview probe after')
    } finally {
      await browser.close()
    }
  })
})
