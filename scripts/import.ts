/**
 * `npm run import -- FILE [--as EMAIL] [--title "Headline"]`: import wire copy from FILE ("-" for
 * standard input) into the database DATABASE_URI names, as a draft press release with its quotes.
 * With --as, the import acts as that user, with that user's rights; without it, it acts as the
 * system. Either way it only ever creates drafts. Prints what it created; exits 0, or 1 on error.
 */

import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

process.env.SEED_DEMO = 'false'
process.env.PAYLOAD_JOBS_AUTORUN ??= 'false'

const USAGE = 'Usage: npm run import -- FILE [--as EMAIL] [--title "Headline"]   (FILE "-" reads standard input)'
const MAX_ATTEMPTS = 3
let started = false
let finished = false

/**
 * Same safety net as scripts/seed.ts: under tsx on Node 20, loading the Payload config can stall
 * and Node would exit 0 having done nothing. A stall before the import started is retried in a
 * fresh process; one during the import is reported, never retried (it could import twice).
 */
process.on('beforeExit', () => {
  if (finished) return
  if (started) {
    console.error('The import stopped before finishing. Check the press releases for a partial draft.')
    process.exit(1)
  }
  const attempt = Number(process.env.IMPORT_ATTEMPT) || 1
  if (attempt >= MAX_ATTEMPTS) {
    console.error(`Import failed: loading the Payload config stalled ${attempt} times (tsx module loader). Run it again.`)
    process.exit(1)
  }
  console.error(`Loading the Payload config stalled; retrying in a new process (attempt ${attempt + 1} of ${MAX_ATTEMPTS}).`)
  const retry = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, IMPORT_ATTEMPT: String(attempt + 1) },
  })
  process.exit(retry.status ?? 1)
})

type Args = { file: string; as?: string; title?: string }

class UsageError extends Error {}

const parseArgs = (argv: string[]): Args => {
  const args: Partial<Args> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--as' || arg === '--title') {
      const value = argv[++i]
      if (!value) throw new UsageError(`${arg} needs a value.`)
      args[arg === '--as' ? 'as' : 'title'] = value
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`)
    else if (args.file) throw new UsageError('Give one file.')
    else args.file = arg
  }
  if (!args.file) throw new UsageError('Give the file to import.')
  return args as Args
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  const detail = fields?.length ? `\n${fields.map((f) => `  - ${f.path}: ${f.message}`).join('\n')}` : ''
  return `${error.message}${detail}`
}

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2))
  const text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8')

  await import('./lib/preload-lexical.mjs')
  const { createLocalReq, getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { importRelease } = await import('../src/import/wireCopy/importRelease')
  const { siteUrl } = await import('../src/lib/env')

  const payload = await getPayload({ config })
  try {
    let user = null
    if (args.as) {
      const found = await payload.find({ collection: 'users', where: { email: { equals: args.as.toLowerCase() } }, limit: 1, overrideAccess: true })
      if (!found.docs[0]) throw new UsageError(`No user with the e-mail ${args.as}.`)
      user = { ...found.docs[0], collection: 'users' as const }
    }
    const req = await createLocalReq(user ? { user } : {}, payload)
    started = true
    const result = await importRelease({ text, title: args.title, req, overrideAccess: !user })
    const { release, extracted, quotes, partners, warnings } = result
    const lines = [
      `Imported “${release.title}” as a draft press release${user ? ` (as ${user.email})` : ''}.`,
      `  id ${release.id}, slug ${release.slug}`,
      `  edit: ${siteUrl()}${release.adminUrl}`,
      `  dateline: ${extracted.dateline ? `${extracted.dateline}, ${extracted.date?.slice(0, 10)}${extracted.distributor ? ` (${extracted.distributor})` : ''}` : 'none'}`,
      `  body: ${count(extracted.paragraphs, 'paragraph')}, ${count(extracted.headings, 'heading')}, ${count(extracted.lists.length, 'list')}${extracted.lists.length ? ` (${extracted.lists.map((l) => l.items).join(', ')} items)` : ''}; ${count(extracted.repeatsRemoved, 'repeated passage')} dropped`,
      `  quotes: ${quotes.length}`,
      ...quotes.map((q) => `    - ${[q.speakerName, q.speakerTitle, q.speakerOrganization].filter(Boolean).join(', ')} (${q.slug})`),
      `  partners linked: ${partners.linked.map((p) => `${p.name} (${p.via})`).join(', ') || 'none'}`,
      ...(partners.proposed.length ? [`  partners proposed (no profile yet): ${partners.proposed.map((p) => p.name).join(', ')}`] : []),
      `  footnotes: ${extracted.footnotes.length}`,
      `  source: ${extracted.sourceLine ?? 'none'}`,
      ...(extracted.contacts.length ? [`  media contacts: ${extracted.contacts.map((c) => c.name).join(', ')}`] : []),
      ...(warnings.length ? ['Warnings:', ...warnings.map((w) => `  - ${w}`)] : []),
    ]
    console.log(lines.join('\n'))
  } finally {
    await payload.destroy().catch(() => undefined)
  }
}

main().then(
  () => {
    finished = true
    process.exit(0)
  },
  (error: unknown) => {
    finished = true
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`)
      process.exit(2)
    }
    const code = (error as NodeJS.ErrnoException).code
    console.error(`Import failed: ${code === 'ENOENT' ? `no such file: ${(error as NodeJS.ErrnoException).path}` : describeError(error)}`)
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack)
    process.exit(1)
  },
)
