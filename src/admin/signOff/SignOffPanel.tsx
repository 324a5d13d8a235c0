import type { UIFieldServerProps } from 'payload'

import { isEditor, isStaff } from '@/access/roles'
import { richTextToHtml } from '@/richText/html'
import { partnersUserSignsFor, signOffStatus, type PartnerSignOff } from '@/workflow/signOff'

import { SignOffControls } from './SignOffControls'

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) +
  ' UTC'

const stateText = (p: PartnerSignOff) => {
  if (p.state === 'approved') return `Signed off by ${p.by?.name ?? 'someone'}${p.at ? `, ${when(p.at)}` : ''}`
  if (p.state === 'refused') return `Refused by ${p.by?.name ?? 'someone'}${p.at ? `, ${when(p.at)}` : ''}`
  return 'Missing'
}

const whoSigns = (p: PartnerSignOff) =>
  p.standIn
    ? 'No approver designated: an editor signs off for this partner.'
    : `Approver${p.approvers.length > 1 ? 's' : ''}: ${p.approvers.map((a) => a.name).join(', ')}`

/**
 * At the top of a joint release (two or more partners): each partner's sign-off of the current
 * text, so editors see who is still missing; and for a partner's approver, the very text they
 * sign off (the latest saved version, as its fingerprint names it) with the Approve and Refuse
 * controls. Read on the server from the saved release, never from the form being edited, so
 * what is shown is what the fingerprint covers (src/workflow/signOff.ts).
 */
export async function SignOffPanel({ id, payload, req, collectionSlug }: UIFieldServerProps) {
  if (!id || collectionSlug !== 'press-releases' || !isStaff(req.user)) return null
  const release = await payload.findByID({
    collection: 'press-releases',
    id,
    draft: true,
    depth: 0,
    user: req.user,
    overrideAccess: false,
    disableErrors: true,
  })
  if (!release) return null
  const status = await signOffStatus(payload, release as never)
  if (!status.joint) return null
  const user = req.user as unknown as { id: number; name?: string; role?: string }
  const mine = partnersUserSignsFor(status, user)
  const toSign = mine.filter((p) => p.state !== 'approved')
  const quoteIds = (release.quotes ?? []).map((q) => (typeof q === 'object' ? q.id : q))
  const { docs: quotes } =
    toSign.length && quoteIds.length
      ? await payload.find({ collection: 'quotes', where: { id: { in: quoteIds } }, depth: 0, draft: false, limit: 50 })
      : { docs: [] }

  return (
    <section className="sign-off" aria-labelledby="sign-off-heading">
      <h3 id="sign-off-heading" className="sign-off__heading">
        Sign-off by partners
      </h3>
      <p className="sign-off__lead">
        {status.missing.length ? (
          <>
            <strong>Publishing and scheduling wait for: {status.missing.join(', ')}.</strong> Each partner signs off
            this version of the text; any edit of the title, subtitle, dateline, summary, body, footnotes, quotes used
            or partners asks for every sign-off again.
          </>
        ) : (
          <strong>Every partner has signed off this version: it can be published.</strong>
        )}
      </p>
      <p className="sign-off__version">
        Current text: version <code>{status.version}</code>
        {release.updatedAt ? `, saved ${when(release.updatedAt)}` : ''}
      </p>
      <ul className="sign-off__partners">
        {status.partners.map((p) => (
          <li key={p.partner.id} className={`sign-off__partner sign-off__partner--${p.state}`}>
            <span className="sign-off__partner-name">{p.partner.name}</span>
            <span className="sign-off__state">{stateText(p)}</span>
            {p.state === 'refused' && p.comment ? <q className="sign-off__comment">{p.comment}</q> : null}
            <span className="sign-off__who">{whoSigns(p)}</span>
          </li>
        ))}
      </ul>
      {toSign.length > 0 ? (
        <div className="sign-off__mine">
          <h4 className="sign-off__subheading">
            The text you sign off for {toSign.map((p) => p.partner.name).join(' and ')}
            {toSign.some((p) => p.standIn) && isEditor(req.user) ? ' (standing in)' : ''}
          </h4>
          <article className="sign-off__text" aria-label={`Version ${status.version}`}>
            <p className="sign-off__text-title">{release.title}</p>
            {release.subtitle ? <p className="sign-off__text-subtitle">{release.subtitle}</p> : null}
            {release.dateline ? <p className="sign-off__text-dateline">{release.dateline}</p> : null}
            {release.summary ? <p className="sign-off__text-summary">{release.summary}</p> : null}
            <div className="sign-off__text-body" dangerouslySetInnerHTML={{ __html: richTextToHtml(release.body) }} />
            {release.footnotes?.length ? (
              <ul className="sign-off__text-footnotes">
                {release.footnotes.map((f, i) => (
                  <li key={f.id ?? i}>
                    {f.marker ? `${f.marker} ` : ''}
                    {f.text}
                  </li>
                ))}
              </ul>
            ) : null}
            {quotes.length ? (
              <div className="sign-off__text-quotes">
                <p>Quotes used:</p>
                {quotes.map((q) => (
                  <blockquote key={q.id}>
                    &ldquo;{q.text}&rdquo; — {q.speakerName}
                  </blockquote>
                ))}
              </div>
            ) : null}
          </article>
          <SignOffControls version={status.version} partners={toSign.map((p) => p.partner.name).join(' and ')} />
        </div>
      ) : null}
    </section>
  )
}
