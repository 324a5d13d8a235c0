/**
 * Script and markup typed into every text field stay text: inert on pages (Chromium runs them,
 * nothing executes), escaped and well-formed in every feed and in JSON-LD, and harmless in the
 * admin. Unsafe link targets and scripted SVGs are refused; an SVG that carries script anyway is
 * served so that it cannot run.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { parseXml, text } from '../helpers/feeds'
import { startServer, type TestServer } from '../helpers/server'
import { ANONYMOUS, apiAs, requestAs, setUpStaff, uploadAs, type Session } from '../helpers/staff'

/** Closes a script element, opens one, breaks out of an attribute, ends a CDATA section. */
const CORE = '</script><script>window.__xss=1</script>"><img src=x onerror="window.__xss=1"> ]]> & <b>'
/**
 * Plus non-characters (not allowed in XML: feeds drop them) and a right-to-left override. Control
 * characters are refused on input (tests/integration/text-hygiene.test.ts).
 */
const HOSTILE = `${CORE} \uFFFE\uFFFF\u202Eevil`
const SHORT = '"><img src=x onerror="window.__xss=1">'

let server: TestServer
let browser: Browser
let staff: Awaited<ReturnType<typeof setUpStaff>>
const ids = { release: 0, partner: '', topic: '', releaseSlug: '', svg: '' }

const api = <T = { doc: Record<string, unknown> }>(session: Session, p: string, body?: unknown, method?: string) =>
  apiAs<T>(server.url, session, p, body, method)
const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children,
})
const textNode = (t: string) => ({ type: 'text', text: t, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const richText = (...paragraphs: unknown[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: paragraphs },
})
const link = (url: string) => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { linkType: 'custom', url, newTab: false },
  children: [textNode(`link ${HOSTILE}`)],
})

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  staff = await setUpStaff(server.url)
  const { admin, editor } = staff
  const image = await sharp({ create: { width: 1300, height: 700, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  const hero = await uploadAs(
    server.url,
    editor,
    { data: image, type: 'image/png', name: 'hostile-hero.png' },
    {
      alt: `Alt ${HOSTILE}`,
      caption: `Caption ${HOSTILE}`,
      credit: `Credit ${HOSTILE}`,
    },
  )
  const svg = await uploadAs(
    server.url,
    editor,
    {
      data: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#369"/></svg>',
      ),
      type: 'image/svg+xml',
      name: 'hostile-logo.svg',
    },
    { alt: `Logo ${HOSTILE}` },
  )
  ids.svg = svg.filename
  const topic = (
    await api(editor, '/api/topics', {
      name: `T ${CORE}`,
      slug: 'hostile-topic',
      description: `Description ${HOSTILE}`,
    })
  ).doc
  ids.topic = String(topic.slug)
  const contact = { name: `Contact ${HOSTILE}`, title: `Title ${HOSTILE}`, phone: `+1 ${SHORT}` }
  const partner = (
    await api(admin, '/api/partners', {
      name: `Partner ${HOSTILE}`,
      slug: 'hostile-partner',
      shortName: SHORT,
      kind: 'other',
      logo: svg.id,
      location: `Location ${HOSTILE}`,
      summary: `Summary ${HOSTILE}`,
      about: richText(paragraph(textNode(`About ${HOSTILE}`))),
      keyFacts: [{ label: `Label ${HOSTILE}`, value: `Value ${HOSTILE}` }],
      mediaContacts: [contact],
      meta: { title: SHORT, description: `Meta ${HOSTILE}` },
    })
  ).doc
  ids.partner = String(partner.slug)
  const quote = (
    await api(editor, '/api/quotes', {
      _status: 'published',
      text: `Quote ${HOSTILE}`,
      speakerName: `Speaker ${HOSTILE}`,
      speakerTitle: `Speaker title ${HOSTILE}`,
      speakerOrganization: `Organisation ${HOSTILE}`,
      partner: partner.id,
    })
  ).doc
  const release = (
    await api(editor, '/api/press-releases', {
      _status: 'published',
      title: `Title ${HOSTILE}`,
      slug: 'hostile-release',
      subtitle: `Subtitle ${HOSTILE}`,
      summary: `Summary ${HOSTILE}`,
      dateline: SHORT,
      body: richText(paragraph(textNode(`Body ${HOSTILE}`)), paragraph(link('https://example.org/?q=<script>&x="y"'))),
      footnotes: [{ marker: '<b>*', text: `Footnote ${HOSTILE}` }],
      heroImage: hero.id,
      assets: [{ file: hero.id, title: `Asset ${HOSTILE}`, description: `Asset description ${HOSTILE}` }],
      partners: [partner.id],
      topics: [topic.id],
      quotes: [quote.id],
      mediaContacts: [contact],
      source: { distributor: `Distributor ${HOSTILE}`, sourceLine: `SOURCE ${HOSTILE}` },
      meta: { title: SHORT, description: `Meta ${HOSTILE}` },
    })
  ).doc
  ids.release = Number(release.id)
  ids.releaseSlug = String(release.slug)
  await api(editor, `/api/quotes/${quote.id}`, { release: release.id }, 'PATCH')
  await api(editor, '/api/milestones', {
    _status: 'published',
    title: `Milestone ${HOSTILE}`,
    date: new Date().toISOString(),
    kind: 'other',
    partners: [partner.id],
    announcedIn: release.id,
    summary: `Milestone summary ${HOSTILE}`,
  })
  await api(editor, '/api/events', {
    _status: 'published',
    title: `Event ${HOSTILE}`,
    start: new Date(Date.now() + 7 * 864e5).toISOString(),
    timeZone: 'America/New_York',
    summary: `Event summary ${HOSTILE}`,
    description: richText(paragraph(textNode(`Event description ${HOSTILE}`))),
    venue: {
      name: `Venue ${HOSTILE}`,
      address: `Address ${HOSTILE}`,
      city: `City ${HOSTILE}`,
      region: SHORT,
      postalCode: SHORT,
      country: SHORT,
    },
    hosts: [partner.id],
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A browser tab; as staff, with the session cookie a login sets. */
const openTab = async (session: Session = ANONYMOUS): Promise<BrowserContext> => {
  const context = await browser.newContext()
  if (session.token) await context.addCookies([{ name: 'payload-token', value: session.token, url: server.url }])
  return context
}

type PageFindings = {
  xss: unknown
  injectedImages: number
  javascriptLinks: string[]
  text: string
  jsonLd: string[]
  ogTitle: string | null
}

const inspect = async (
  context: BrowserContext,
  p: string,
  waitForText?: string,
): Promise<PageFindings & { status?: number }> => {
  const page = await context.newPage()
  try {
    const response = await page.goto(`${server.url}${p}`, { waitUntil: 'load' })
    if (waitForText)
      await page.waitForFunction((t) => document.body.innerText.includes(t), waitForText, { timeout: 30_000 })
    const findings = await page.evaluate(() => ({
      xss: (window as { __xss?: unknown }).__xss,
      injectedImages: document.querySelectorAll('img[src="x"]').length,
      javascriptLinks: [...document.querySelectorAll('[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => /^\s*(javascript|data|vbscript):/i.test(h.replace(/[\u0000-\u001f]/g, ''))),
      text: document.body.innerText,
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
      ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? null,
    }))
    return { ...findings, status: response?.status() }
  } finally {
    await page.close()
  }
}

describe('hostile input', () => {
  it('renders inert and literal on every page, JSON-LD and Open Graph included', async () => {
    const context = await openTab()
    const pages: [string, boolean][] = [
      ['/', true],
      ['/news', true],
      [`/news/${ids.releaseSlug}`, true],
      [`/news?partner=${ids.partner}`, true],
      ['/partners', true],
      [`/partners/${ids.partner}`, true],
      ['/milestones', true],
      ['/events', true],
      ['/search?q=onerror', true],
      // The query itself, reflected back.
      [`/search?q=${encodeURIComponent(HOSTILE)}`, false],
      [`/news?year=${encodeURIComponent(HOSTILE)}&partner=${encodeURIComponent(SHORT)}`, false],
    ]
    const problems: string[] = []
    for (const [p, showsPayload] of pages) {
      const f = await inspect(context, p)
      if (f.status !== 200 && showsPayload) problems.push(`${p}: HTTP ${f.status}`)
      if (f.xss !== undefined) problems.push(`${p}: script ran`)
      if (f.injectedImages) problems.push(`${p}: ${f.injectedImages} injected <img src=x>`)
      if (f.javascriptLinks.length) problems.push(`${p}: unsafe links ${f.javascriptLinks.join(', ')}`)
      if (showsPayload && !f.text.includes(CORE)) problems.push(`${p}: the text is not shown literally`)
      for (const block of f.jsonLd) {
        try {
          JSON.parse(block)
        } catch {
          problems.push(`${p}: JSON-LD does not parse`)
        }
      }
    }
    const release = await inspect(context, `/news/${ids.releaseSlug}`)
    const data = release.jsonLd.map((b) => JSON.stringify(JSON.parse(b))).join('\n')
    if (!data.includes(JSON.stringify(`Title ${HOSTILE}`).slice(1, -1)))
      problems.push('release JSON-LD: the headline is not the title as data')
    if (!release.ogTitle?.includes(SHORT) && !release.ogTitle?.includes(CORE))
      problems.push(`release Open Graph title: ${release.ogTitle}`)
    await context.close()
    expect(problems).toEqual([])
  })

  it('stays well-formed and escaped in every feed', async () => {
    const problems: string[] = []
    // Chromium's XML parser is strict XML 1.0 (it refuses control characters, which some others accept).
    const context = await openTab()
    const parser = await context.newPage()
    const strictXmlError = (xml: string) =>
      parser.evaluate(
        (x) => new DOMParser().parseFromString(x, 'application/xml').querySelector('parsererror')?.textContent ?? null,
        xml,
      )
    const xmlFeeds = [
      '/feed.xml',
      '/atom.xml',
      `/partners/${ids.partner}/feed.xml`,
      `/partners/${ids.partner}/atom.xml`,
      `/topics/${ids.topic}/feed.xml`,
      `/topics/${ids.topic}/atom.xml`,
    ]
    for (const p of xmlFeeds) {
      const body = await (await requestAs(server.url, ANONYMOUS, p)).text()
      const strictError = await strictXmlError(body)
      if (strictError) problems.push(`${p}: not well-formed XML: ${strictError}`)
      let doc: Record<string, any>
      try {
        doc = parseXml(body)
      } catch (e) {
        problems.push(`${p}: ${(e as Error).message}`)
        continue
      }
      const items: Record<string, unknown>[] = doc.rss?.channel?.item ?? doc.feed?.entry ?? []
      const item = items.find((i) => text(i.title).startsWith('Title '))
      if (!item) {
        problems.push(`${p}: the release is missing`)
        continue
      }
      if (!text(item.title).includes(CORE)) problems.push(`${p}: title is not the text as written: ${text(item.title)}`)
      const html = text(item['content:encoded'] ?? item.content)
      if (!html.includes('&lt;/script&gt;&lt;script&gt;window.__xss=1'))
        problems.push(`${p}: body HTML does not escape the text`)
      if (/<script|<img src="?x/i.test(html)) problems.push(`${p}: body HTML carries live markup`)
      if (/href="\s*(javascript|data|vbscript):/i.test(html)) problems.push(`${p}: unsafe link in body HTML`)
      if (doc.rss) {
        // RSS readers show <description> as HTML.
        const description = text(item.description)
        if (
          !description.includes('&lt;/script&gt;&lt;script&gt;window.__xss=1') ||
          /<script|<img src="?x/i.test(description)
        )
          problems.push(`${p}: description is not escaped HTML: ${description}`)
      } else {
        if (!text(item.summary).includes(CORE)) problems.push(`${p}: Atom summary is not the text as written`)
        // Plain text marked type="html" would be rendered as markup by feed readers.
        for (const field of ['title', 'summary']) {
          const type = (item[field] as Record<string, unknown> | undefined)?.['@type'] ?? 'text'
          if (type !== 'text') problems.push(`${p}: Atom ${field} is type="${type}"`)
        }
      }
    }
    for (const p of [
      '/feed.json',
      `/partners/${ids.partner}/feed.json`,
      `/topics/${ids.topic}/feed.json`,
      '/milestones/feed.json',
    ]) {
      const body = await (await requestAs(server.url, ANONYMOUS, p)).text()
      let feed: { items: { title?: string; content_html?: string; content_text?: string; summary?: string }[] }
      try {
        feed = JSON.parse(body)
      } catch {
        problems.push(`${p}: not JSON`)
        continue
      }
      const item = feed.items.find((i) => i.title?.startsWith('Title ') || i.title?.startsWith('Milestone '))
      if (!item?.title?.includes(CORE)) problems.push(`${p}: title is not the text as written`)
      if (item?.content_html && /<script|<img src="?x/i.test(item.content_html))
        problems.push(`${p}: content_html carries live markup`)
      if (!item?.content_html && !item?.content_text?.includes(CORE))
        problems.push(`${p}: content_text is not the text as written`)
      if (item?.summary !== undefined && !item.summary.includes(CORE))
        problems.push(`${p}: summary is not the text as written`)
    }
    const ics = await (await requestAs(server.url, ANONYMOUS, '/events.ics')).text()
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(ics.replace(/\r\n/g, '')))
      problems.push('/events.ics: control characters in content lines')
    const summary = ics.replace(/\r\n[ \t]/g, '').match(/^SUMMARY:(Event .*)$/m)?.[1]
    const unescaped = summary?.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c))
    if (!unescaped?.includes(CORE)) problems.push(`/events.ics: summary is not the text as written: ${summary}`)
    await context.close()
    expect(problems).toEqual([])
  })

  it('refuses javascript: links in rich text, naming the field', async () => {
    const res = await requestAs(server.url, staff.editor, '/api/press-releases', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Link test',
        summary: 'Summary.',
        body: richText(paragraph(link('javascript:window.__xss=1'))),
      }),
    })
    expect(res.status).toBe(400)
    const errors = (await res.json()).errors[0].data.errors as { path: string }[]
    expect(errors.map((e) => e.path)).toContain('body')
  })

  it('cannot reach the admin as stored XSS', async () => {
    const context = await openTab(staff.editor)
    const problems: string[] = []
    const {
      docs: [quote],
    } = await api<{ docs: { id: number }[] }>(staff.editor, '/api/quotes?limit=1')
    const {
      docs: [event],
    } = await api<{ docs: { id: number }[] }>(staff.editor, '/api/events?limit=1')
    const {
      docs: [partner],
    } = await api<{ docs: { id: number }[] }>(staff.editor, `/api/partners?where[slug][equals]=${ids.partner}`)
    const {
      docs: [media],
    } = await api<{ docs: { id: number }[] }>(staff.editor, '/api/media?where[filename][equals]=hostile-hero.png')
    const views: [string, string][] = [
      ['/admin/collections/press-releases', 'Title '],
      [`/admin/collections/press-releases/${ids.release}`, 'Title '],
      ['/admin/collections/quotes', 'Speaker '],
      [`/admin/collections/quotes/${quote.id}`, 'Speaker '],
      ['/admin/collections/partners', 'Partner '],
      [`/admin/collections/partners/${partner.id}`, 'Partner '],
      ['/admin/collections/events', 'Event '],
      [`/admin/collections/events/${event.id}`, 'Event '],
      ['/admin/collections/milestones', 'Milestone '],
      ['/admin/collections/media', 'Alt '],
      [`/admin/collections/media/${media.id}`, 'Alt '],
    ]
    for (const [p, waitFor] of views) {
      const f = await inspect(context, p, waitFor)
      if (f.xss !== undefined) problems.push(`${p}: script ran`)
      if (f.injectedImages) problems.push(`${p}: ${f.injectedImages} injected <img src=x>`)
      if (f.javascriptLinks.length) problems.push(`${p}: unsafe links ${f.javascriptLinks.join(', ')}`)
    }
    await context.close()
    expect(problems).toEqual([])
  })

  it('refuses scripted SVGs, and serves SVGs so that script in one could not run', async () => {
    const scripted =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>'
    const refused = await uploadAs(
      server.url,
      staff.editor,
      { data: Buffer.from(scripted), type: 'image/svg+xml', name: 'evil.svg' },
      { alt: 'Evil' },
    ).then(
      () => null,
      (e: Error) => e.message,
    )
    expect(refused).toMatch(/^upload evil\.svg: 400 .*"path":"file"/)

    const fileUrl = `/api/media/file/${ids.svg}`
    const res = await requestAs(server.url, ANONYMOUS, fileUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/)

    // As if a scripted file had reached the disk some other way (an older server, a restore).
    const onDisk = path.join(server.dir, 'media', ids.svg)
    expect(readFileSync(onDisk, 'utf8')).toContain('<circle')
    writeFileSync(onDisk, scripted)
    const context = await openTab()
    const page = await context.newPage()
    await page.goto(`${server.url}${fileUrl}`, { waitUntil: 'load' })
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
    await context.close()
  })
})
