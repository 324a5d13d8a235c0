import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { future, past, PNG_1x1, releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
beforeAll(async () => {
  n = await startTestNewsroom()
})
afterAll(async () => n?.close())

/** The error a bad write fails with: HTTP status, message, and the field paths it names. */
const failure = async (write: Promise<unknown>) => {
  try {
    await write
  } catch (error) {
    const e = error as { status?: number; message: string; data?: { errors?: { path: string; message: string }[] } }
    return { status: e.status, message: e.message, paths: (e.data?.errors ?? []).map((x) => x.path) }
  }
  throw new Error('expected the write to fail')
}

describe('press releases', () => {
  it('require a title, a summary and a body, named in the error', async () => {
    const err = await failure(
      n.payload.create({ collection: 'press-releases', data: { slug: 'no-title' } as never, ...as(n.users.editor) }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toEqual(expect.arrayContaining(['title', 'summary', 'body']))
    expect(err.message).toMatch(/Title/)
  })

  it('generate a URL-safe slug from the title, and accept an edited one', async () => {
    const doc = await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ title: 'Hartford HealthCare & MSK: “Care Partner” — 2026!' }),
      ...as(n.users.editor),
    })
    expect(doc.slug).toBe('hartford-healthcare-and-msk-care-partner-2026')
    const edited = await n.payload.update({
      collection: 'press-releases',
      id: doc.id,
      data: { slug: 'Care Partner Announcement' },
      ...as(n.users.editor),
    })
    expect(edited.slug).toBe('care-partner-announcement')
  })

  it('refuse a slug that is taken, naming the slug field', async () => {
    await n.payload.create({
      collection: 'press-releases',
      data: releaseData({ slug: 'taken-slug' }),
      ...as(n.users.editor),
    })
    const err = await failure(
      n.payload.create({
        collection: 'press-releases',
        data: releaseData({ slug: 'taken-slug' }),
        ...as(n.users.editor),
      }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toContain('slug')
  })

  it('refuse a source URL that is not http(s)', async () => {
    const err = await failure(
      n.payload.create({
        collection: 'press-releases',
        data: releaseData({ source: { originalUrl: 'javascript:alert(1)' } }),
        ...as(n.users.editor),
      }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toContain('source.originalUrl')
  })

  it('refuse an invalid media-contact e-mail', async () => {
    const err = await failure(
      n.payload.create({
        collection: 'press-releases',
        data: releaseData({ mediaContacts: [{ name: 'Press office', email: 'not-an-email' }] }),
        ...as(n.users.editor),
      }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toContain('mediaContacts.0.email')
  })

  it('refuse an invalid date', async () => {
    const err = await failure(
      n.payload.create({
        collection: 'press-releases',
        data: releaseData({ embargoUntil: 'next tuesday-ish' }),
        ...as(n.users.editor),
      }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toContain('embargoUntil')
  })
})

describe('partners, quotes, milestones, events, topics', () => {
  it('partners need a name and a known kind', async () => {
    const err = await failure(
      n.payload.create({ collection: 'partners', data: { kind: 'spaceship' } as never, ...as(n.users.admin) }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toEqual(expect.arrayContaining(['name', 'kind']))
  })

  it('quotes need the words and the speaker', async () => {
    const err = await failure(n.payload.create({ collection: 'quotes', data: {} as never, ...as(n.users.editor) }))
    expect(err.status).toBe(400)
    expect(err.paths).toEqual(expect.arrayContaining(['text', 'speakerName']))
  })

  it('milestones need a title, a date and a kind', async () => {
    const err = await failure(n.payload.create({ collection: 'milestones', data: {} as never, ...as(n.users.editor) }))
    expect(err.status).toBe(400)
    expect(err.paths).toEqual(expect.arrayContaining(['title', 'date', 'kind']))
  })

  it('events refuse an end before the start, an unknown time zone and a non-http registration link', async () => {
    const err = await failure(
      n.payload.create({
        collection: 'events',
        data: {
          title: 'Backwards',
          start: future(),
          end: past(),
          timeZone: 'Mars/Olympus_Mons',
          status: 'scheduled',
          registrationUrl: 'ftp://example.org',
        },
        ...as(n.users.editor),
      }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toEqual(expect.arrayContaining(['end', 'timeZone', 'registrationUrl']))
  })

  it('topics refuse a duplicate slug', async () => {
    await n.payload.create({ collection: 'topics', data: { name: 'Health equity' }, ...as(n.users.editor) })
    const err = await failure(
      n.payload.create({ collection: 'topics', data: { name: 'Health Equity' }, ...as(n.users.editor) }),
    )
    expect(err.status).toBe(400)
    expect(err.paths).toContain('slug')
  })
})

describe('media uploads', () => {
  const upload = (data: Buffer, mimetype: string, name: string, alt: string | null = 'Alt text') =>
    n.payload.create({
      collection: 'media',
      data: (alt === null ? {} : { alt }) as { alt: string },
      file: { data, mimetype, name, size: data.length },
      ...as(n.users.editor),
    })

  it('require alt text', async () => {
    const err = await failure(upload(PNG_1x1, 'image/png', 'no-alt.png', null))
    expect(err.status).toBe(400)
    expect(err.paths).toContain('alt')
  })

  it('refuse a file that is neither an image nor a PDF', async () => {
    const err = await failure(upload(Buffer.from('just some text'), 'text/plain', 'notes.txt'))
    expect(err.status).toBe(400)
    expect(err.message + err.paths.join()).toMatch(/file/i)
  })

  it('refuse an upload over the size limit with 400 naming the file and the limit', async () => {
    const big = Buffer.alloc(26 * 1024 * 1024, 1)
    const err = await failure(upload(big, 'application/pdf', 'huge.pdf'))
    expect(err.status).toBe(400)
    expect(err.paths).toEqual(['file'])
  })

  it('make the card, hero and 1200×630 Open Graph sizes from an image', async () => {
    const image = await sharp({ create: { width: 2000, height: 1200, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer()
    const media = await upload(image, 'image/jpeg', 'photo.jpg')
    expect(media.sizes?.og).toMatchObject({ width: 1200, height: 630 })
    expect(media.sizes?.card).toMatchObject({ width: 800, height: 450 })
    expect(media.sizes?.hero?.width).toBe(1600)
    expect(media.width).toBe(2000)
  })

  it('accept a PDF for the press kit', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\ntrailer<</Root 1 0 R/Size 3>>\nstartxref\n0\n%%EOF\n',
    )
    const media = await upload(pdf, 'application/pdf', 'fact-sheet.pdf', 'Fact sheet')
    expect(media.mimeType).toBe('application/pdf')
  })
})
