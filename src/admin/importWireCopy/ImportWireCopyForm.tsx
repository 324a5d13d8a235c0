'use client'

import { Banner, Button, Link, TextareaInput, TextInput, useConfig, useStepNav } from '@payloadcms/ui'
import { useEffect, useState, type FormEvent } from 'react'

import type { ImportResult } from '@/import/wireCopy/importRelease'

import './importWireCopy.css'

type State =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: ImportResult } | { kind: 'failed'; message: string }

const formatDay = (iso?: string) =>
  iso ? new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)) : undefined

const Summary = ({
  result,
  adminRoute,
  onAgain,
}: {
  result: ImportResult
  adminRoute: string
  onAgain: () => void
}) => {
  const { extracted, quotes, partners, warnings } = result
  const listItems = extracted.lists.map((l) => l.items).join(' and ')
  return (
    <section className="wire-import__result" aria-labelledby="wire-import-done" aria-live="polite">
      <Banner type="success">
        <span id="wire-import-done">
          Draft saved: <Link href={result.release.adminUrl}>{result.release.title}</Link>
        </span>
      </Banner>
      <div className="wire-import__actions">
        <Button el="link" to={result.release.adminUrl} buttonStyle="primary" size="medium">
          Open the draft
        </Button>
        <Button buttonStyle="secondary" size="medium" onClick={onAgain}>
          Import another
        </Button>
      </div>
      {warnings.length > 0 && (
        <Banner type="info">
          <ul className="wire-import__warnings">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Banner>
      )}
      <h2 className="wire-import__subtitle">What was found</h2>
      <dl className="wire-import__facts">
        <dt>Dateline</dt>
        <dd>{extracted.dateline ? `${extracted.dateline}, ${formatDay(extracted.date)}` : 'none'}</dd>
        <dt>Body</dt>
        <dd>
          {extracted.paragraphs} paragraphs
          {extracted.headings ? `, ${extracted.headings} headings` : ''}
          {listItems ? `, a list of ${listItems} items` : ''}
          {extracted.repeatsRemoved ? ` (${extracted.repeatsRemoved} repeated passages dropped)` : ''}
        </dd>
        <dt>Quotes</dt>
        <dd>
          {quotes.length ? (
            <ul>
              {quotes.map((q) => (
                <li key={q.id}>
                  <Link href={`${adminRoute}/collections/quotes/${q.id}`}>{q.speakerName}</Link>
                  {[q.speakerTitle, q.speakerOrganization].filter(Boolean).length
                    ? `, ${[q.speakerTitle, q.speakerOrganization].filter(Boolean).join(', ')}`
                    : ''}
                </li>
              ))}
            </ul>
          ) : (
            'none'
          )}
        </dd>
        <dt>Partners</dt>
        <dd>
          {partners.linked.length ? partners.linked.map((p) => p.name).join(', ') : 'none linked'}
          {partners.proposed.length > 0 && (
            <>
              {' · '}not in the newsroom yet: {partners.proposed.map((p) => p.name).join(', ')} (
              <Link href={`${adminRoute}/collections/partners/create`}>create a partner</Link>)
            </>
          )}
        </dd>
        <dt>Footnotes</dt>
        <dd>
          {extracted.footnotes.length
            ? extracted.footnotes.map((f) => `${f.marker} ${f.text}`.trim()).join(' · ')
            : 'none'}
        </dd>
        <dt>Source</dt>
        <dd>{extracted.sourceLine ?? 'none'}</dd>
        {extracted.contacts.length > 0 && (
          <>
            <dt>Media contacts</dt>
            <dd>{extracted.contacts.map((c) => c.name).join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  )
}

/** The paste box. Posts to the import endpoint with the admin session's cookie. */
export const ImportWireCopyForm = () => {
  const { config } = useConfig()
  const { setStepNav } = useStepNav()
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const adminRoute = config.routes.admin

  useEffect(() => {
    setStepNav([{ label: 'Press releases', url: '/collections/press-releases' }, { label: 'Import wire copy' }])
  }, [setStepNav])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState({ kind: 'sending' })
    try {
      const res = await fetch(`${config.serverURL}${config.routes.api}/press-releases/import`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, title: title.trim() || undefined }),
      })
      const body = await res.json().catch(() => null)
      if (res.status === 201) {
        setState({ kind: 'done', result: body as ImportResult })
        setText('')
        setTitle('')
      } else {
        setState({ kind: 'failed', message: body?.errors?.[0]?.message ?? `The import failed (HTTP ${res.status}).` })
      }
    } catch {
      setState({ kind: 'failed', message: 'The server could not be reached. Nothing was saved.' })
    }
  }

  if (state.kind === 'done') {
    return <Summary result={state.result} adminRoute={adminRoute} onAgain={() => setState({ kind: 'idle' })} />
  }

  return (
    <form className="wire-import__form" onSubmit={submit}>
      {state.kind === 'failed' && (
        <div role="alert">
          <Banner type="error">{state.message}</Banner>
        </div>
      )}
      <TextareaInput
        path="wireCopy"
        label="Wire copy"
        required
        rows={16}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={
          'HARTFORD, Conn., Jan. 28, 2026 /PRNewswire/ -- …\n\n"…," said NAME, TITLE of ORGANIZATION.\n\nAbout …\n\nSOURCE …'
        }
        description="Quotes, lists, footnotes, “About” sections and the SOURCE line are recognised; repeated paragraphs are dropped."
      />
      <TextInput
        path="wireTitle"
        label="Headline (optional)"
        value={title}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTitle(e.target.value)}
        description="Only if the pasted text has no headline, or a different one should be used."
      />
      <div className="wire-import__actions">
        <Button type="submit" buttonStyle="primary" size="medium" disabled={state.kind === 'sending' || !text.trim()}>
          {state.kind === 'sending' ? 'Importing…' : 'Import as draft'}
        </Button>
      </div>
    </form>
  )
}
