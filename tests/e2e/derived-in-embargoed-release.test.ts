/**
 * Quotes and milestones made through an embargoed release's editor, in real Chromium against the
 * production build, published right there in their drawers: each belongs to the release from its
 * own first save, so it is hidden from anonymous readers at once, before the release form saves
 * anything, and stays hidden until the embargo lifts, then is public (src/access/visibility.ts,
 * src/workflow/claimDerived.ts).
 * - The quote comes from "Quotes used" → add new: the quote's create, posted from the release's
 *   edit view, takes that release (`claimQuoteMadeInRelease`).
 * - The milestone comes from "Milestones announced" → add new: Payload's join drawer fills the
 *   milestone's "Announced in" with the release.
 * The release's own saves (its autosave adds the new quote to "Quotes used", which would tie the
 * quote too) are blocked in the browser throughout, so nothing here depends on them. One release
 * and one embargo serve both, so the test waits for a single lift.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { releaseData } from '../helpers/fixtures'
import { startServer, type TestServer } from '../helpers/server'

const PASSWORD = 'a long enough password'
const TAG = Date.now().toString(36)
const QUOTE_WORD = `bluebell${TAG}`
const MILESTONE_TITLE = `Foxglove ${TAG} network opens`
const EMBARGO_MS = 100_000

let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
let editorToken = ''
let releaseId = 0
let embargoUntil = ''
let quoteId: number | null = null
let milestoneId: number | null = null

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

const text = async (pathname: string) => (await fetch(`${server.url}${pathname}`)).text()

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

  context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  page = await context.newPage()
  // The release's own saves never reach the server: only the quote's and milestone's do.
  await page.route(`**/api/press-releases/${releaseId}**`, (route) =>
    route.request().method() === 'GET' ? route.continue() : route.abort(),
  )
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', 'editor@example.org')
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
  await page.goto(`${server.url}/admin/collections/press-releases/${releaseId}`)
  await page.locator('.tabs-field__tab-button', { hasText: 'Relations' }).click()
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.stop()
})

/** Whether anonymous readers find the quote: in the REST list, by its id, and in search. */
const quotePublicly = async () => {
  const list = await api(`/api/quotes?where[id][equals]=${quoteId}&depth=0`)
  const byId = await api(`/api/quotes/${quoteId}?depth=0`)
  const search = await text(`/search?q=${QUOTE_WORD}`)
  // The words after the searched one: the page repeats the query itself.
  return { list: list.json.totalDocs as number, byId: byId.status, search: search.includes('for the whole region') }
}

/** Whether anonymous readers find the milestone: REST list and by id, the timeline page, its feed. */
const milestonePublicly = async () => {
  const list = await api(`/api/milestones?where[id][equals]=${milestoneId}&depth=0`)
  const byId = await api(`/api/milestones/${milestoneId}?depth=0`)
  const timeline = await text('/milestones')
  const feed = await text('/milestones/feed.json')
  return {
    list: list.json.totalDocs as number,
    byId: byId.status,
    page: timeline.includes(MILESTONE_TITLE),
    feed: feed.includes(MILESTONE_TITLE),
  }
}

const HIDDEN_QUOTE = { list: 0, byId: 404, search: false }
const HIDDEN_MILESTONE = { list: 0, byId: 404, page: false, feed: false }

describe('derived content made in an embargoed release’s editor', () => {
  it('a quote published in the “Quotes used” drawer belongs to the release from its first save', async () => {
    const field = page.locator('.field-type.relationship').filter({ hasText: 'Quotes used' })
    await field.locator('.relationship-add-new__add-button').first().click()
    const drawer = page.locator('.drawer--is-open').last()
    await drawer.locator('#field-text').fill(`A ${QUOTE_WORD} for the whole region.`)
    await drawer.locator('#field-speakerName').fill('Dana Reyes')
    const created = page.waitForResponse(
      (res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/quotes',
    )
    await drawer.getByRole('button', { name: 'Publish changes', exact: true }).click()
    const response = await created
    expect(response.status()).toBe(201)
    const doc = (await response.json()).doc
    quoteId = doc.id
    // Checked at once: the release form has not saved (and cannot: its saves are blocked).
    expect(await quotePublicly()).toEqual(HIDDEN_QUOTE)
    const read = await api(`/api/quotes/${quoteId}?depth=0`, { token: editorToken })
    expect(read.json).toMatchObject({ release: releaseId, _status: 'published' })
    expect(doc.release).toBe(releaseId)
    // The drawer stays open on the saved quote; closing it returns to the release.
    await drawer.locator('.doc-drawer__header-close').click()
    await drawer.waitFor({ state: 'detached', timeout: 30_000 })
  })

  it('a milestone published in the “Milestones announced” drawer is announced in the release', async () => {
    const join = page.locator('.relationship-table').filter({ hasText: 'Milestones announced' })
    await join.locator('.relationship-table__add-new').first().click()
    const drawer = page.locator('.drawer--is-open').last()
    await drawer.locator('#field-title').fill(MILESTONE_TITLE)
    await drawer.locator('#field-date input').fill('December 1, 2026')
    await drawer.locator('#field-date input').press('Enter')
    await drawer.locator('#field-kind .rs__control').click()
    await page.locator('.rs__option', { hasText: 'Launch' }).click()
    const created = page.waitForResponse(
      (res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/milestones',
    )
    await drawer.getByRole('button', { name: 'Publish changes', exact: true }).click()
    const response = await created
    expect(response.status(), await response.text()).toBe(201)
    milestoneId = (await response.json()).doc.id
    expect(await milestonePublicly()).toEqual(HIDDEN_MILESTONE)
    const read = await api(`/api/milestones/${milestoneId}?depth=0`, { token: editorToken })
    expect(read.json).toMatchObject({ announcedIn: releaseId, _status: 'published', title: MILESTONE_TITLE })
    // The join lists it under the release.
    await join.getByText(MILESTONE_TITLE).first().waitFor({ timeout: 30_000 })
  })

  it(
    'both are hidden everywhere until the embargo lifts, then public',
    async () => {
      expect(quoteId).not.toBeNull()
      expect(milestoneId).not.toBeNull()
      expect(Date.now()).toBeLessThan(Date.parse(embargoUntil))
      expect(await quotePublicly()).toEqual(HIDDEN_QUOTE)
      expect(await milestonePublicly()).toEqual(HIDDEN_MILESTONE)

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(embargoUntil) - Date.now() + 500)))
      await expect
        .poll(quotePublicly, { timeout: 30_000, interval: 1000 })
        .toEqual({ list: 1, byId: 200, search: true })
      await expect
        .poll(milestonePublicly, { timeout: 30_000, interval: 1000 })
        .toEqual({ list: 1, byId: 200, page: true, feed: true })
    },
    EMBARGO_MS + 90_000,
  )
})
