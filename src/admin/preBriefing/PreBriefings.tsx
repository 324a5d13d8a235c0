'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { User } from '@/payload-types'

type Briefing = {
  id: number
  contact: { id: number; name: string; outlet: string | null; email: string } | null
  sentAt: string
  sentBy: string | null
  views: number
  lastViewedAt: string | null
  revokedAt: string | null
  revokedReason: string | null
}
type Listing = {
  state: 'public' | 'embargoed' | 'scheduled' | 'draft'
  embargoUntil: string | null
  briefings: Briefing[]
}
type Contact = { id: number; name: string; outlet?: string | null; email: string }

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

const cell = { padding: '6px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' as const }

/**
 * The release's Pre-briefing tab: press contacts to pick, a button that mails each a personal link
 * (`POST /api/press-releases/:id/pre-briefings`), and every link sent so far with its views and a
 * Revoke button. For editors and admins, and only while the release is published under a future
 * embargo; the endpoints refuse anything else whatever this shows.
 */
export function PreBriefings() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { config } = useConfig()
  const api = config.routes.api
  const [listing, setListing] = useState<Listing | null>(null)
  const [contacts, setContacts] = useState<Contact[]>([])
  const [chosen, setChosen] = useState<number[]>([])
  const [busy, setBusy] = useState(false)
  const editor = user?.role === 'editor' || user?.role === 'admin'

  // Bumped after each action, so the list is read again.
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (!id || !editor) return
    let live = true
    void Promise.all([
      fetch(`${api}/press-releases/${id}/pre-briefings`, { credentials: 'include' }),
      fetch(`${api}/press-contacts?limit=500&sort=name&depth=0`, { credentials: 'include' }),
    ]).then(async ([list, people]) => {
      const listed = list.ok ? ((await list.json()) as Listing) : null
      const found = people.ok ? ((await people.json()) as { docs: Contact[] }).docs : null
      if (!live) return
      if (listed) setListing(listed)
      if (found) setContacts(found)
    })
    return () => {
      live = false
    }
  }, [api, editor, id, version])

  if (!id) return <p>Save the release first.</p>
  if (!editor) return <p>Only editors and admins share embargoed releases with press contacts.</p>
  if (!listing) return <p>Loading…</p>

  const post = async (path: string, body?: unknown) => {
    setBusy(true)
    try {
      const res = await fetch(`${api}/press-releases/${id}/${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      })
      const answer = (await res.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      if (res.ok) toast.success(answer.message ?? 'Done.')
      else toast.error(answer.errors?.[0]?.message ?? 'That did not work.')
      if (res.ok) setChosen([])
      setVersion((v) => v + 1)
    } finally {
      setBusy(false)
    }
  }

  const embargoed = listing.state === 'embargoed'
  return (
    <section aria-labelledby="pre-briefing" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="pre-briefing">Embargoed pre-briefing</h3>
      {embargoed ? (
        <>
          <p>
            Embargoed until {when(listing.embargoUntil!)}. Each contact you pick gets an e-mail with a personal link to
            this release as published (not later drafts), marked “not for publication”. Links stop at the lift and then
            lead to the public page.
          </p>
          {contacts.length === 0 ? (
            <p>No press contacts yet: add them under Notifications → Press contacts.</p>
          ) : (
            <fieldset style={{ border: 0, padding: 0 }}>
              <legend>Send to</legend>
              {contacts.map((c) => (
                <label key={c.id} style={{ display: 'block', margin: '4px 0' }}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.id)}
                    onChange={(e) =>
                      setChosen((now) => (e.target.checked ? [...now, c.id] : now.filter((x) => x !== c.id)))
                    }
                  />{' '}
                  {c.name}
                  {c.outlet ? ` (${c.outlet})` : ''} &lt;{c.email}&gt;
                </label>
              ))}
              <Button
                buttonStyle="primary"
                size="medium"
                disabled={busy || chosen.length === 0}
                onClick={() => void post('pre-briefings', { contacts: chosen })}
              >
                Send pre-briefing
              </Button>
            </fieldset>
          )}
        </>
      ) : (
        <p>
          {listing.state === 'public'
            ? 'This release is public: its links now lead to the public page.'
            : 'Pre-briefings are for published releases under a future embargo: set Embargo Until and publish first.'}
        </p>
      )}
      {listing.briefings.length > 0 && (
        <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: 'var(--base)' }}>
          <thead>
            <tr>
              <th style={cell}>Contact</th>
              <th style={cell}>Sent</th>
              <th style={cell}>Views</th>
              <th style={cell}>Link</th>
            </tr>
          </thead>
          <tbody>
            {listing.briefings.map((b) => (
              <tr key={b.id}>
                <td style={cell}>
                  {b.contact
                    ? `${b.contact.name}${b.contact.outlet ? ` (${b.contact.outlet})` : ''}`
                    : '(deleted contact)'}
                </td>
                <td style={cell}>
                  {when(b.sentAt)}
                  {b.sentBy ? ` by ${b.sentBy}` : ''}
                </td>
                <td style={cell}>
                  {b.views}
                  {b.lastViewedAt ? `, last ${when(b.lastViewedAt)}` : ''}
                </td>
                <td style={cell}>
                  {b.revokedAt ? (
                    `Revoked ${when(b.revokedAt)}${b.revokedReason ? ` (${b.revokedReason})` : ''}`
                  ) : (
                    <Button
                      buttonStyle="secondary"
                      size="small"
                      disabled={busy}
                      onClick={() => void post(`pre-briefings/${b.id}/revoke`)}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
