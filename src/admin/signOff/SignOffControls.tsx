'use client'
import { Button, toast, useConfig, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * Approve or refuse (with a comment) the version of a joint release's text shown above it. The
 * version travels with the request, so the server refuses an approval of a text that changed
 * since it was shown (src/workflow/takeSignOff.ts).
 */
export function SignOffControls({ version, partners }: { version: string; partners: string }) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const unsaved = useFormModified()
  const [refusing, setRefusing] = useState(false)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)

  const act = async (action: 'approve' | 'refuse') => {
    setBusy(true)
    try {
      const res = await fetch(`${config.routes.api}/press-releases/${id}/review`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, version, ...(action === 'refuse' ? { comment } : {}) }),
      })
      const body = (await res.json().catch(() => ({}))) as { errors?: { message?: string }[] }
      if (!res.ok) {
        toast.error(body.errors?.[0]?.message ?? 'The sign-off could not be recorded.')
        return
      }
      toast.success(action === 'approve' ? `Signed off for ${partners}.` : 'Refusal recorded with your comment.')
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="sign-off__controls">
      {unsaved ? (
        <p className="sign-off__unsaved">
          The form has changes that are not saved yet: save them first, then read the text again.
        </p>
      ) : null}
      <div className="sign-off__buttons">
        <Button buttonStyle="primary" size="medium" disabled={busy || unsaved} onClick={() => act('approve')}>
          Approve version {version.slice(0, 8)}
        </Button>
        <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => setRefusing((r) => !r)}>
          Refuse…
        </Button>
      </div>
      {refusing ? (
        <form
          className="sign-off__refuse"
          onSubmit={(e) => {
            e.preventDefault()
            void act('refuse')
          }}
        >
          <label htmlFor="sign-off-comment">Why, and what would have to change?</label>
          <textarea
            id="sign-off-comment"
            required
            maxLength={2000}
            rows={4}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button type="submit" buttonStyle="primary" size="medium" disabled={busy || !comment.trim()}>
            Refuse sign-off
          </Button>
        </form>
      ) : null}
    </div>
  )
}
