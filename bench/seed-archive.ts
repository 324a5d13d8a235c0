/**
 * Fills the database DATABASE_URI names with a generated archive for the benchmark: partners,
 * topics, a few images, N published releases with realistic rich-text bodies (every tenth with
 * a quote), and a staff account the benchmark logs in with to publish.
 *
 *   tsx bench/seed-archive.ts N
 *
 * On SQLite, past the first SEED_THROUGH_API releases (500 by default) the rest are copies of
 * those made in SQL, each with its own number, title, slug and date, its partners, topic and
 * quote (the full-text index follows by its triggers): one release through Payload takes 20 ms
 * on a quiet machine and ten times that on a busy one, which made 10,000 releases take from
 * 3 to 50 minutes and 100,000 impractical. Copies have no version history (no public read uses
 * it). `SEED_THROUGH_API=all` creates every release through Payload, as before.
 */
process.env.SEED_DEMO = 'false'
process.env.PAYLOAD_JOBS_AUTORUN = 'false'

export const BENCH_USER = { email: 'bench@example.org', password: 'benchmark password 1' }

const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
})
/**
 * What each release is about and where, so that a word of these is in a share of the archive (a
 * subject in one release in 17, a town in one in 13) as in a real one, while the paragraphs
 * every release shares give search its worst case (words in every release). The benchmark's
 * search rows query both (bench/run.mjs SEARCH_WORDS).
 */
export const SUBJECTS = [
  ['open a lung screening program', 'Low-dose screening for lung cancer starts at two community hospitals.'],
  ['add genomic testing', 'Tumor sequencing results now return within ten days.'],
  ['start a survivorship clinic', 'Survivors get one follow-up plan shared by both teams.'],
  ['expand pediatric oncology', 'Children are treated closer to home with specialists visiting weekly.'],
  ['share radiation planning', 'Radiation plans are reviewed by physicists at both sites.'],
  ['fund nutrition counseling', 'Dietitians join every treatment team in the first month.'],
  ['launch telehealth visits', 'Patients meet their oncologist by video between infusions.'],
  ['hire patient navigators', 'Navigators guide each new patient from diagnosis to treatment.'],
  ['coordinate hospice referrals', 'Families reach hospice care sooner with a single referral.'],
  ['offer immunotherapy infusions', 'Immunotherapy is now given at the regional infusion center.'],
  ['promote prevention outreach', 'Vaccination and prevention events are planned at local schools.'],
  ['create a nursing fellowship', 'A fellowship trains oncology nurses across the network.'],
  ['announce a philanthropy gift', 'A family foundation gift funds the new wing.'],
  ['build a shared biobank', 'Consenting patients can donate samples to a shared biobank.'],
  ['open a specialty pharmacy', 'Oral chemotherapy is dispensed by a specialty pharmacy on site.'],
  ['provide ride transport', 'Free rides bring patients to appointments across the county.'],
  ['add medical interpreters', 'Interpreters in twelve languages join consultations.'],
] as const
export const TOWNS = [
  'Hartford',
  'Waterbury',
  'Stamford',
  'Norwalk',
  'Danbury',
  'Bristol',
  'Torrington',
  'Meriden',
  'Middletown',
  'Greenwich',
  'Milford',
  'Enfield',
  'Windham',
] as const
const subjectOf = (i: number) => SUBJECTS[i % SUBJECTS.length]
const townOf = (i: number) => TOWNS[i % TOWNS.length]

const body = (i: number) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      paragraph(
        `Release ${i} of the generated archive opens with the news itself: who did what, where and when, in the two or three sentences a reporter on deadline reads first. It names the partners involved and the patients who will notice the difference. ${subjectOf(i)[1]} The work begins in ${townOf(i)}.`,
      ),
      paragraph(
        'The second paragraph gives the context: how the collaboration began, what the partners have done together since, and why this step matters for cancer care in the communities they serve across the state.',
      ),
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [
          'Sub-specialty care close to home',
          'Access to more clinical trials',
          'Connected tumor boards',
          'Faster adoption of new treatments',
        ].map((text, n) => ({
          type: 'listitem',
          value: n + 1,
          checked: undefined,
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
        })),
      },
      paragraph(
        'A further paragraph covers the details a trade publication wants: the sites, the timeline for the next six months, the people who will lead the work and how the partners will measure results such as survival, quality of life and cost of care.',
      ),
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          {
            type: 'text',
            text: 'More background is in the ',
            format: 0,
            style: '',
            mode: 'normal',
            detail: 0,
            version: 1,
          },
          {
            type: 'link',
            version: 3,
            format: '',
            indent: 0,
            direction: 'ltr',
            fields: { linkType: 'custom', url: '/news', newTab: false },
            children: [
              { type: 'text', text: 'news archive', format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
            ],
          },
          { type: 'text', text: '.', format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
        ],
      },
    ],
  },
})

const main = async () => {
  await import('../scripts/lib/preload-lexical.mjs')
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const sharp = (await import('sharp')).default
  const count = Number(process.argv[2] ?? 100)
  const payload = await getPayload({ config })
  const o = { overrideAccess: true, context: { seeding: true } } as const

  await payload.create({ collection: 'users', data: { name: 'Benchmark', role: 'editor', ...BENCH_USER }, ...o })
  const partners = []
  for (let i = 1; i <= 20; i++) {
    partners.push(
      await payload.create({
        collection: 'partners',
        data: { name: `Partner ${i}`, kind: i % 2 ? 'health-system' : 'cancer-center' },
        ...o,
      }),
    )
  }
  const topics = []
  for (let i = 1; i <= 10; i++)
    topics.push(await payload.create({ collection: 'topics', data: { name: `Topic ${i}` }, ...o }))
  const images = []
  for (let i = 0; i < 5; i++) {
    const data = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: { r: 40 + i * 30, g: 90, b: 150 } },
    })
      .jpeg()
      .toBuffer()
    images.push(
      await payload.create({
        collection: 'media',
        data: { alt: `Generated image ${i}` },
        file: { data, mimetype: 'image/jpeg', name: `bench-${i}.jpg`, size: data.length },
        ...o,
      }),
    )
  }
  const start = Date.parse('2016-01-01T12:00:00Z')
  const step = Math.floor((Date.now() - 86_400_000 - start) / Math.max(count, 1))
  const throughApi = process.env.SEED_THROUGH_API
  const viaApi =
    throughApi === 'all' || payload.db.name !== 'sqlite' ? count : Math.min(count, Number(throughApi || 500))
  for (let i = 1; i <= viaApi; i++) {
    const release = await payload.create({
      collection: 'press-releases',
      data: {
        title: `Generated release ${i}: partners expand cancer care and clinical trials and ${subjectOf(i)[0]}`,
        summary: `Summary of generated release ${i}: what was announced, by whom, and why it matters to patients.`,
        dateline: 'HARTFORD, Conn.',
        body: body(i) as never,
        _status: 'published',
        publishedAt: new Date(start + i * step).toISOString(),
        partners: [partners[i % 20].id, partners[(i * 7) % 20].id],
        topics: [topics[i % 10].id],
        heroImage: images[i % 5].id,
      },
      ...o,
    })
    if (i % 10 === 0) {
      await payload.create({
        collection: 'quotes',
        data: {
          text: `A generated quote for release ${i}.`,
          provenance: 'verbatim',
          speakerName: 'A. Speaker',
          speakerTitle: 'President',
          speakerOrganization: 'Partner 1',
          release: release.id,
          _status: 'published',
        },
        ...o,
      })
    }
    if (i % 1000 === 0) console.log(`  ${i} releases`)
  }
  if (viaApi < count) await copyReleases(payload, viaApi, count, step)
  await payload.destroy()
}

/**
 * Releases viaApi+1…count as copies of releases 1…viaApi (SQLite, in one transaction): release
 * n copies release ((n-1) mod viaApi)+1 with n in its title, summary, body and slug, dated n steps
 * after the start like the others, with the same partners, topic, image and (every tenth) quote.
 */
const copyReleases = async (payload: import('payload').Payload, viaApi: number, count: number, step: number) => {
  const { sql } = await import('@payloadcms/db-sqlite')
  const db = (payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }).drizzle
  const run = (text: string) => db.run(sql.raw(text))
  const { docs } = await payload.find({ collection: 'press-releases', sort: 'id', limit: 1, depth: 0, select: {} })
  const first = Number(docs[0].id)
  const days = step / 86_400_000
  // "release N:" in titles and summaries, "Release N " in bodies, both in the search text.
  const copied = (col: string, off: number) => {
    const [from, to] = [`'elease '||(id-${first - 1})`, `'elease '||(id-${first - 1}+${off})`]
    return `replace(replace(${col}, ${from}||' ', ${to}||' '), ${from}||':', ${to}||':')`
  }
  await run('BEGIN')
  for (let off = viaApi; off < count; off += viaApi) {
    const last = first + Math.min(viaApi, count - off) - 1
    await run(`INSERT INTO press_releases (id, title, subtitle, slug, published_at, embargo_until, summary, dateline, body,
        hero_image_id, meta_title, meta_description, meta_image_id, meta_no_index, _status, search_text, review_status,
        date_precision, date_source)
      SELECT id + ${off}, ${copied('title', off)}, subtitle,
        replace(slug, 'release-'||(id-${first - 1})||'-', 'release-'||(id-${first - 1}+${off})||'-'),
        strftime('%Y-%m-%dT%H:%M:%fZ', julianday(published_at) + ${off * days}), embargo_until, ${copied('summary', off)},
        dateline, ${copied('body', off)}, hero_image_id, meta_title, meta_description, meta_image_id, meta_no_index,
        _status, ${copied('search_text', off)}, review_status, date_precision, date_source
      FROM press_releases WHERE id BETWEEN ${first} AND ${last}`)
    await run(`INSERT INTO press_releases_rels ("order", parent_id, path, partners_id, topics_id)
      SELECT "order", parent_id + ${off}, path, partners_id, topics_id FROM press_releases_rels
      WHERE parent_id BETWEEN ${first} AND ${last} AND (partners_id IS NOT NULL OR topics_id IS NOT NULL)`)
    await run(`INSERT INTO quotes (text, speaker_name, speaker_title, speaker_organization, partner_id, provenance, date,
        date_precision, date_source, release_id, review_status, label, _status)
      SELECT replace(text, 'release '||(release_id-${first - 1})||'.', 'release '||(release_id-${first - 1}+${off})||'.'),
        speaker_name, speaker_title, speaker_organization, partner_id, provenance, date, date_precision, date_source,
        release_id + ${off}, review_status, label, _status
      FROM quotes WHERE release_id BETWEEN ${first} AND ${last}`)
  }
  await run('COMMIT')
  console.log(`  ${count - viaApi} releases copied in SQL`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
