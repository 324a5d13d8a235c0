'use client'

import { Banner, Button, SelectInput, TextInput, useAuth, useConfig } from '@payloadcms/ui'
import { type FormEvent, useState } from 'react'

type State = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done' | 'failed'; message: string }

const ROLE_OPTIONS = [
  { label: 'Contributor', value: 'contributor' },
  { label: 'Editor', value: 'editor' },
  { label: 'Admin', value: 'admin' },
]

/**
 * Above the users list, for admins: invite a colleague by address. The server creates the
 * account and mails a link to choose a password (collections/Users/endpoints/invite.ts); when no
 * SMTP server is configured, the answer says the mail went to the server log instead.
 */
export const InviteColleague = () => {
  const { user } = useAuth()
  const { config } = useConfig()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState('contributor')
  const [state, setState] = useState<State>({ kind: 'idle' })
  if ((user as { role?: string } | null)?.role !== 'admin') return null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState({ kind: 'sending' })
    try {
      const res = await fetch(`${config.serverURL}${config.routes.api}/users/invitation`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, name, role }),
      })
      const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
      if (!res.ok) throw new Error(body.errors?.[0]?.message ?? `The invitation failed (HTTP ${res.status}).`)
      setState({ kind: 'done', message: body.message ?? 'Invitation sent.' })
      setEmail('')
      setName('')
    } catch (err) {
      setState({ kind: 'failed', message: (err as Error).message })
    }
  }

  return (
    <form className="invite-colleague" onSubmit={submit} aria-labelledby="invite-colleague-title">
      <h2 id="invite-colleague-title">Invite a colleague</h2>
      <p>They get an e-mail with a link to choose their own password.</p>
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <TextInput
          path="invite-email"
          label="E-mail address"
          required
          value={email}
          onChange={(e: { target: { value: string } }) => setEmail(e.target.value)}
        />
        <TextInput
          path="invite-name"
          label="Name"
          required
          value={name}
          onChange={(e: { target: { value: string } }) => setName(e.target.value)}
        />
        <SelectInput
          path="invite-role"
          name="invite-role"
          label="Role"
          options={ROLE_OPTIONS}
          value={role}
          onChange={(option) => setRole(String((option as { value?: string } | null)?.value ?? 'contributor'))}
        />
        <Button type="submit" buttonStyle="secondary" size="medium" disabled={state.kind === 'sending'}>
          {state.kind === 'sending' ? 'Inviting…' : 'Send invitation'}
        </Button>
      </div>
      {state.kind === 'done' || state.kind === 'failed' ? (
        <div role="status">
          <Banner type={state.kind === 'done' ? 'success' : 'error'}>{state.message}</Banner>
        </div>
      ) : null}
    </form>
  )
}
