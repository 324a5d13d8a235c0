/**
 * What journalists found in Chromium at 390 and 1280 px (issue 16), on the production server
 * with the demo content. Screenshots of every page at both widths are written to
 * $TMPDIR/newsroom-screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RELEASE } from '@/seed/content/releaseKeys'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

const SCREENS = path.join(tmpdir(), 'newsroom-screens')
const WIDTHS = [390, 1280] as const
const release = `/news/${RELEASE.carePartner}`
let server: TestServer
let browser: Browser

const open = async (url: string, width: number, init: { print?: boolean } = {}) => {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  if (init.print) await page.emulateMedia({ media: 'print' })
  const res = await page.goto(`${server.url}${url}`)
  expect(res?.status(), url).toBe(200)
  return { page, close: () => context.close() }
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true })

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true })
  server = await startServer()
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe.each(WIDTHS)('at %i px', (width) => {
  it.each([
    ['home', '/'],
    ['archive', '/news'],
    ['release', release],
    ['partner', '/partners/hartford-healthcare'],
    ['topic', '/topics/clinical-trials'],
    ['topics', '/topics'],
    ['events', '/events'],
    ['milestones', '/milestones'],
  ])('%s: the content starts below the header bar, and nothing is wider than the screen', async (name, url) => {
    const { page, close } = await open(url, width)
    const gap = await page.evaluate(() => {
      const header = document.querySelector('.site-header')!.getBoundingClientRect()
      const first = document.querySelector('main')!.firstElementChild
      // JSON-LD scripts have no box: the first element that is laid out.
      let el: Element | null = first
      while (el && el.getBoundingClientRect().height === 0) el = el.nextElementSibling
      return el!.getBoundingClientRect().top - header.bottom
    })
    expect(gap).toBeGreaterThanOrEqual(20)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    await shoot(page, `${name}-${width}`)
    await close()
  })

  it('the archive’s filters fit in their box', async () => {
    const { page, close } = await open('/news', width)
    const overflow = await page.evaluate(() => {
      const form = document.querySelector('form.filters')!.getBoundingClientRect()
      return [...document.querySelectorAll('form.filters select')].map(
        (s) => s.getBoundingClientRect().right - form.right,
      )
    })
    for (const px of overflow) expect(px).toBeLessThanOrEqual(0)
    await close()
  })

  it('archive cards and home cards style their titles alike', async () => {
    const style = async (url: string) => {
      const { page, close } = await open(url, width)
      const s = await page
        .locator('.card .card__title a')
        .first()
        .evaluate((a) => {
          const c = getComputedStyle(a)
          const h = getComputedStyle(a.parentElement!)
          return { size: h.fontSize, weight: h.fontWeight, color: c.color, decoration: c.textDecorationLine }
        })
      await close()
      return s
    }
    expect(await style('/news')).toEqual(await style('/'))
  })
})

describe('a release page', () => {
  it('lists each media contact once', async () => {
    const { page, close } = await open(release, 1280)
    const contacts = await page.locator('section[aria-labelledby="contacts"] li').allInnerTexts()
    expect(contacts.length).toBeGreaterThan(0)
    expect(new Set(contacts).size).toBe(contacts.length)
    const emails = await page.locator('section[aria-labelledby="contacts"] a[href^="mailto:"]').allInnerTexts()
    expect(new Set(emails).size).toBe(emails.length)
    await close()
  })

  it('links its partners and topics', async () => {
    const { page, close } = await open(release, 390)
    const tags = page.locator('.release-tags')
    await expect.poll(() => tags.locator('a[href="/partners/hartford-healthcare"]').count()).toBe(1)
    expect(await tags.locator('a[href="/topics/clinical-trials"]').count()).toBe(1)
    await page.locator('.release-tags a[href="/topics/clinical-trials"]').click()
    await page.waitForURL(/\/topics\/clinical-trials$/)
    expect(await page.locator('h1').innerText()).toBeTruthy()
    await close()
  })

  it('offers every press-kit file, the hero image included, with type and size, and one archive of all', async () => {
    const { page, close } = await open(release, 1280)
    const items = await page.locator('section[aria-labelledby="press-kit"] li').allInnerTexts()
    expect(items[0]).toMatch(/\((JPEG|PNG|WEBP), \d+×\d+, \d+(\.\d)? (KB|MB)\)/)
    expect(items.some((t) => /\(PDF, \d+(\.\d)? (KB|MB)\)/.test(t))).toBe(true)
    const heroSrc = await page.locator('figure.hero img').getAttribute('src')
    const heroFile = decodeURIComponent(heroSrc!.split('/').pop()!).replace(/-\d+x\d+(?=\.\w+$)/, '')
    const hrefs = await page
      .locator('section[aria-labelledby="press-kit"] li a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    expect(hrefs.some((h) => decodeURIComponent(h).endsWith(`/${heroFile}`))).toBe(true)

    const zipHref = await page.getByRole('link', { name: /Download all/ }).getAttribute('href')
    const res = await fetch(`${server.url}${zipHref}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+-press-kit\.zip"/)
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const names = Object.keys(files)
    expect(names).toContain('CREDITS.txt')
    expect(names).toHaveLength(hrefs.length + 1)
    for (const href of hrefs) {
      const name = decodeURIComponent(href.split('/').pop()!)
      const direct = new Uint8Array(await (await fetch(`${server.url}${href}`)).arrayBuffer())
      expect(Buffer.from(files[name]).equals(Buffer.from(direct)), name).toBe(true)
    }
    const again = await fetch(`${server.url}${zipHref}`, { headers: { 'If-None-Match': res.headers.get('etag')! } })
    expect(again.status).toBe(304)
    await close()
  })

  it('copies a quote with its date and a link to it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    await page.goto(`${server.url}${release}`)
    const figure = page.locator('.quote').first()
    const id = await figure.getAttribute('id')
    await figure.getByRole('button', { name: 'Copy with attribution' }).click()
    await expect.poll(() => figure.getByRole('status').textContent()).toMatch(/Copied/)
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(
      /^“.+” — .+ \((January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\)\. /,
    )
    expect(copied.endsWith(`${server.url}${release}#${id}`)).toBe(true)
    await context.close()
  })

  it('prints its permanent link', async () => {
    const { page, close } = await open(release, 1280, { print: true })
    const permalink = page.locator('.permalink')
    expect(await permalink.isVisible()).toBe(true)
    expect(await permalink.innerText()).toContain(`${server.url}${release}`)
    await page.pdf({ path: path.join(SCREENS, 'release-print.pdf') })
    await close()
    const screen = await open(release, 1280)
    expect(await screen.page.locator('.permalink').isVisible()).toBe(false)
    await screen.close()
  })
})

describe('topic pages', () => {
  it('show the topic’s releases, quotes and feeds, and where to subscribe', async () => {
    const { page, close } = await open('/topics/clinical-trials', 1280)
    expect(await page.locator('.card').count()).toBeGreaterThan(0)
    expect(await page.locator('.quote').count()).toBeGreaterThan(0)
    const subscribe = page.locator('section#subscribe, section[aria-labelledby="subscribe"]')
    expect(await subscribe.locator('a[href="/topics/clinical-trials/feed.xml"]').count()).toBe(1)
    expect(await page.locator('link[rel="alternate"][href$="/topics/clinical-trials/atom.xml"]').count()).toBe(1)
    await close()
    const unknown = await fetch(`${server.url}/topics/no-such-topic`)
    expect(unknown.status).toBe(404)
  })

  it('are where feed categories lead', async () => {
    const rss = await (await fetch(`${server.url}/feed.xml`)).text()
    const domains = [...rss.matchAll(/<category domain="([^"]+)"/g)].map((m) => m[1])
    const topicPages = domains.filter((d) => d.includes('/topics/'))
    expect(topicPages.length).toBeGreaterThan(0)
    for (const url of new Set(topicPages)) expect((await fetch(url)).status, url).toBe(200)
  })
})

describe('events', () => {
  it('past events offer no "Add to calendar"', async () => {
    const { page, close } = await open('/events', 1280)
    const past = page.locator('section[aria-labelledby="past"] li')
    expect(await past.count()).toBeGreaterThan(0)
    expect(await past.getByText('Add to calendar').count()).toBe(0)
    await close()
  })
})

describe('the sitemap', () => {
  it('has validators and answers 304 to a crawler that has it', async () => {
    const res = await fetch(`${server.url}/sitemap.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/)
    const etag = res.headers.get('etag')!
    const lastModified = res.headers.get('last-modified')!
    expect(etag).toMatch(/^"[^"]+"$/)
    expect(new Date(lastModified).toUTCString()).toBe(lastModified)
    const body = await res.text()
    expect(body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(body).toContain('/topics/clinical-trials</loc>')
    expect((await fetch(`${server.url}/sitemap.xml`, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    expect((await fetch(`${server.url}/sitemap.xml`, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(
      304,
    )
  })
})
