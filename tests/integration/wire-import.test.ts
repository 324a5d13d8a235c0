import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importRelease, type ImportResult } from '@/import/wireCopy/importRelease'
import { plainText } from '@/import/wireCopy/lexical'
import { parseWireCopy, type ParsedRelease } from '@/import/wireCopy/parse'
import type { User } from '@/payload-types'

import { importWireCopy } from '../../collections/PressReleases/endpoints/importWireCopy'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds')
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')
const carePartnerText = readFileSync(path.join(SEEDS, 'hhc-msk-care-partner-release.txt'), 'utf8')
const allianceText = readFileSync(path.join(SEEDS, 'msk-cancer-alliance-launch.txt'), 'utf8')
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8')

const allText = (parsed: ParsedRelease) => parsed.body.flatMap(plainText)
const paragraphs = (parsed: ParsedRelease) => parsed.body.filter((n) => n.kind === 'paragraph')
const speakers = (parsed: ParsedRelease) => parsed.quotes.map((q) => [q.name, q.title, q.organization])

describe('parsing the wire release (Care Partner, PR Newswire)', () => {
  const parsed = parseWireCopy(carePartnerText)

  it('takes the headline repeated in the body as the title, and reads the dateline', () => {
    expect(parsed.title).toBe(
      'Hartford HealthCare Cancer Institute Becomes First Health System in the Nation Designated as MSK Care Partner',
    )
    expect(parsed.titleFrom).toBe('headline')
    expect(parsed.dateline).toBe('HARTFORD, Conn.')
    expect(parsed.date).toBe('2026-01-28T12:00:00.000Z')
    expect(parsed.distributor).toBe('PR Newswire')
    expect(parsed.summary).toMatch(/^Hartford HealthCare Cancer Institute has achieved a historic milestone/)
  })

  it('starts the body after the dateline and keeps eight paragraphs and one list of nine benefits', () => {
    const paras = paragraphs(parsed)
    expect(paras).toHaveLength(8)
    expect(paras[0].kind === 'paragraph' && paras[0].text).toMatch(/^Hartford HealthCare Cancer Institute has achieved/)
    expect(allText(parsed).join('\n')).not.toContain('/PRNewswire/')
    const lists = parsed.body.filter((n) => n.kind === 'list')
    expect(lists).toHaveLength(1)
    const items = lists[0].kind === 'list' ? lists[0].items : []
    expect(items.map((i) => i.leadIn)).toEqual([
      'Sub-specialty oncology care modeled after MSK.',
      'Increasing access to the latest clinical trials.',
      'Integration of tumor boards for complex cases.',
      'Rapid adoption of leading-edge treatments.',
      'Enhancement in quality of care through aligned clinical practice.',
      'Leadership in clinical trial innovation.',
      'A shared commitment to improving patient care.',
      'Adopting a world-class standard of care.',
      'Collaboration with MSK physicians.',
    ])
    expect(items[1].text).toBe(
      'In the future, patients will have more access to MSK clinical trials while remaining under the care of their Hartford HealthCare physicians.',
    )
    // The list follows its introduction.
    const intro = parsed.body.findIndex((n) => n.kind === 'paragraph' && n.text.endsWith('will now benefit from:'))
    expect(parsed.body[intro + 1].kind).toBe('list')
  })

  it('drops the repeated copies: every sentence of the body appears once', () => {
    const text = allText(parsed).join('\n')
    for (const sentence of [
      'Hartford HealthCare Cancer Institute follows a sub-specialty model',
      'In the future, patients will have more access to MSK clinical trials',
      'MSK Care Partners is about accelerating patient access',
      'At the heart of the MSK Care Partner relationship',
      'Through knowledge-sharing, care delivery guidance',
    ]) {
      expect(text.split(sentence).length - 1, sentence).toBe(1)
    }
    expect(new Set(allText(parsed)).size).toBe(allText(parsed).length)
    expect(parsed.repeatsRemoved).toBeGreaterThanOrEqual(8)
  })

  it('extracts the three quotes with speaker, title and organisation, word for word', () => {
    expect(speakers(parsed)).toEqual([
      ['Jeffrey A. Flaks', 'President and CEO', 'Hartford HealthCare'],
      ['Shelly Anderson, MPM', 'Hospital President', 'Memorial Sloan Kettering Cancer Center'],
      ['Peter Yu, MD', 'Physician-in-Chief', 'Hartford HealthCare'],
    ])
    expect(parsed.quotes[0].text).toBe(
      "This marks a defining moment for cancer care in Connecticut. By expanding this partnership, we are removing barriers to innovation, bringing cutting-edge therapies, advanced clinical trials, and leading-edge research directly to patients across our entire system. It's a powerful step forward in our commitment to deliver truly world-class cancer care, right where our patients live.",
    )
    expect(parsed.quotes[2].text).toBe(
      'MSK Care Partners is about accelerating patient access to breakthroughs that save lives and improve quality of life. This relationship promotes seamless collaboration between physicians, nurses, and allied health professionals through education, research, and patient-centered care.',
    )
    // The body keeps its quotes too.
    expect(allText(parsed).join('\n')).toContain(
      '"This marks a defining moment for cancer care in Connecticut," said Jeffrey A. Flaks',
    )
  })

  it('separates the two About boilerplates, the footnote and the SOURCE line from the body', () => {
    expect(parsed.boilerplates.map((b) => [b.name, b.paragraphs.length])).toEqual([
      ['Hartford HealthCare', 5],
      ['Memorial Sloan Kettering Cancer Center', 1],
    ])
    expect(parsed.boilerplates[0].paragraphs[0]).toMatch(/^With 48,000 dedicated colleagues/)
    expect(parsed.footnotes).toEqual([
      { marker: '**', text: 'Manchester and Rockville locations are not yet included in this designation.' },
    ])
    expect(parsed.source).toEqual({ line: 'SOURCE Hartford HealthCare', name: 'Hartford HealthCare' })
    const text = allText(parsed).join('\n')
    expect(text).not.toContain('48,000 dedicated colleagues')
    expect(text).not.toContain('Manchester and Rockville')
    expect(text).not.toContain('SOURCE')
  })
})

describe('parsing the same release pasted differently', () => {
  /** Greedy wrap at `width` columns, as e-mail clients send plain text. */
  const wrap = (text: string, width: number) =>
    text
      .split('\n')
      .map((line) =>
        line
          .split(' ')
          .reduce<string[]>((out, word) => {
            const last = out[out.length - 1]
            if (last !== undefined && `${last} ${word}`.length <= width) out[out.length - 1] = `${last} ${word}`
            else out.push(word)
            return out
          }, [])
          .join('\n'),
      )
      .join('\n')

  it.each([
    ['with single line breaks', carePartnerText.replace(/\n\s*\n/g, '\n'), 7],
    ['wrapped at 72 columns', wrap(carePartnerText, 72), 9],
  ])('finds the same parts %s', (_, text, listItems) => {
    const parsed = parseWireCopy(text)
    expect(parsed.title).toBe(parseWireCopy(carePartnerText).title)
    expect(parsed.dateline).toBe('HARTFORD, Conn.')
    expect(speakers(parsed).map((s) => s[0])).toEqual(['Jeffrey A. Flaks', 'Shelly Anderson, MPM', 'Peter Yu, MD'])
    expect(parsed.boilerplates.map((b) => b.name)).toEqual([
      'Hartford HealthCare',
      'Memorial Sloan Kettering Cancer Center',
    ])
    expect(parsed.footnotes).toHaveLength(1)
    expect(parsed.source?.line).toBe('SOURCE Hartford HealthCare')
    const list = parsed.body.find((n) => n.kind === 'list')
    // Without blank lines the gaps that mark the last two benefits are gone: they stay paragraphs.
    expect(list?.kind === 'list' && list.items.length).toBe(listItems)
    expect(new Set(allText(parsed)).size).toBe(allText(parsed).length)
  })
})

describe('parsing the alliance announcement (a pasted web page, no dateline)', () => {
  const parsed = parseWireCopy(allianceText)

  it('leaves out the page furniture and titles the draft from the summary, with a warning', () => {
    expect(parsed.title).toBe(
      'Hartford Healthcare system in Connecticut has been selected as the first MSK Cancer Alliance member',
    )
    expect(parsed.titleFrom).toBe('first-sentence')
    expect(parsed.summary).toMatch(/^Hartford Healthcare system in Connecticut has been selected/)
    expect(parsed.dateline).toBeUndefined()
    expect(parsed.date).toBeUndefined()
    expect(parsed.warnings.join(' ')).toMatch(/No headline found/)
    expect(parsed.warnings.join(' ')).toMatch(/No dateline/)
    expect(parsed.ignored).toEqual(
      expect.arrayContaining(['Back to top ^', '© 2026 Memorial Sloan Kettering Cancer Center', 'ABOUT US']),
    )
    const text = allText(parsed).join('\n')
    expect(text).not.toMatch(/Back to top|Make an Appointment|\]\(|©/)
  })

  it('keeps sixteen paragraphs under four section headings, links reduced to their text', () => {
    expect(paragraphs(parsed)).toHaveLength(16)
    expect(parsed.body.filter((n) => n.kind === 'heading').map((n) => n.kind === 'heading' && n.text)).toEqual([
      'A Living, Breathing Dynamic Partnership',
      'Access to MSK Clinical Trials: Getting the Most-Advanced Treatments to HHC Patients',
      'New Collaborations',
      'Alliance Fulfills Vital Needs in Cancer Care Delivery',
    ])
    expect(parsed.body[0].kind === 'paragraph' && parsed.body[0].text).toMatch(
      /^Memorial Sloan Kettering today launched/,
    )
    expect(allText(parsed).join('\n')).toContain('by the Institute of Medicine (IOM) that described')
    expect(parsed.body.some((n) => n.kind === 'list')).toBe(false)
  })

  it('attributes every quote, including "Dr. Thompson" and "he added", in straight and curly quotes', () => {
    const thompson = ['Craig B. Thompson', 'President and CEO', 'Memorial Sloan Kettering']
    const baselga = ['José Baselga', 'Physician-in-Chief', 'Memorial Hospital']
    expect(speakers(parsed)).toEqual([
      thompson,
      ['Elliot Joseph', 'President and CEO', 'Hartford HealthCare'],
      baselga,
      baselga,
      ['Andrew Salner', 'Director', 'Helen & Harry Gray Cancer Center'],
      thompson,
      thompson,
      thompson,
    ])
    expect(parsed.quotes[0].text).toMatch(
      /^For more than a century, .* Today, we recognize the need to do more\. Through the MSK Cancer Alliance — and in collaboration/,
    )
    expect(parsed.quotes[3].text).toMatch(/^We want to rapidly accelerate the pace/)
    expect(parsed.quotes[7].text).toBe(
      'Good cancer care is not just treating cancer — it’s treating your cancer. Likewise, our partnership was designed to adapt and respond to the particular needs of Hartford HealthCare, its clinicians, and its patients—and, together, Memorial Sloan Kettering and HHC can evolve with the ever-changing practice of oncology.',
    )
    // Scare quotes and partial quotes inside paraphrase are not quotes of their own.
    expect(parsed.quotes.map((q) => q.text)).not.toContain('crisis')
    expect(parsed.quotes.some((q) => q.text.startsWith('we are building'))).toBe(false)
    expect(parsed.boilerplates).toEqual([])
    expect(parsed.footnotes).toEqual([])
    expect(parsed.source).toBeUndefined()
  })
})

describe('parsing hand-written variants', () => {
  it('reads a Business Wire dateline, headline and subheadline, bullets, name-first quotes, footnote and contact', () => {
    const parsed = parseWireCopy(fixture('wire-variant-businesswire.txt'))
    expect(parsed.title).toBe('Acme Health and Beacon Clinics Open Joint Cancer Center in Springfield')
    expect(parsed.subtitle).toBe('New center brings radiation oncology and clinical trials under one roof')
    expect([parsed.dateline, parsed.date, parsed.distributor]).toEqual([
      'SPRINGFIELD, Mass.',
      '2025-09-03T12:00:00.000Z',
      'Business Wire',
    ])
    expect(parsed.body[1]).toEqual({ kind: 'paragraph', text: 'The center offers:' })
    expect(parsed.body[2]).toEqual({
      kind: 'list',
      items: [
        { text: 'Radiation oncology with two new linear accelerators' },
        { text: 'A clinical trials office open to patients of both systems¹' },
        { text: 'Survivorship and nutrition counselling' },
      ],
    })
    expect(parsed.quotes).toEqual([
      {
        name: 'Maria Lopez',
        title: 'Chief Medical Officer',
        organization: 'Beacon Clinics',
        text: 'Patients will no longer have to travel two hours for radiation treatment.',
      },
      {
        name: 'Tom Reed',
        title: 'President',
        organization: 'Acme Health',
        text: 'We built this center with the community, not just for it. It opens to patients on Monday.',
      },
    ])
    expect(parsed.footnotes).toEqual([{ marker: '¹', text: 'Trials are open to adults 18 and over.' }])
    expect(parsed.contacts).toEqual([
      {
        name: 'Jane Doe',
        title: 'Communications Manager',
        organization: 'Acme Health',
        email: 'jane.doe@example.org',
        phone: '(413) 555-0100',
      },
    ])
    expect(parsed.boilerplates.map((b) => b.name)).toEqual(['Acme Health'])
    expect(parsed.source?.line).toBe('SOURCE Acme Health')
  })

  it('reads "January 5, 2026 (GLOBE NEWSWIRE) —" and a curly quote with the name before "said"', () => {
    const parsed = parseWireCopy(fixture('wire-variant-globenewswire.txt'))
    expect([parsed.dateline, parsed.date, parsed.distributor]).toEqual([
      'NEW YORK',
      '2026-01-05T12:00:00.000Z',
      'GlobeNewswire',
    ])
    expect(parsed.title).toBe('Northwind Cancer Alliance today named three new member hospitals')
    expect(parsed.quotes).toEqual([
      {
        name: 'Dr. Ana Ruiz',
        text: 'This is the largest expansion in our history. Each new member brings trials closer to home.',
      },
    ])
  })

  it('reads a plain dateline without a wire, a "*" footnote and a "TITLE, ORG" attribution', () => {
    const parsed = parseWireCopy(
      [
        'Coalition Opens Registration for Its Spring Cancer Summit',
        '',
        'HARTFORD, Conn., Mar. 2, 2026 -- The state cancer coalition opened registration for its spring summit on early detection in rural towns.*',
        '',
        '"Early detection saves lives, and it starts with showing up," said Lee Park, Executive Director, Connecticut Cancer Partnership, Inc.',
        '',
        '*Registration closes April 1.',
        '',
        'View original content:https://www.prnewswire.com/news-releases/coalition-summit-302000000.html',
        '',
        'SOURCE Connecticut Cancer Partnership',
      ].join('\n'),
    )
    expect(parsed.originalUrl).toBe('https://www.prnewswire.com/news-releases/coalition-summit-302000000.html')
    expect(parsed.source?.name).toBe('Connecticut Cancer Partnership')
    expect(allText(parsed).join(' ')).not.toMatch(/View original|SOURCE|Registration closes/)
    expect([parsed.dateline, parsed.date, parsed.wire]).toEqual([
      'HARTFORD, Conn.',
      '2026-03-02T12:00:00.000Z',
      undefined,
    ])
    expect(parsed.quotes[0]).toMatchObject({
      name: 'Lee Park',
      title: 'Executive Director',
      organization: 'Connecticut Cancer Partnership, Inc',
    })
    expect(parsed.footnotes).toEqual([{ marker: '*', text: 'Registration closes April 1.' }])
  })

  it('refuses text that is not a release, saying what is missing', () => {
    expect(() => parseWireCopy('   \n ')).toThrow(/The text is empty/)
    expect(() => parseWireCopy('Just a headline')).toThrow(/No body text found/)
    expect(() => parseWireCopy(42)).toThrow(/The text is empty/)
  })
})

describe('importing wire copy', () => {
  let newsroom: TestNewsroom
  let hhc: number
  let msk: number

  const reqFor = async (user: User | null): Promise<PayloadRequest> =>
    createLocalReq(
      { user: user ? ({ ...user, collection: 'users' } as NonNullable<PayloadRequest['user']>) : undefined },
      newsroom.payload,
    )

  const importAs = async (user: User, text: string): Promise<ImportResult> =>
    importRelease({ text, req: await reqFor(user) })

  /** The endpoint's handler, given a request as the REST route would build it. */
  const post = async (user: User | null, body: string, contentType = 'application/json') => {
    const req = await reqFor(user)
    const request = new Request('http://localhost/api/press-releases/import', {
      method: 'POST',
      body,
      headers: { 'content-type': contentType },
    })
    Object.assign(req, { headers: request.headers, json: () => request.json(), text: () => request.text() })
    const res = await importWireCopy.handler(req)
    return { status: res.status, body: (await res.json()) as ImportResult & { errors?: { message: string }[] } }
  }

  beforeAll(async () => {
    newsroom = await startTestNewsroom()
    const partner = (name: string, shortName: string, kind: 'health-system' | 'cancer-center') =>
      newsroom.payload.create({ collection: 'partners', data: { name, shortName, kind }, overrideAccess: true })
    hhc = (await partner('Hartford HealthCare', 'HHC', 'health-system')).id
    msk = (await partner('Memorial Sloan Kettering Cancer Center', 'MSK', 'cancer-center')).id
  })
  afterAll(async () => {
    await newsroom?.close()
  })

  it('lets a contributor import the wire release as a draft with its quotes, partners, footnote and source', async () => {
    const { payload, users } = newsroom
    const result = await importAs(users.contributor, carePartnerText)
    expect(result.release.status).toBe('draft')
    expect(result.release.adminUrl).toBe(`/admin/collections/press-releases/${result.release.id}`)

    const release = await payload.findByID({
      collection: 'press-releases',
      id: result.release.id,
      depth: 0,
      ...as(users.contributor),
    })
    expect(release._status).toBe('draft')
    expect(release.title).toBe(result.extracted.title)
    expect(release.slug).toBe('hartford-healthcare-cancer-institute-becomes-first-health-system-in-the-nation')
    expect(release.dateline).toBe('HARTFORD, Conn.')
    expect(release.publishedAt).toBe('2026-01-28T12:00:00.000Z')
    expect(release.footnotes?.map((f) => [f.marker, f.text])).toEqual([
      ['**', 'Manchester and Rockville locations are not yet included in this designation.'],
    ])
    expect(release.source).toMatchObject({ distributor: 'PR Newswire', sourceLine: 'SOURCE Hartford HealthCare' })
    expect([...(release.partners as number[])].sort()).toEqual([hhc, msk].sort())
    expect(release.quotes).toHaveLength(3)
    const trail = await payload.find({
      collection: 'release-activity',
      where: { release: { equals: release.id } },
      depth: 0,
      ...as(users.contributor),
    })
    expect(trail.docs.map((a) => [a.action, a.user])).toEqual([['imported', users.contributor.id]])

    const body = release.body.root.children as {
      type: string
      children?: { type: string; children?: { text?: string; format?: number }[] }[]
    }[]
    expect(body.map((n) => n.type)).toEqual([...Array(8).fill('paragraph'), 'list'])
    const firstItem = body[8].children?.[0].children ?? []
    expect(firstItem[0]).toMatchObject({ text: 'Sub-specialty oncology care modeled after MSK.', format: 1 })

    const quotes = await payload.find({
      collection: 'quotes',
      where: { release: { equals: release.id } },
      sort: 'createdAt',
      ...as(users.contributor),
    })
    expect(quotes.docs.map((q) => [q.speakerName, q.speakerTitle, q.speakerOrganization, q.provenance])).toEqual([
      ['Jeffrey A. Flaks', 'President and CEO', 'Hartford HealthCare', 'verbatim'],
      ['Shelly Anderson, MPM', 'Hospital President', 'Memorial Sloan Kettering Cancer Center', 'verbatim'],
      ['Peter Yu, MD', 'Physician-in-Chief', 'Hartford HealthCare', 'verbatim'],
    ])
    expect(quotes.docs.map((q) => (typeof q.partner === 'object' ? q.partner?.id : q.partner))).toEqual([hhc, msk, hhc])
    expect(result.partners.linked.map((p) => [p.name, p.via])).toEqual([
      ['Hartford HealthCare', 'about'],
      ['Memorial Sloan Kettering Cancer Center', 'about'],
    ])
    expect(result.partners.proposed).toEqual([])

    // Nothing of it is public: not the release, not its quotes.
    const anonymous = await payload.find({
      collection: 'press-releases',
      where: { slug: { equals: release.slug } },
      ...as(null),
    })
    expect(anonymous.totalDocs).toBe(0)
    const anonymousQuotes = await payload.find({
      collection: 'quotes',
      where: { release: { equals: release.id } },
      ...as(null),
    })
    expect(anonymousQuotes.totalDocs).toBe(0)
  })

  it('imports the alliance announcement, linking partners through the speakers and keeping no dateline', async () => {
    const { payload, users } = newsroom
    const result = await importAs(users.editor, allianceText)
    const release = await payload.findByID({
      collection: 'press-releases',
      id: result.release.id,
      depth: 0,
      ...as(users.editor),
    })
    expect(release._status).toBe('draft')
    expect(release.title).toBe(
      'Hartford Healthcare system in Connecticut has been selected as the first MSK Cancer Alliance member',
    )
    expect(release.publishedAt ?? null).toBeNull()
    expect(release.quotes).toHaveLength(8)
    expect([...(release.partners as number[])].sort()).toEqual([hhc, msk].sort())
    expect(result.partners.linked.every((p) => p.via === 'quote')).toBe(true)
    expect(result.extracted).toMatchObject({ paragraphs: 16, headings: 4, lists: [] })
    expect(result.warnings.join(' ')).toMatch(/No dateline/)
  })

  it('proposes a partner for an unknown "About" and keeps that boilerplate in the body', async () => {
    const { payload, users } = newsroom
    const result = await importAs(users.admin, fixture('wire-variant-businesswire.txt'))
    expect(result.partners.proposed).toEqual([
      {
        name: 'Acme Health',
        slug: 'acme-health',
        about: ['Acme Health is a nonprofit health system serving western Massachusetts.'],
      },
    ])
    expect(
      await payload.count({ collection: 'partners', where: { name: { equals: 'Acme Health' } }, overrideAccess: true }),
    ).toMatchObject({ totalDocs: 0 })
    const release = await payload.findByID({
      collection: 'press-releases',
      id: result.release.id,
      depth: 0,
      ...as(users.admin),
    })
    const last = release.body.root.children.slice(-2) as unknown as { type: string; children: { text: string }[] }[]
    expect(last.map((n) => [n.type, n.children[0].text])).toEqual([
      ['heading', 'About Acme Health'],
      ['paragraph', 'Acme Health is a nonprofit health system serving western Massachusetts.'],
    ])
    expect(release.mediaContacts?.[0]).toMatchObject({
      name: 'Jane Doe',
      email: 'jane.doe@example.org',
      phone: '(413) 555-0100',
    })
  })

  it('answers a second import of the same text with a new draft under a "-2" slug, not an error', async () => {
    const { users } = newsroom
    const first = await post(users.contributor, JSON.stringify({ text: fixture('wire-variant-globenewswire.txt') }))
    const second = await post(users.contributor, JSON.stringify({ text: fixture('wire-variant-globenewswire.txt') }))
    expect([first.status, second.status]).toEqual([201, 201])
    expect(second.body.release.slug).toBe(`${first.body.release.slug}-2`)
    expect(second.body.quotes[0].slug).toBe(`${first.body.quotes[0].slug}-2`)
    expect(second.body.warnings.join(' ')).toMatch(/already exists/)
  })

  it('takes text/plain and an explicit title over the endpoint', async () => {
    const res = await post(newsroom.users.editor, fixture('wire-variant-globenewswire.txt'), 'text/plain')
    expect(res.status).toBe(201)
    expect(res.body.extracted.paragraphs).toBe(2)
    const titled = await post(
      newsroom.users.editor,
      JSON.stringify({ text: fixture('wire-variant-globenewswire.txt'), title: 'Northwind Adds Three Hospitals' }),
    )
    expect(titled.body.release.title).toBe('Northwind Adds Three Hospitals')
    expect(titled.body.extracted.titleFrom).toBe('given')
  })

  it('refuses anonymous callers and bad input with a clear 4xx, saving nothing', async () => {
    const before = await newsroom.payload.count({ collection: 'press-releases', overrideAccess: true })
    const anonymous = await post(null, JSON.stringify({ text: carePartnerText }))
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors?.[0].message).toMatch(/Log in/)

    const empty = await post(newsroom.users.contributor, JSON.stringify({ text: '  ' }))
    expect(empty.status).toBe(400)
    expect(empty.body.errors?.[0].message).toMatch(/The text is empty/)
    const missing = await post(newsroom.users.contributor, JSON.stringify({ body: 'x' }))
    expect(missing.status).toBe(400)
    expect(missing.body.errors?.[0].message).toMatch(/"text" field/)
    const broken = await post(newsroom.users.contributor, '{"text": ')
    expect(broken.status).toBe(400)
    expect(broken.body.errors?.[0].message).toMatch(/not valid JSON/)
    const headlineOnly = await post(newsroom.users.contributor, JSON.stringify({ text: 'Just a headline' }))
    expect(headlineOnly.status).toBe(400)
    expect(headlineOnly.body.errors?.[0].message).toMatch(/No body text found/)
    expect(await newsroom.payload.count({ collection: 'press-releases', overrideAccess: true })).toEqual(before)
  })
})
