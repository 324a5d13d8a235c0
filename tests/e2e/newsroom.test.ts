import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let server: TestServer
let browser: Browser
let token = ''
const HIDDEN = ['Zebracorn draft', 'Zebracorn embargoed', 'Zebracorn future', 'Zebracorn unpublished']
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
const api = async (path: string, body?: unknown, method = body ? 'POST' : 'GET') => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return res.json()
}
let releaseSlug = ''

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  await api('/api/users/first-register', {
    name: 'Admin',
    email: 'admin@example.org',
    password: 'a long enough password',
  })
  token = (await api('/api/users/login', { email: 'admin@example.org', password: 'a long enough password' })).token
  const hhc = (await api('/api/partners?where[slug][equals]=hartford-healthcare')).docs[0].id
  const topic = (await api('/api/topics?where[slug][equals]=clinical-trials')).docs[0].id
  const hidden = {
    partners: [hhc],
    topics: [topic],
    summary: 'Zebracorn secret summary.',
    body: lexical('Zebracorn secret body.'),
  }
  await api('/api/press-releases?draft=true', { ...hidden, title: HIDDEN[0] })
  await api('/api/press-releases', {
    ...hidden,
    title: HIDDEN[1],
    _status: 'published',
    embargoUntil: new Date(Date.now() + 864e5).toISOString(),
  })
  await api('/api/press-releases', {
    ...hidden,
    title: HIDDEN[2],
    _status: 'published',
    publishedAt: new Date(Date.now() + 864e5).toISOString(),
  })
  const gone = (await api('/api/press-releases', { ...hidden, title: HIDDEN[3], _status: 'published' })).doc
  await api(`/api/press-releases/${gone.id}`, { _status: 'draft' }, 'PATCH')
  // Enough public releases for the archive to have a second page.
  for (let i = 1; i <= 10; i++) {
    await api('/api/press-releases', {
      title: `Archive filler release ${i}`,
      summary: `Filler ${i}.`,
      body: lexical(`Filler body ${i}.`),
      _status: 'published',
      publishedAt: new Date(Date.UTC(2024, 0, i)).toISOString(),
    })
  }
  releaseSlug = (await api('/api/press-releases?where[title][like]=Care Partner&limit=1')).docs[0].slug
  token = ''
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const open = async (path: string, options: { javaScript?: boolean; dark?: boolean } = {}) => {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.dark ? 'dark' : 'light',
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' })
  // Next streams its 404 inside an error shell that hydration turns into our layout: check the
  // page as a reader sees it once that has happened, not in between.
  if (options.javaScript ?? true) await page.waitForSelector('html[lang]', { state: 'attached', timeout: 15_000 })
  return { page, status: response?.status(), close: () => context.close() }
}

const axeViolations = async (page: Page) => {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>
        }
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

const jsonLd = async (page: Page) =>
  (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((t) => {
    const data = JSON.parse(t)
    return Array.isArray(data) ? data : [data]
  })

const PAGES = () => [
  ['home', '/'],
  ['archive', '/news'],
  ['release', `/news/${releaseSlug}`],
  ['partners', '/partners'],
  ['partner', '/partners/hartford-healthcare'],
  ['milestones', '/milestones'],
  ['events', '/events'],
  ['search', '/search?q=clinical+trials'],
  ['not found', '/no-such-page'],
]

describe('every page type', () => {
  it('has no axe-core WCAG 2.1 A/AA violations, in light and dark schemes', async () => {
    for (const [name, path] of PAGES()) {
      for (const dark of [false, true]) {
        const { page, close } = await open(path, { dark })
        expect(await axeViolations(page), `${name} (${dark ? 'dark' : 'light'})`).toEqual([])
        await close()
      }
    }
  })

  it('carries valid JSON-LD with a BreadcrumbList, feed autodiscovery and a canonical URL', async () => {
    for (const [name, path] of PAGES().filter(([n]) => n !== 'not found')) {
      const { page, close } = await open(path)
      const data = await jsonLd(page)
      expect(
        data.some((d) => d['@type'] === 'BreadcrumbList'),
        name,
      ).toBe(true)
      for (const d of data) expect(d['@context'], name).toBe('https://schema.org')
      expect(
        await page.locator('link[rel="alternate"][type="application/rss+xml"][href$="/feed.xml"]').count(),
        name,
      ).toBeGreaterThan(0)
      expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').count(), name).toBeGreaterThan(0)
      expect(await page.locator('link[rel="alternate"][type="application/feed+json"]').count(), name).toBeGreaterThan(0)
      expect(await page.locator('link[rel="canonical"]').getAttribute('href'), name).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+(\/|$)/,
      )
      await close()
    }
  })

  it('never shows a draft, embargoed, future-dated or unpublished release', async () => {
    for (const [name, path] of [
      ...PAGES(),
      ['search hidden', '/search?q=zebracorn'],
      ['partner archive', '/news?partner=hartford-healthcare'],
    ]) {
      const { page, close } = await open(path)
      const html = await page.content()
      for (const title of HIDDEN) expect(html.includes(title), `${name} shows ${title}`).toBe(false)
      expect(/Zebracorn secret/i.test(html), `${name} shows a hidden summary or body`).toBe(false)
      await close()
    }
    for (const slug of ['zebracorn-draft', 'zebracorn-embargoed', 'zebracorn-future', 'zebracorn-unpublished']) {
      const { status, close } = await open(`/news/${slug}`)
      expect(status, slug).toBe(404)
      await close()
    }
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text()
    expect(sitemap).not.toMatch(/zebracorn/i)
  })
})

describe('a release page', () => {
  it('gives a journalist the facts, quotes, press kit, boilerplates and contacts', async () => {
    const { page, close } = await open(`/news/${releaseSlug}`)
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Care Partner/)
    const text = await page.locator('main').innerText()
    expect(text).toMatch(/HARTFORD, Conn\./)
    expect(text).toMatch(/January 28, 2026/)
    expect(text).toMatch(/Jeffrey A\. Flaks/)
    expect(text).toMatch(/About Hartford HealthCare/)
    expect(text).toMatch(/About Memorial Sloan Kettering/)
    expect(text).toMatch(/Media contacts/)
    expect(text).toMatch(/Manchester and Rockville/) // the footnote
    expect(text).toMatch(/PR Newswire/)
    const download = page.locator('#press-kit ~ ul a[download]').first()
    expect(await download.getAttribute('href')).toMatch(/^\/api\/media\/file\//)
    expect(await page.locator('#press-kit ~ ul').innerText()).toMatch(/\d+(\.\d)? (KB|MB)/)
    const article = (await jsonLd(page)).find((d) => d['@type'] === 'NewsArticle')
    expect(article.headline).toMatch(/Care Partner/)
    expect(article.datePublished).toMatch(/^2026-01-28/)
    expect(article.dateModified).toBeTruthy()
    expect(article.image?.length).toBeGreaterThan(0)
    expect(article.publisher.name).toBeTruthy()
    expect(article.about.map((o: { name: string }) => o.name)).toContain('Hartford HealthCare')
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/1200x630|og/)
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image')
    await close()
  })

  it('copies a quote with its attribution in one click', async () => {
    const context = await browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    await page.goto(`${server.url}/news/${releaseSlug}`)
    const figure = page.locator('.quote').first()
    await figure.getByRole('button', { name: 'Copy with attribution' }).click()
    await expect.poll(() => figure.getByRole('status').textContent()).toMatch(/Copied/)
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(/^“.+” — [^,]+, .+/)
    await context.close()
  })

  it('reads without JavaScript', async () => {
    const { page, close } = await open(`/news/${releaseSlug}`, { javaScript: false })
    expect(await page.locator('main').innerText()).toMatch(/Jeffrey A\. Flaks/)
    await close()
  })
})

describe('archive, search, partners, events', () => {
  it('filters the archive by topic and year, and pages through it', async () => {
    const { page, close } = await open('/news')
    expect(await page.locator('.pagination').innerText()).toMatch(/Page 1 of 2/)
    await page.getByRole('link', { name: /Older releases/ }).click()
    await page.waitForURL(/page=2/)
    expect(await page.locator('.pagination').innerText()).toMatch(/Page 2 of 2/)
    await page.goto(`${server.url}/news`)
    await page.getByLabel('Year').selectOption('2026')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL(/year=2026/)
    const titles = await page.locator('.card h2').allTextContents()
    expect(titles).toEqual([expect.stringMatching(/Care Partner/)])
    await page.goto(`${server.url}/news?topic=clinical-trials`)
    expect(await page.locator('.card h2').count()).toBeGreaterThan(0)
    expect(await page.locator('main').innerText()).not.toMatch(/Archive filler/)
    await close()
  })

  it('searches releases, quotes and partners with the matches highlighted', async () => {
    const { page, close } = await open('/search')
    await page.getByLabel(/Search releases/).fill('tumor boards')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/q=tumor/)
    expect(await page.locator('#r-releases ~ ul li').count()).toBeGreaterThan(0)
    expect((await page.locator('mark').allTextContents()).map((t) => t.toLowerCase())).toContain('tumor')
    await page.goto(`${server.url}/search?q=Thompson`)
    expect(await page.locator('#r-quotes ~ ul').innerText()).toMatch(/Craig B\. Thompson/)
    await close()
  })

  it('shows a partner profile with key facts, its releases and its own feeds', async () => {
    const { page, close } = await open('/partners/hartford-healthcare')
    const text = await page.locator('main').innerText()
    expect(text).toMatch(/Key facts/)
    expect(text).toMatch(/48,000/)
    expect(await page.locator('a[href="/partners/hartford-healthcare/feed.xml"]').count()).toBe(1)
    expect(await page.locator('link[rel="alternate"][href$="/partners/hartford-healthcare/feed.xml"]').count()).toBe(1)
    expect((await jsonLd(page)).some((d) => d['@type'] === 'Organization' && d.name === 'Hartford HealthCare')).toBe(
      true,
    )
    await close()
  })

  it('lists events with their time zone, venue, registration and calendar links', async () => {
    token = (await api('/api/users/login', { email: 'admin@example.org', password: 'a long enough password' })).token
    const start = new Date(Date.now() + 30 * 864e5)
    await api('/api/events', {
      _status: 'published',
      title: 'Upcoming screening forum',
      start: start.toISOString(),
      end: new Date(start.getTime() + 2 * 3600e3).toISOString(),
      timeZone: 'America/Chicago',
      venue: { name: 'Civic Hall', city: 'Chicago', region: 'IL' },
      registrationUrl: 'https://example.org/register',
    })
    token = ''
    const { page, close } = await open('/events')
    const upcoming = await page.locator('#upcoming ~ ul').innerText()
    expect(upcoming).toMatch(/Upcoming screening forum/)
    expect(upcoming).toMatch(/C[SD]T/)
    expect(await page.locator('#upcoming ~ ul a[href="https://example.org/register"]').count()).toBe(1)
    const text = await page.locator('main').innerText()
    expect(text).toMatch(/8:00 AM EST/)
    expect(text).toMatch(/America\/New York/)
    expect(text).toMatch(/Smilow Cancer Hospital/)
    expect(await page.locator('a[href="/events.ics"]').count()).toBeGreaterThan(0)
    const events = (await jsonLd(page)).filter((d) => d['@type'] === 'Event')
    expect(events).toHaveLength(3)
    expect(events.filter((e) => /^2023-1[12]-/.test(e.startDate))).toHaveLength(2)
    await close()
  })

  it('shows the milestones timeline, each linked to its release', async () => {
    const { page, close } = await open('/milestones')
    const links = await page.locator('.timeline a[href^="/news/"]').count()
    expect(links).toBeGreaterThanOrEqual(4)
    expect(await page.locator('.timeline').innerText()).toMatch(/first MSK Care Partner/i)
    await close()
  })

  it('answers unknown pages with a helpful 404', async () => {
    const { page, status, close } = await open('/news/no-such-release')
    expect(status).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Page not found')
    expect(await page.locator('main a[href="/news"]').count()).toBe(1)
    await close()
  })

  it('is keyboard navigable: the first Tab reaches the skip link', async () => {
    const { page, close } = await open('/')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await close()
  })

  it('serves robots.txt and a sitemap with lastmod', async () => {
    const robots = await (await fetch(`${server.url}/robots.txt`)).text()
    expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/)
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text()
    expect(sitemap).toContain(`/news/${releaseSlug}</loc>`)
    expect(sitemap).toMatch(/<lastmod>/)
  })
})

describe('freshness with caches on', () => {
  it('shows a publish on every affected page at once, and hides an unpublish at once', async () => {
    const { page, close } = await open('/')
    expect(await page.locator('main').innerText()).not.toMatch(/Breaking freshness test/)
    token = (await api('/api/users/login', { email: 'admin@example.org', password: 'a long enough password' })).token
    const hhc = (await api('/api/partners?where[slug][equals]=hartford-healthcare')).docs[0].id
    const created = await api('/api/press-releases', {
      title: 'Breaking freshness test',
      summary: 'Just published.',
      body: lexical('Fresh.'),
      _status: 'published',
      partners: [hhc],
    })
    for (const path of [
      '/',
      '/news',
      '/partners/hartford-healthcare',
      `/news/${created.doc.slug}`,
      '/search?q=breaking+freshness',
    ]) {
      await page.goto(`${server.url}${path}`)
      expect(await page.locator('main').innerText(), path).toMatch(/Breaking freshness test/)
    }
    await api(`/api/press-releases/${created.doc.id}`, { _status: 'draft' }, 'PATCH')
    token = ''
    for (const path of ['/', '/news', '/partners/hartford-healthcare']) {
      await page.goto(`${server.url}${path}`)
      expect(await page.locator('main').innerText(), path).not.toMatch(/Breaking freshness test/)
    }
    const gone = await page.goto(`${server.url}/news/${created.doc.slug}`)
    expect(gone?.status()).toBe(404)
    await close()
  })
})
