/**
 * `npm run import -- FILE [--as EMAIL] [--title "Headline"]`: import wire copy from FILE ("-" for
 * standard input) into the database DATABASE_URI names, as a draft press release with its quotes.
 * With --as, the import acts as that user, with that user's rights; without it, it acts as the
 * system. Either way it only ever creates drafts. Prints what it created; exits 0, or 1 on error.
 */

import { readFileSync } from 'node:fs'

import { describeError, guardAgainstStall } from './lib/cli'

process.env.SEED_DEMO = 'false'
process.env.PAYLOAD_JOBS_AUTORUN ??= 'false'

const USAGE = 'Usage: npm run import -- FILE [--as EMAIL] [--title "Headline"]   (FILE "-" reads standard input)'
// A stall before the import started is retried in a fresh process; one during the import is
// reported, never retried (it could import twice).
const guard = guardAgainstStall({
  task: 'Import',
  attemptVariable: 'IMPORT_ATTEMPT',
  stoppedMessage: 'The import stopped before finishing. Check the press releases for a partial draft.',
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

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2))
  const text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8')

  await import('./lib/preload-lexical.mjs')
  const { createLocalReq, getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { importRelease } = await import('../src/import/wireCopy/importRelease')
  const { siteUrl } = await import('../src/server/env')

  const payload = await getPayload({ config })
  try {
    let user = null
    if (args.as) {
      const found = await payload.find({
        collection: 'users',
        where: { email: { equals: args.as.toLowerCase() } },
        limit: 1,
        overrideAccess: true,
      })
      if (!found.docs[0]) throw new UsageError(`No user with the e-mail ${args.as}.`)
      user = { ...found.docs[0], collection: 'users' as const }
    }
    const req = await createLocalReq(user ? { user } : {}, payload)
    guard.started()
    const result = await importRelease({ text, title: args.title, req, overrideAccess: !user })
    const { release, extracted, quotes, partners, warnings } = result
    const lines = [
      `Imported “${release.title}” as a draft press release${user ? ` (as ${user.email})` : ''}.`,
      `  id ${release.id}, slug ${release.slug}`,
      `  edit: ${siteUrl()}${release.adminUrl}`,
      `  dateline: ${extracted.dateline ? `${extracted.dateline}, ${extracted.date?.slice(0, 10)}${extracted.distributor ? ` (${extracted.distributor})` : ''}` : 'none'}`,
      `  body: ${count(extracted.paragraphs, 'paragraph')}, ${count(extracted.headings, 'heading')}, ${count(extracted.lists.length, 'list')}${extracted.lists.length ? ` (${extracted.lists.map((l) => l.items).join(', ')} items)` : ''}; ${count(extracted.repeatsRemoved, 'repeated passage')} dropped`,
      `  quotes: ${quotes.length}`,
      ...quotes.map(
        (q) => `    - ${[q.speakerName, q.speakerTitle, q.speakerOrganization].filter(Boolean).join(', ')} (${q.slug})`,
      ),
      `  partners linked: ${partners.linked.map((p) => `${p.name} (${p.via})`).join(', ') || 'none'}`,
      ...(partners.proposed.length
        ? [`  partners proposed (no profile yet): ${partners.proposed.map((p) => p.name).join(', ')}`]
        : []),
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
    guard.finished()
    process.exit(0)
  },
  (error: unknown) => {
    guard.finished()
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`)
      process.exit(2)
    }
    const code = (error as NodeJS.ErrnoException).code
    console.error(
      `Import failed: ${code === 'ENOENT' ? `no such file: ${(error as NodeJS.ErrnoException).path}` : describeError(error)}`,
    )
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack)
    process.exit(1)
  },
)
