/**
 * A release's public date is the moment it became public: the later of its publish date and its
 * embargo (CONTRACT.md). An overnight embargo (published the evening before, embargoed until
 * the morning) is dated at the lift on every surface a reader or partner site sees: the page's
 * date and JSON-LD, archive cards, search results, RSS `pubDate`, Atom `published`/`updated`,
 * JSON Feed `date_published`/`date_modified`, the sitemap's `lastmod` and the webhook payload.
 * "Updated" is only for an edit after that moment.
 */
import { createLocalReq } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ReleaseCardFields } from '@/data/newsroom'
import type { PressRelease } from '@/payload-types'

import { parseXml, text } from '../helpers/feeds'
import { HOUR, releaseData } from '../helpers/fixtures'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SITE = 'http://127.0.0.1:4000'
let n: TestNewsroom
let release: PressRelease
/** The evening before, and the embargo lift the next morning. */
let evening: string
let lift: string

beforeAll(async () => {
  process.env.SITE_URL = SITE
  n = await startTestNewsroom()
  // Saved and published now, with the embargo lifting moments later (the "06:00" of an overnight
  // embargo) and the publish date set ten hours before it (the evening before): the release is
  // never edited after it becomes public, just as when Publish is pressed the night before.
  const liftAt = Math.ceil((Date.now() + 3000) / 1000) * 1000
  lift = new Date(liftAt).toISOString()
  evening = new Date(liftAt - 10 * HOUR).toISOString()
  release = (await n.payload.create({
    collection: 'press-releases',
    data: releaseData({
      title: 'Overnight embargo lifts at dawn',
      summary: 'Dawnbreak summary for search.',
      _status: 'published',
      publishedAt: evening,
      embargoUntil: lift,
    }),
    overrideAccess: true,
  })) as PressRelease
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, liftAt - Date.now() + 200)))
  ;(await import('@/cache/publicCache')).dropPublicCaches()
}, 120_000)
afterAll(async () => n?.close())

/** The `datetime` of the `<time>` a release's date is rendered as. */
const renderedDate = async (doc: ReleaseCardFields) => {
  const { ReleaseDate } = await import('@/components/PreciseDate')
  const html = renderToStaticMarkup(createElement(ReleaseDate, { release: doc }))
  return /dateTime="([^"]+)"|datetime="([^"]+)"/.exec(html)?.slice(1).find(Boolean)
}

describe('an overnight embargo is dated at its lift', () => {
  it('is public now, and was saved before the lift (so no surface may call it updated)', async () => {
    const { isReleasePublic, publicDateOf, editedAfterPublic } = await import('@/access/visibility')
    const doc = await n.payload.findByID({ collection: 'press-releases', id: release.id, overrideAccess: true })
    expect(isReleasePublic(doc)).toBe(true)
    expect(Date.parse(doc.updatedAt)).toBeLessThan(Date.parse(lift))
    expect(publicDateOf(doc)).toBe(lift)
    expect(editedAfterPublic(doc)).toBe(false)
  })

  it('RSS pubDate, Atom published and updated, JSON Feed date_published and date_modified', async () => {
    const { buildReleaseFeed } = await import('@/feeds/releaseFeed')
    const site = { kind: 'site' as const }
    const build = async (format: 'rss' | 'atom' | 'json') => {
      const built = await buildReleaseFeed(site, format, 1)
      if (built.status !== 200) throw new Error(`feed answered ${built.status}`)
      return built
    }
    const rss = await build('rss')
    const item = parseXml(rss.body).rss.channel.item[0]
    expect(text(item.title)).toBe(release.title)
    expect(text(item.pubDate)).toBe(new Date(lift).toUTCString())

    const atom = await build('atom')
    const entry = parseXml(atom.body).feed.entry[0]
    expect(text(entry.published)).toBe(lift)
    expect(text(entry.updated)).toBe(lift)
    // The feed's own Last-Modified and `updated` follow it too.
    expect(atom.lastModified.toISOString()).toBe(lift)
    expect(text(parseXml(atom.body).feed.updated)).toBe(lift)

    const json = JSON.parse((await build('json')).body)
    expect(json.items[0].date_published).toBe(lift)
    expect(json.items[0].date_modified).toBe(lift)
  })

  it('JSON-LD datePublished and dateModified, and article:published_time', async () => {
    const { releaseBySlug } = await import('@/data/newsroom')
    const { newsArticleLd, releaseDatePublished } = await import('@/seo/jsonLd')
    const doc = (await releaseBySlug(release.slug!))!
    const ld = newsArticleLd(doc)
    expect(ld.datePublished).toBe(lift)
    expect(ld.dateModified).toBe(lift)
    // The page's `article:published_time` meta tag is this same value.
    expect(releaseDatePublished(doc)).toBe(lift)
  })

  it('the release page, the archive and home cards, and search results show the lift', async () => {
    const { latestReleases, archive, releaseBySlug } = await import('@/data/newsroom')
    const { searchPublic } = await import('@/search')
    expect(await renderedDate((await releaseBySlug(release.slug!))!)).toBe(lift)
    expect(await renderedDate((await latestReleases())[0])).toBe(lift)
    expect(await renderedDate((await archive({ page: 1 })).docs[0])).toBe(lift)
    const found = await searchPublic('Dawnbreak')
    expect(found.releases.map((h) => h.doc.id)).toEqual([release.id])
    expect(await renderedDate(found.releases[0].doc as PressRelease)).toBe(lift)
  })

  it("the sitemap's lastmod for the release (and for the home page and archive)", async () => {
    const { buildSitemap } = await import('@/seo/sitemap')
    const { body } = await buildSitemap()
    const urls = parseXml(body).urlset.url as { loc: string; lastmod?: string }[]
    const lastmod = (loc: string) => urls.find((u) => u.loc === loc)?.lastmod
    expect(lastmod(`${SITE}/news/${release.slug}`)).toBe(lift)
    expect(lastmod(`${SITE}/`)).toBe(lift)
    expect(lastmod(`${SITE}/news`)).toBe(lift)
  })

  it('the webhook payload partner sites receive', async () => {
    await n.payload.create({
      collection: 'webhook-subscribers',
      data: {
        name: 'Partner site',
        url: 'https://partner.example.org/hooks/newsroom',
        active: true,
        secret: 'a'.repeat(32),
      },
      overrideAccess: true,
    })
    const { announceRelease } = await import('@/notify/announceRelease')
    expect(await announceRelease(await createLocalReq({}, n.payload), release.id)).toBe(1)
    const { docs } = await n.payload.find({ collection: 'webhook-deliveries', overrideAccess: true })
    expect(JSON.parse(docs[0].body as string).release.publishedAt).toBe(lift)
  })
})

describe('"Updated" means an edit after the public moment', () => {
  it('an edit before the lift is not an update; an edit hours after it is', async () => {
    const { editedAfterPublic, publicModifiedOf } = await import('@/access/visibility')
    const base = { _status: 'published' as const, publishedAt: '2026-03-02T01:00:00.000Z' }
    const embargoed = { ...base, embargoUntil: '2026-03-02T11:00:00.000Z' }
    // Saved at 20:00 the evening before, lifted at 06:00 (New York): not updated, modified at the lift.
    const savedBefore = { ...embargoed, updatedAt: '2026-03-02T01:00:00.000Z' }
    expect(editedAfterPublic(savedBefore)).toBe(false)
    expect(publicModifiedOf(savedBefore)).toBe('2026-03-02T11:00:00.000Z')
    // Four hours after the publish date but before the lift: still not an update.
    expect(editedAfterPublic({ ...embargoed, updatedAt: '2026-03-02T05:00:00.000Z' })).toBe(false)
    // Edited at noon, after the lift: updated, modified at noon.
    const editedAfter = { ...embargoed, updatedAt: '2026-03-02T17:00:00.000Z' }
    expect(editedAfterPublic(editedAfter)).toBe(true)
    expect(publicModifiedOf(editedAfter)).toBe('2026-03-02T17:00:00.000Z')
    // Without an embargo, the publish date is the public moment.
    expect(editedAfterPublic({ ...base, updatedAt: '2026-03-02T05:00:00.000Z' })).toBe(true)
  })
})
