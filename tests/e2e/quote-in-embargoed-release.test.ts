/**
 * A quote made through an embargoed release's editor ("Quotes used", its drawer), in real
 * Chromium against the production build: even published right there in the drawer, it belongs to
 * the release as soon as the release form saves (autosave), and is hidden from REST, the quote's
 * own URL and search until the embargo lifts, then public (src/access/visibility.ts,
 * src/workflow/claimDerived.ts).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { releaseData } from '../helpers/fixtures'
import { startServer, type TestServer } from '../helpers/server'

const PASSWORD = 'a long enough password'
const WORD = `bluebell${Date.now().toString(36)}`
const EMBARGO_MS = 100_000

let server: TestServer
let browser: Browser
let editorToken = ''
let releaseId = 0
let embargoUntil = ''
let quoteId: number | null = null

const api = async (pathname: string, init: { body?: unknown; method?: string; token?: string } = {}) => {
  const res = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, any> }
}

const login = async (email: string) =>
  (await api('/api/users/login', { body: { email, password: PASSWORD } })).json.token as string

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'false' })
  browser = await launchBrowser()
  await api('/api/users/first-register', {
    body: { name: 'Ada Admin', email: 'admin@example.org', password: PASSWORD },
  })
  const admin = await login('admin@example.org')
  const made = await api('/api/users', {
    token: admin,
    body: { name: 'Eli Editor', role: 'editor', email: 'editor@example.org', password: PASSWORD },
  })
  expect(made.status).toBe(201)
  editorToken = await login('editor@example.org')
  embargoUntil = new Date(Date.now() + EMBARGO_MS).toISOString()
  const release = await api('/api/press-releases', {
    token: editorToken,
    body: releaseData({
      _status: 'published',
      publishedAt: new Date(Date.now() - 3600_000).toISOString(),
      embargoUntil,
    }),
  })
  expect(release.status, JSON.stringify(release.json)).toBe(201)
  releaseId = release.json.doc.id
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Whether anonymous readers find the quote: in the REST list, by its id, and in search. */
const publicly = async () => {
  const list = await api(`/api/quotes?where[id][equals]=${quoteId}&depth=0`)
  const byId = await api(`/api/quotes/${quoteId}?depth=0`)
  const search = await (await fetch(`${server.url}/search?q=${WORD}`)).text()
  // The words after the searched one: the page repeats the query itself.
  return { list: list.json.totalDocs as number, byId: byId.status, search: search.includes('for the whole region') }
}

describe('a quote made in an embargoed release’s drawer', () => {
  it('belongs to the release once the release form saves, though published in the drawer', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', 'editor@example.org')
    await page.fill('#field-password', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })

    await page.goto(`${server.url}/admin/collections/press-releases/${releaseId}`)
    await page.locator('.tabs-field__tab-button', { hasText: 'Relations' }).click()
    const field = page.locator('.field-type.relationship').filter({ hasText: 'Quotes used' })
    await field.locator('.relationship-add-new__add-button').first().click()
    const drawer = page.locator('.drawer--is-open').last()
    await drawer.locator('#field-text').fill(`A ${WORD} for the whole region.`)
    await drawer.locator('#field-speakerName').fill('Dana Reyes')
    await drawer.getByRole('button', { name: 'Publish changes', exact: true }).click()
    const find = () => api(`/api/quotes?where[text][contains]=${WORD}&depth=0&draft=true`, { token: editorToken })
    await expect.poll(async () => (await find()).json.totalDocs, { timeout: 30_000 }).toBe(1)
    // The release form, which now uses the quote, autosaves: that save ties the quote to it.
    await expect
      .poll(async () => (await find()).json.docs[0].release, { timeout: 30_000, interval: 1000 })
      .toBe(releaseId)
    await context.close()
    const quote = (await find()).json.docs[0]
    quoteId = quote.id
    expect(quote._status).toBe('published')
  })

  it(
    'is hidden everywhere until the embargo lifts, then public',
    async () => {
      expect(quoteId).not.toBeNull()
      expect(Date.now()).toBeLessThan(Date.parse(embargoUntil))
      expect(await publicly()).toEqual({ list: 0, byId: 404, search: false })

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(embargoUntil) - Date.now() + 500)))
      await expect.poll(publicly, { timeout: 30_000, interval: 1000 }).toEqual({ list: 1, byId: 200, search: true })
    },
    EMBARGO_MS + 60_000,
  )
})
