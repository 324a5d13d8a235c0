/**
 * A public correction on the release page in Chromium at 390 and 1280 px (issue 18), on the
 * production server with the demo content: an editor's note, added over REST, is the first thing
 * in the article, above the title, and fits the screen. Screenshots go to
 * $TMPDIR/newsroom-screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RELEASE } from '@/seed/content/releaseKeys'

import { launchBrowser } from '../helpers/browser'
import { firstAdmin } from '../helpers/rest'
import { startServer, type TestServer } from '../helpers/server'

const SCREENS = path.join(tmpdir(), 'newsroom-screens')
const NOTE = 'The designation excludes two locations, which joined the program later.'
let server: TestServer
let browser: Browser

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true })
  server = await startServer()
  browser = await launchBrowser()
  const admin = await firstAdmin(server)
  const found = await (
    await admin.call(`/api/press-releases?where[slug][equals]=${RELEASE.carePartner}&depth=0`)
  ).json()
  const id = found.docs[0].id
  const res = await admin.send(
    `/api/press-releases/${id}`,
    { _status: 'published', corrections: [{ date: new Date().toISOString(), note: NOTE }] },
    'PATCH',
  )
  expect(res.status).toBe(200)
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe.each([390, 1280])('at %i px', (width) => {
  it('the correction is above the title, readable, and nothing is wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    const page = await context.newPage()
    const res = await page.goto(`${server.url}/news/${RELEASE.carePartner}`)
    expect(res?.status()).toBe(200)
    const note = page.locator('aside.corrections')
    await expect.poll(() => note.textContent()).toContain(NOTE)
    expect(await note.textContent()).toMatch(/^Corrected [A-Z][a-z]+ \d{1,2}, \d{4}: /)
    const [noteBox, titleBox] = [await note.boundingBox(), await page.locator('article h1').boundingBox()]
    expect(noteBox!.y + noteBox!.height).toBeLessThanOrEqual(titleBox!.y)
    expect(noteBox!.x + noteBox!.width).toBeLessThanOrEqual(width)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    await page.screenshot({ path: path.join(SCREENS, `correction-${width}.png`), fullPage: false })
    await context.close()
  })
})
