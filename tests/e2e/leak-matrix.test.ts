/**
 * The leak matrix: every public surface × every non-public state of a release × anonymous,
 * contributor and editor. Each release carries a unique marker in its title, summary, body,
 * quote, speaker, milestone, alt text, caption and file names, and its own hero image and
 * press-kit PDF. A public control release (and event) with its own marker must show on every
 * surface, so the matrix cannot pass by showing nothing. Pre-briefing links (issue 15) are
 * probed last: a valid link shows its own embargoed release to its holder and nothing of any
 * other, while every anonymous surface stays as clean as before.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { factSheetPdf } from '@/seed/pdf'

import { startServer, type TestServer } from '../helpers/server'
import { startSmtpServer } from '../helpers/smtp'
import { ANONYMOUS, apiAs, inParallel, requestAs, setUpStaff, uploadAs, type Session } from '../helpers/staff'

const RUN = Date.now().toString(36)
type Hidden = 'draft' | 'embargoed' | 'futureDated' | 'unpublished' | 'deleted'
type State = Hidden | 'control' | 'lift' | 'briefed'
const DAY = 864e5

type Fixture = {
  state: State
  marker: string
  slug: string
  id: number
  quote: number
  milestone: number
  media: (number | string)[]
  files: string[]
  images: string[]
}

let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let staff: Awaited<ReturnType<typeof setUpStaff>>
let partner = { id: 0, slug: '' }
let topic = { id: 0, slug: '' }
const fixtures = new Map<State, Fixture>()
let png: Buffer

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
const api = <T = Record<string, unknown>>(session: Session, path: string, body?: unknown, method?: string) =>
  apiAs<T>(server.url, session, path, body, method)
const pathOf = (url: string) => new URL(url, server.url).pathname
const nextImage = (file: string) => `/_next/image?url=${encodeURIComponent(file)}&w=640&q=75`

/** A release in the given state with everything that hangs off it, all created by the editor. */
const createFixture = async (state: State, releaseState: Record<string, unknown>): Promise<Fixture> => {
  const editor = staff.editor
  const marker = `zq${state.toLowerCase()}${RUN}`
  const hero = await uploadAs(
    server.url,
    editor,
    { data: png, type: 'image/png', name: `${marker}-hero.png` },
    {
      alt: `Alt ${marker}`,
      caption: `Caption ${marker}`,
    },
  )
  const pdf = factSheetPdf({ title: `Kit ${marker}`, paragraphs: ['Leakprobe'], footer: 'Leakprobe' })
  const kit = await uploadAs(
    server.url,
    editor,
    { data: pdf, type: 'application/pdf', name: `${marker}-kit.pdf` },
    { alt: `Kit ${marker}` },
  )
  const quote = (
    await api<{ doc: { id: number } }>(editor, '/api/quotes', {
      _status: 'published',
      text: `Leakprobe quote ${marker}`,
      speakerName: `Speaker ${marker}`,
      partner: partner.id,
    })
  ).doc
  const slug = `leakprobe-${state.toLowerCase()}-${RUN}`
  const draft = releaseState._status === 'draft'
  const release = (
    await api<{ doc: { id: number } }>(editor, `/api/press-releases${draft ? '?draft=true' : ''}`, {
      title: `Leakprobe ${marker}`,
      slug,
      summary: `Leakprobe summary ${marker}`,
      body: lexical(`Leakprobe body ${marker}`),
      partners: [partner.id],
      topics: [topic.id],
      heroImage: hero.id,
      assets: [{ file: kit.id, title: `Kit ${marker}` }],
      quotes: [quote.id],
      ...releaseState,
    })
  ).doc
  await api(editor, `/api/quotes/${quote.id}`, { release: release.id }, 'PATCH')
  const milestone = (
    await api<{ doc: { id: number } }>(editor, '/api/milestones', {
      _status: 'published',
      title: `Leakprobe milestone ${marker}`,
      date: new Date().toISOString(),
      kind: 'other',
      partners: [partner.id],
      announcedIn: release.id,
      summary: `Milestone summary ${marker}`,
    })
  ).doc
  const images = [
    hero.url,
    ...Object.values(hero.sizes ?? {})
      .filter((s) => s?.filename)
      .map((s) => s!.url!),
  ].map(pathOf)
  return {
    state,
    marker,
    slug,
    id: release.id,
    quote: quote.id,
    milestone: milestone.id,
    media: [hero.id, kit.id],
    files: [...images, pathOf(kit.url)],
    images,
  }
}

// ---------------------------------------------------------------- surfaces

type Probe = {
  surface: string
  path: string
  init?: RequestInit
  /** A file: visible means a 200 answer. Otherwise visible means the marker (or slug) is in the body. */
  binary?: boolean
  /** Pages and feeds are anonymous reads: staff credentials must change nothing. */
  publicRead: boolean
  /** States whose marker must show on this surface to anonymous readers (the control). */
  mustShow: State[]
  /** States a logged-in staff member must see here (the staff APIs show drafts). */
  staffSees?: State[]
  /** Text the request itself put in the answer (a 404 page repeats the slug it was asked for). */
  echo?: string
  /** For pages: the JSON-LD and Open Graph parts that must also name the control. */
  controlInParts?: boolean
  /** Limited to the states it is about (a release's own URL). */
  states?: State[]
}

const graphql = (query: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ query }),
})

const notDeleted = (states: State[]) => states.filter((s) => s !== 'deleted')

const probesFor = (all: Fixture[], visible: State[]): Probe[] => {
  const states = all.map((f) => f.state)
  const shown = visible
  const staffAll = notDeleted(states)
  const year = new Date().getUTCFullYear()
  const page = (surface: string, path: string, mustShow = shown): Probe => ({
    surface,
    path,
    publicRead: true,
    mustShow,
  })
  const probes: Probe[] = [
    page('home page', '/'),
    page('archive', '/news'),
    page('archive by partner', `/news?partner=${partner.slug}`),
    page('archive by topic', `/news?topic=${topic.slug}`),
    page('archive by year', `/news?year=${year}`),
    page('partner directory', '/partners', []),
    page('partner profile', `/partners/${partner.slug}`),
    page('milestones page', '/milestones'),
    page('events page', '/events', []),
    page('search page', '/search?q=Leakprobe'),
    page('sitemap', '/sitemap.xml'),
    page('RSS feed', '/feed.xml'),
    page('Atom feed', '/atom.xml'),
    page('JSON feed', '/feed.json'),
    ...(['feed.xml', 'atom.xml', 'feed.json'] as const).flatMap((f) => [
      page(`partner ${f}`, `/partners/${partner.slug}/${f}`),
      page(`topic ${f}`, `/topics/${topic.slug}/${f}`),
    ]),
    page('milestones feed', '/milestones/feed.json'),
    page('events calendar', '/events.ics', []),
    {
      surface: 'REST list',
      path: '/api/press-releases?limit=200',
      publicRead: false,
      mustShow: shown,
      staffSees: staffAll,
    },
    {
      surface: 'REST list ?draft=true',
      path: '/api/press-releases?limit=200&draft=true',
      publicRead: false,
      mustShow: shown,
      staffSees: staffAll,
    },
    {
      surface: 'REST versions',
      path: '/api/press-releases/versions?limit=200',
      publicRead: false,
      mustShow: [],
      staffSees: staffAll,
    },
    { surface: 'REST quotes', path: '/api/quotes?limit=200', publicRead: false, mustShow: shown, staffSees: staffAll },
    {
      surface: 'REST milestones',
      path: '/api/milestones?limit=200',
      publicRead: false,
      mustShow: shown,
      staffSees: staffAll,
    },
    { surface: 'REST media', path: '/api/media?limit=200', publicRead: false, mustShow: shown, staffSees: states },
    {
      surface: 'GraphQL list',
      path: '/api/graphql',
      init: graphql('{ PressReleases(limit: 200) { docs { title summary slug } } }'),
      publicRead: false,
      mustShow: shown,
      staffSees: staffAll,
    },
    {
      surface: 'GraphQL list draft: true',
      path: '/api/graphql',
      init: graphql('{ PressReleases(limit: 200, draft: true) { docs { title summary slug } } }'),
      publicRead: false,
      mustShow: shown,
      staffSees: staffAll,
    },
    {
      surface: 'GraphQL versions',
      path: '/api/graphql',
      init: graphql('{ versionsPressReleases(limit: 200) { docs { version { title } } } }'),
      publicRead: false,
      mustShow: [],
      staffSees: staffAll,
    },
    {
      surface: 'GraphQL quotes',
      path: '/api/graphql',
      init: graphql('{ Quotes(limit: 200) { docs { text speakerName } } }'),
      publicRead: false,
      mustShow: shown,
      staffSees: staffAll,
    },
    {
      surface: 'GraphQL milestones',
      path: '/api/graphql',
      init: graphql('{ Milestones(limit: 200) { docs { title summary } } }'),
      publicRead: false,
      mustShow: shown,
      staffSees: staffAll,
    },
    {
      surface: 'GraphQL media',
      path: '/api/graphql',
      init: graphql('{ allMedia(limit: 200) { docs { alt caption filename url } } }'),
      publicRead: false,
      mustShow: shown,
      staffSees: states,
    },
  ]
  for (const f of all) {
    const own = (p: Omit<Probe, 'states'>): Probe => ({ ...p, states: [f.state] })
    const isShown = shown.includes(f.state) ? [f.state] : []
    const staffOwn = f.state === 'deleted' ? [] : [f.state]
    probes.push(
      own({
        surface: 'release page',
        path: `/news/${f.slug}`,
        publicRead: true,
        mustShow: isShown,
        echo: f.slug,
        controlInParts: true,
      }),
      own({
        surface: 'REST by id',
        path: `/api/press-releases/${f.id}`,
        publicRead: false,
        mustShow: isShown,
        staffSees: staffOwn,
      }),
      own({
        surface: 'REST by id ?draft=true',
        path: `/api/press-releases/${f.id}?draft=true`,
        publicRead: false,
        mustShow: isShown,
        staffSees: staffOwn,
      }),
      own({
        surface: 'REST by slug',
        path: `/api/press-releases?where[slug][equals]=${f.slug}`,
        publicRead: false,
        mustShow: isShown,
        staffSees: staffOwn,
      }),
      own({
        surface: 'REST quote by id',
        path: `/api/quotes/${f.quote}`,
        publicRead: false,
        mustShow: isShown,
        staffSees: staffOwn,
      }),
      own({
        surface: 'REST milestone by id',
        path: `/api/milestones/${f.milestone}`,
        publicRead: false,
        mustShow: isShown,
        staffSees: staffOwn,
      }),
      ...f.media.map((id) =>
        own({
          surface: 'REST media by id',
          path: `/api/media/${id}`,
          publicRead: false,
          mustShow: isShown,
          staffSees: [f.state],
        }),
      ),
      own({
        surface: 'GraphQL by id',
        path: '/api/graphql',
        init: graphql(`{ PressRelease(id: ${f.id}) { title summary } }`),
        publicRead: false,
        mustShow: isShown,
        staffSees: staffOwn,
      }),
      own({
        surface: 'GraphQL by id draft: true',
        path: '/api/graphql',
        init: graphql(`{ PressRelease(id: ${f.id}, draft: true) { title summary } }`),
        publicRead: false,
        mustShow: isShown,
        staffSees: staffOwn,
      }),
      ...f.files.map((file) =>
        own({
          surface: `media file ${file.replace(f.marker, '<marker>')}`,
          path: file,
          binary: true,
          publicRead: false,
          mustShow: isShown,
          staffSees: [f.state],
        }),
      ),
      // Next's image optimiser would keep copies for hours, past an unpublish: it is given no
      // uploaded media to fetch (next.config.ts), so it must never answer with one, whatever the state.
      ...f.images.map((file) =>
        own({
          surface: `optimised image ${file.replace(f.marker, '<marker>')}`,
          path: nextImage(file),
          binary: true,
          publicRead: true,
          mustShow: [],
        }),
      ),
    )
  }
  return probes
}

/** Which parts of a page hold a needle: JSON-LD, Open Graph / Twitter tags, or the rest. */
const partsOf = (html: string) => ({
  'JSON-LD': [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('\n'),
  'Open Graph': [...html.matchAll(/<meta[^>]+(?:property|name)="(?:og|twitter):[^"]*"[^>]*>/g)]
    .map((m) => m[0])
    .join('\n'),
})

/** Every broken expectation, each naming surface, state and role. */
const runMatrix = async (all: Fixture[], visible: State[], roles: Session[]): Promise<string[]> => {
  const probes = probesFor(all, visible)
  const jobs = roles.flatMap((session) => probes.map((probe) => ({ session, probe })))
  const violations: string[] = []
  await inParallel(jobs, 6, async ({ session, probe }) => {
    const res = await requestAs(server.url, session, probe.path, probe.init)
    const body = probe.binary ? '' : await res.text()
    if (probe.binary) await res.arrayBuffer()
    const text = (probe.echo ? body.replaceAll(probe.echo, '') : body).toLowerCase()
    const isStaff = session.role !== 'anonymous'
    const where = (state: State) => `${probe.surface} (${probe.path}) | ${state} | ${session.role}`
    for (const f of all) {
      if (probe.states && !probe.states.includes(f.state)) continue
      const seen = probe.binary ? res.status === 200 : text.includes(f.marker) || text.includes(f.slug)
      const mustSee =
        isStaff && !probe.publicRead && probe.staffSees
          ? probe.staffSees.includes(f.state)
          : probe.mustShow.includes(f.state)
      const mayShow = visible.includes(f.state) || (isStaff && !probe.publicRead)
      if (seen && !mayShow) {
        const parts = Object.entries(partsOf(body.toLowerCase()))
          .filter(([, t]) => t.includes(f.marker))
          .map(([k]) => k)
        violations.push(
          `${where(f.state)}: LEAKED (HTTP ${res.status}${parts.length ? `, in ${parts.join(' and ')}` : ''})`,
        )
      } else if (!seen && mustSee) {
        violations.push(`${where(f.state)}: expected to show, missing (HTTP ${res.status})`)
      }
      if (seen && mustSee && probe.controlInParts && !probe.binary) {
        for (const [part, t] of Object.entries(partsOf(body.toLowerCase()))) {
          if (!t.includes(f.marker)) violations.push(`${where(f.state)}: ${part} does not name the release`)
        }
      }
    }
  })
  return violations.sort()
}

/** What a reader sees while a release is public, so the caches have something to go stale. */
const warm = async (f: Fixture) => {
  for (const path of [
    '/',
    '/feed.xml',
    `/news/${f.slug}`,
    `/partners/${partner.slug}`,
    '/milestones/feed.json',
    ...f.files,
  ]) {
    const res = await requestAs(server.url, ANONYMOUS, path)
    const body = Buffer.from(await res.arrayBuffer())
    expect(res.status, `${path} while public`).toBe(200)
    if (!f.files.includes(path)) expect(body.toString('utf8'), path).toContain(f.marker)
  }
}

beforeAll(async () => {
  // A real SMTP server only for the pre-briefing mails (their links are the tokens).
  smtp = await startSmtpServer()
  server = await startServer({ SMTP_URL: smtp.url })
  staff = await setUpStaff(server.url)
  png = await sharp({ create: { width: 1300, height: 700, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer()
  const p = (
    await api<{ doc: { id: number; slug: string } }>(staff.admin, '/api/partners', {
      name: `Leakprobe Partner ${RUN}`,
      kind: 'other',
    })
  ).doc
  partner = { id: p.id, slug: p.slug }
  const t = (
    await api<{ doc: { id: number; slug: string } }>(staff.editor, '/api/topics', { name: `Leakprobe Topic ${RUN}` })
  ).doc
  topic = { id: t.id, slug: t.slug }

  const published = { _status: 'published' }
  fixtures.set('control', await createFixture('control', published))
  await api(staff.editor, '/api/events', {
    _status: 'published',
    title: `Leakprobe event ${fixtures.get('control')!.marker}`,
    start: new Date(Date.now() + 7 * DAY).toISOString(),
    timeZone: 'America/New_York',
    hosts: [partner.id],
  })
  fixtures.set('draft', await createFixture('draft', { _status: 'draft' }))
  fixtures.set(
    'embargoed',
    await createFixture('embargoed', { ...published, embargoUntil: new Date(Date.now() + DAY).toISOString() }),
  )
  fixtures.set(
    'futureDated',
    await createFixture('futureDated', { ...published, publishedAt: new Date(Date.now() + DAY).toISOString() }),
  )
  for (const state of ['unpublished', 'deleted'] as const) {
    const f = await createFixture(state, published)
    fixtures.set(state, f)
    await warm(f)
  }
  await api(staff.editor, `/api/press-releases/${fixtures.get('unpublished')!.id}`, { _status: 'draft' }, 'PATCH')
  // Deleting a release would set its quotes and milestones free (public): refused until they go.
  const deleted = fixtures.get('deleted')!
  await expect(api(staff.editor, `/api/press-releases/${deleted.id}`, undefined, 'DELETE')).rejects.toThrow(
    /409.*1 quote and 1 milestone/,
  )
  await api(staff.editor, `/api/quotes/${deleted.quote}`, undefined, 'DELETE')
  await api(staff.editor, `/api/milestones/${deleted.milestone}`, undefined, 'DELETE')
  await api(staff.editor, `/api/press-releases/${deleted.id}`, undefined, 'DELETE')
})

afterAll(async () => {
  await server?.stop()
  await smtp?.close()
})

describe('leak matrix', () => {
  it('shows only public releases, and their media, on every surface, whoever asks', async () => {
    const violations = await runMatrix(
      [...fixtures.values()],
      ['control'],
      [ANONYMOUS, staff.contributor, staff.editor],
    )
    expect(violations).toEqual([])
  })

  it('shows an embargoed release everywhere, media included, once its embargo lifts', async () => {
    const liftAt = Date.now() + 12_000
    const lift = await createFixture('lift', { _status: 'published', embargoUntil: new Date(liftAt).toISOString() })
    expect(Date.now(), 'setup took longer than the embargo').toBeLessThan(liftAt - 1000)
    const before = await runMatrix([lift], [], [ANONYMOUS])
    expect(Date.now(), 'the check before the lift ran past it').toBeLessThan(liftAt)
    expect(before).toEqual([])
    await new Promise((r) => setTimeout(r, Math.max(0, liftAt - Date.now()) + 200))
    const after = await runMatrix([lift], ['lift'], [ANONYMOUS])
    expect(after).toEqual([])
  })
})

describe('pre-briefing links', () => {
  const BRIEFING = /\/briefings\/([A-Za-z0-9_-]{43})/
  const get = (path: string) => requestAs(server.url, ANONYMOUS, path, { redirect: 'manual' })
  /** The link in the pre-briefing mail to `address`, once the queue (run now) has sent it. */
  const linkMailedTo = async (address: string) => {
    await requestAs(server.url, staff.editor, '/api/payload-jobs/run?limit=50')
    const deadline = Date.now() + 20_000
    while (!smtp.to(address).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    const text = smtp.to(address).at(-1)?.parsed.text ?? ''
    const match = BRIEFING.exec(text)
    expect(match, `a pre-briefing link in the mail to ${address}:\n${text}`).not.toBeNull()
    return `/briefings/${match![1]}`
  }
  const viewsOf = async (release: number) =>
    (
      await api<{ totalDocs: number }>(
        staff.editor,
        `/api/release-activity?where[release][equals]=${release}&where[action][equals]=pre-briefing-viewed&limit=1`,
      )
    ).totalDocs

  it('shows the embargoed release to each link holder only, nothing of any other release, and never to anonymous surfaces', async () => {
    const others = [...fixtures.values()]
    const embargoed = fixtures.get('embargoed')!
    const briefed = await createFixture('briefed', {
      _status: 'published',
      embargoUntil: new Date(Date.now() + DAY).toISOString(),
    })
    // Everything another release could lend it: related releases in every state, and the quote of another embargoed release.
    await api(
      staff.editor,
      `/api/press-releases/${briefed.id}`,
      {
        relatedReleases: others.filter((f) => f.state !== 'deleted').map((f) => f.id),
        quotes: [briefed.quote, embargoed.quote],
      },
      'PATCH',
    )
    const contact = async (name: string) =>
      (
        await api<{ doc: { id: number; email: string } }>(staff.editor, '/api/press-contacts', {
          name,
          outlet: 'Leakprobe Times',
          email: `${name.toLowerCase()}-${RUN}@press.example`,
        })
      ).doc
    const [holder, revokedHolder] = [await contact('Holder'), await contact('Revoked')]
    // Contributors may not share, nor read the contacts.
    await expect(
      api(staff.contributor, `/api/press-releases/${briefed.id}/pre-briefings`, { contacts: [holder.id] }),
    ).rejects.toThrow(/403/)
    expect((await requestAs(server.url, staff.contributor, '/api/press-contacts')).status).toBe(403)
    expect((await get('/api/press-contacts')).status).toBe(403)
    await api(staff.editor, `/api/press-releases/${briefed.id}/pre-briefings`, {
      contacts: [holder.id, revokedHolder.id],
    })
    const link = await linkMailedTo(holder.email)
    const revokedLink = await linkMailedTo(revokedHolder.email)

    for (let view = 1; view <= 2; view++) {
      const res = await get(link)
      const html = await res.text()
      expect(res.status, html.slice(0, 500)).toBe(200)
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      expect(res.headers.get('x-robots-tag')).toMatch(/noindex/)
      expect(html).toContain(`Leakprobe body ${briefed.marker}`)
      expect(html).toContain(`Leakprobe quote ${briefed.marker}`)
      expect(html).toMatch(/EMBARGOED until [^<]+ — not for publication/)
      expect(html).toMatch(/<meta name="robots" content="noindex[^"]*"/)
      expect(html).not.toMatch(/application\/ld\+json|property="og:|name="twitter:|rel="canonical"|rel="alternate"/)
      for (const other of others) {
        expect(html, `the link shows ${other.state}`).not.toContain(other.marker)
        expect(html, `the link names ${other.state}`).not.toContain(other.slug)
      }
    }
    // Each view reached the server (nothing replayed it) and is on the release's Activity tab.
    expect(await viewsOf(briefed.id)).toBe(2)
    expect((await get(revokedLink)).status).toBe(200)

    // Revoked: gone at once, though it was just answered; unknown tokens are not found.
    const revokeId = (
      await api<{ briefings: { id: number; contact: { id: number } }[] }>(
        staff.editor,
        `/api/press-releases/${briefed.id}/pre-briefings`,
      )
    ).briefings.find((b) => b.contact.id === revokedHolder.id)!.id
    await api(staff.editor, `/api/press-releases/${briefed.id}/pre-briefings/${revokeId}/revoke`, {})
    const revoked = await get(revokedLink)
    expect(revoked.status).toBe(410)
    expect(await revoked.text()).not.toContain(briefed.marker)
    for (const unknown of [`/briefings/${'x'.repeat(43)}`, '/briefings/short', `${link}x`]) {
      const res = await get(unknown)
      expect(res.status, unknown).toBe(404)
      expect(await res.text()).not.toContain(briefed.marker)
    }
    expect(await (await get('/robots.txt')).text()).toMatch(/Disallow: \/briefings\//)

    // With all of that done, no anonymous surface shows the briefed release (or any hidden one).
    expect(await runMatrix([...others, briefed], ['control'], [ANONYMOUS])).toEqual([])

    // The lift: the link leads to the public page; the revoked one stays gone.
    await api(
      staff.editor,
      `/api/press-releases/${briefed.id}`,
      { embargoUntil: new Date(Date.now() - 1000).toISOString() },
      'PATCH',
    )
    const lifted = await get(link)
    expect(lifted.status).toBe(303)
    expect(new URL(lifted.headers.get('location')!).pathname).toBe(`/news/${briefed.slug}`)
    expect((await get(revokedLink)).status).toBe(410)
    expect(await runMatrix([briefed], ['briefed'], [ANONYMOUS])).toEqual([])
  })
})
