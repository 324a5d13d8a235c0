/**
 * What comms staff found in the admin (issue 16), in Chromium on the production server: no
 * newsroom name or logo, no way to the public site, a draft created by merely opening "Create
 * new release", the embargo picker's time column cut off at 1280 px, contact rows opening
 * collapsed. Screenshots go to $TMPDIR/newsroom-screens/.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { apiAs, setUpStaff, type Session } from '../helpers/staff'

const SCREENS = path.join(tmpdir(), 'newsroom-screens')
let server: TestServer
let browser: Browser
let staff: Record<'admin' | 'editor' | 'contributor', Session>

const signedIn = async (session: Session, width = 1280): Promise<BrowserContext> => {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  await context.addCookies([{ name: 'payload-token', value: session.token, url: server.url }])
  return context
}

const releaseCount = async () =>
  (await apiAs<{ totalDocs: number }>(server.url, staff.admin, '/api/press-releases?draft=true&limit=1&depth=0'))
    .totalDocs

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true })
  server = await startServer()
  staff = await setUpStaff(server.url)
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('branding', () => {
  it('the login screen shows the newsroom’s name and mark', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.url}/admin/login`)
    const logo = page.locator('.newsroom-logo')
    await logo.waitFor()
    expect(await logo.innerText()).toContain('Partner Newsroom')
    expect(await logo.locator('svg').count()).toBe(1)
    await page.screenshot({ path: path.join(SCREENS, 'admin-login.png') })
    await page.close()
  })

  it('the dashboard links to the public site, and the navigation names the newsroom', async () => {
    const context = await signedIn(staff.editor)
    const page = await context.newPage()
    await page.goto(`${server.url}/admin`)
    const link = page.getByRole('link', { name: 'View the public newsroom' }).first()
    await link.waitFor()
    expect(await link.getAttribute('href')).toBe(`${server.url}/`)
    expect(await page.locator('.newsroom-nav-brand').innerText()).toContain('Partner Newsroom')
    expect(await page.locator('.newsroom-icon svg').count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(SCREENS, 'admin-dashboard.png') })
    await context.close()
  })
})

describe('"Create new release"', () => {
  it('creates no draft until someone has typed something and saved it, then autosaves that one', async () => {
    const before = await releaseCount()
    const context = await signedIn(staff.contributor)
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/press-releases/create`)
    await page.locator('#field-title').waitFor()
    // Longer than the autosave interval (2 s): nothing may be saved for an untouched form.
    await page.waitForTimeout(5000)
    expect(page.url()).toMatch(/\/press-releases\/create$/)
    expect(await releaseCount()).toBe(before)

    await page.locator('#field-title').fill('A release someone started')
    await page.getByRole('button', { name: 'Save Draft' }).click()
    await page.waitForURL(/\/press-releases\/\d+$/)
    expect(await releaseCount()).toBe(before + 1)
    // From here autosave keeps the same draft.
    await page.locator('#field-subtitle').fill('and went on writing')
    const id = page.url().split('/').pop()
    await expect
      .poll(
        async () =>
          (await apiAs<{ subtitle?: string }>(server.url, staff.admin, `/api/press-releases/${id}?draft=true&depth=0`))
            .subtitle,
        { timeout: 20_000 },
      )
      .toBe('and went on writing')
    expect(await releaseCount()).toBe(before + 1)
    await context.close()
  })
})

describe('the edit screen at 1280 px', () => {
  it('shows the embargo picker’s time column whole', async () => {
    // A laptop-height window: the sidebar scrolls, so its scrollbar takes room at the right.
    const context = await browser.newContext({ viewport: { width: 1280, height: 640 } })
    await context.addCookies([{ name: 'payload-token', value: staff.editor.token, url: server.url }])
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/press-releases/create`)
    await page.locator('#field-embargoUntil input').click()
    const time = page.locator('.react-datepicker__time-container')
    await time.waitFor()
    const fit = await page.evaluate(() => {
      const sidebar = document.querySelector('.document-fields__sidebar')!
      const visibleRight = sidebar.getBoundingClientRect().left + sidebar.clientWidth
      const box = document.querySelector('.react-datepicker__time-container')!.getBoundingClientRect()
      const popper = document.querySelector('.react-datepicker')!.getBoundingClientRect()
      return {
        scrolls: sidebar.scrollHeight > sidebar.clientHeight,
        visibleRight,
        timeRight: box.right,
        pickerRight: popper.right,
        viewport: innerWidth,
      }
    })
    expect(fit.scrolls).toBe(true)
    // Desktop browsers with classic scrollbars give the sidebar's scrollbar about 15–17 px at the
    // right (headless Chromium's overlay scrollbars take none): the picker must leave that free.
    // Before the fix its time column ended 2 px from the window's edge.
    expect(fit.pickerRight).toBeLessThanOrEqual(fit.visibleRight - 20)
    expect(fit.timeRight).toBeLessThanOrEqual(fit.viewport)
    // The times themselves are not cut: a whole one is what the browser hits at its right edge.
    const item = page.locator('.react-datepicker__time-list-item').first()
    await item.scrollIntoViewIfNeeded()
    const itemBox = (await item.boundingBox())!
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('.react-datepicker__time-list-item') !== null,
      [itemBox.x + itemBox.width - 2, itemBox.y + itemBox.height / 2],
    )
    expect(hit).toBe(true)
    await page.screenshot({ path: path.join(SCREENS, 'admin-embargo-picker.png') })
    await context.close()
  })

  it('opens a new media-contact row expanded', async () => {
    const context = await signedIn(staff.admin)
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/partners/create`)
    await page.getByRole('button', { name: 'Add Contact' }).click()
    const name = page.locator('input[name="mediaContacts.0.name"]')
    await name.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await name.isVisible()).toBe(true)
    await page.screenshot({ path: path.join(SCREENS, 'admin-contact-row.png'), fullPage: true })
    await context.close()
  })
})
