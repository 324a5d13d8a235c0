import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { past, releaseData } from '../helpers/fixtures'
import { firstAdmin, type Rest } from '../helpers/rest'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let browser: Browser
let rest: Rest
let releasePath = ''
let mediaPath = ''
let staticPath = ''

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const { docs } = await (
    await fetch(`${server.url}/api/press-releases?limit=1&where[title][like]=Care Partner`)
  ).json()
  releasePath = `/news/${docs[0].slug}`
  mediaPath = (await (await fetch(`${server.url}/api/media?limit=1`)).json()).docs[0].url
  staticPath = (await (await fetch(`${server.url}/`)).text()).match(/\/_next\/static\/[^"]+\.js/)![0]
  rest = await firstAdmin(server)
  // A release of no partner to edit in the admin: the demo releases are joint, so publishing an
  // edit of theirs waits for the partners' sign-off (tests/integration/sign-off.test.ts).
  const made = await rest.send(
    '/api/press-releases',
    releaseData({ title: 'A newsroom release to edit under the CSP', _status: 'published', publishedAt: past() }),
  )
  if (made.status !== 201) throw new Error(`release not created (${made.status}): ${await made.text()}`)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? ''

describe('security headers', () => {
  const every = () => [
    '/',
    '/news',
    releasePath,
    '/no-such-page',
    '/feed.xml',
    '/feed.json',
    '/events.ics',
    '/robots.txt',
    '/api/press-releases',
    '/api/health',
    '/admin',
    mediaPath,
    staticPath,
  ]

  it('are on every kind of response: pages, feeds, API, admin, media and static files', async () => {
    for (const path of every()) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' })
      const h = Object.fromEntries(
        [
          'x-content-type-options',
          'referrer-policy',
          'x-frame-options',
          'permissions-policy',
          'content-security-policy',
        ].map((k) => [k, res.headers.get(k)]),
      )
      expect({ path, ...h }).toMatchObject({
        path,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'SAMEORIGIN',
        'permissions-policy': expect.stringContaining('camera=()'),
        'content-security-policy': expect.stringContaining("frame-ancestors 'self'"),
      })
      // SITE_URL is http here: no HSTS (a browser would pin https for a site that has none).
      expect(res.headers.get('strict-transport-security')).toBeNull()
    }
  })

  it('give pages a fresh script nonce and no unsafe-inline scripts; feeds, API and media may run nothing', async () => {
    const a = (await fetch(`${server.url}/`)).headers.get('content-security-policy')!
    const b = (await fetch(`${server.url}/`)).headers.get('content-security-policy')!
    const nonce = (csp: string) => directive(csp, 'script-src').match(/'nonce-([^']+)'/)?.[1]
    expect(nonce(a)).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(nonce(a)).not.toBe(nonce(b))
    expect(directive(a, 'script-src')).not.toContain('unsafe-inline')
    expect(directive(a, 'object-src')).toBe("object-src 'none'")
    const html = await (await fetch(`${server.url}${releasePath}`)).text()
    expect(html).toMatch(/<script[^>]* nonce="/)
    for (const path of ['/feed.xml', '/api/press-releases', mediaPath]) {
      const csp = (await fetch(`${server.url}${path}`)).headers.get('content-security-policy')!
      expect(directive(csp, 'default-src'), path).toBe("default-src 'none'")
    }
  })
})

/** A browser context that records every CSP violation and console error of its pages. */
const watched = async (options: Parameters<Browser['newContext']>[0] = {}) => {
  const context = await browser.newContext(options)
  const problems: string[] = []
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      )
    })
  })
  const watch = (page: Page) => {
    page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`))
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`))
  }
  context.on('page', watch)
  return { context, problems }
}

describe('the Content-Security-Policy in Chromium', () => {
  it('lets every newsroom page load and hydrate with no violation, and the copy-quote button work', async () => {
    const { context, problems } = await watched()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    for (const path of [
      '/',
      '/news',
      releasePath,
      '/partners',
      '/partners/hartford-healthcare',
      '/milestones',
      '/events',
      '/search?q=clinical+trials',
    ]) {
      const res = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
      expect(res?.status(), path).toBeLessThan(400)
    }
    await page.goto(`${server.url}${releasePath}`, { waitUntil: 'networkidle' })
    const figure = page.locator('.quote').first()
    await figure.getByRole('button', { name: 'Copy with attribution' }).click()
    await expect.poll(() => figure.getByRole('status').textContent()).toMatch(/Copied/)
    // Client-side navigation (React hydrated, scripts ran under the nonce).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click()
    await page.waitForURL(`${server.url}/partners`)
    expect(problems).toEqual([])
    await context.close()
  })

  it('lets our own pages frame the newsroom (live preview) and stops any other origin from framing it', async () => {
    const { context } = await watched()
    const page = await context.newPage()
    const frameRelease = async (from: string) => {
      await page.goto(`${from}/admin/login`)
      await page.evaluate((src) => {
        const frame = document.createElement('iframe')
        frame.src = src
        document.body.append(frame)
      }, `${server.url}${releasePath}`)
      await page.waitForTimeout(1500)
      const frame = page.frames().find((f) => f !== page.mainFrame())!
      return frame
        .locator('body')
        .innerText()
        .catch(() => '')
    }
    expect(await frameRelease(server.url)).toMatch(/Care Partner/)
    // localhost is another origin than 127.0.0.1: the same server, framed cross-origin.
    expect(await frameRelease(server.url.replace('127.0.0.1', 'localhost'))).not.toMatch(/Care Partner/)
    await context.close()
  })

  it('lets an editor use the admin: sign in, list, edit and save a release, upload an image', async () => {
    const { context, problems } = await watched({ viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.getByLabel(/email/i).fill('admin@example.org')
    await page.getByLabel(/password/i).fill('a long enough password')
    await page.getByRole('button', { name: /login|log in|sign in/i }).click()
    await page.waitForURL(`${server.url}/admin`)

    await page.goto(`${server.url}/admin/collections/press-releases`)
    await expect
      .poll(() => page.getByRole('link', { name: /A newsroom release to edit under the CSP/ }).count())
      .toBeGreaterThan(0)
    await page
      .getByRole('link', { name: /A newsroom release to edit under the CSP/ })
      .first()
      .click()
    const title = page.locator('input[name="title"]')
    await title.waitFor()
    await title.fill('Edited in the admin under the CSP')
    await page.getByRole('button', { name: /publish changes/i }).click()
    await expect
      .poll(
        async () =>
          (await (await rest.call('/api/press-releases?where[title][equals]=Edited in the admin under the CSP')).json())
            .totalDocs,
      )
      .toBe(1)

    await page.goto(`${server.url}/admin/collections/media/create`)
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#06c' } })
      .png()
      .toBuffer()
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'csp-check.png', mimeType: 'image/png', buffer: png })
    await page.locator('input[name="alt"]').fill('Uploaded under the CSP')
    await page.getByRole('button', { name: /^save$/i }).click()
    await expect
      .poll(
        async () => (await (await rest.call('/api/media?where[alt][equals]=Uploaded under the CSP')).json()).totalDocs,
      )
      .toBe(1)
    expect(problems.filter((p) => /CSP violation|Content Security Policy/i.test(p))).toEqual([])
    await context.close()
  })
})
