'use client'
import {
  Button,
  Drawer,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useFormFields,
  useFormModified,
  useModal,
} from '@payloadcms/ui'
import { useState } from 'react'

import type { User } from '@/payload-types'

const SEND_BACK = 'send-back-for-review'

/**
 * Review buttons beside Payload's own document controls, on releases, quotes, milestones and
 * events alike. Contributors submit and withdraw; editors send back with a comment (and publish
 * or schedule with Payload's Publish button, which contributors do not have), and submit their own
 * joint releases to ask the partners for sign-off ("Request sign-off"). The API refuses
 * anything else whatever this shows.
 */
export function ReviewControls() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { config } = useConfig()
  const status = useFormFields(([fields]) => fields.reviewStatus?.value as string | undefined) ?? 'in_progress'
  const partners = useFormFields(([fields]) => fields.partners?.value)
  const joint = collectionSlug === 'press-releases' && Array.isArray(partners) && partners.length >= 2
  const { openModal, closeModal } = useModal()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  // Unsaved edits would be lost by the reload after a review action: wait for autosave first.
  const unsaved = useFormModified()
  if (!id || !user || !collectionSlug) return null
  const editor = user.role === 'editor' || user.role === 'admin'

  const act = async (action: 'submit' | 'withdraw' | 'send-back', done: string) => {
    setBusy(true)
    try {
      const res = await fetch(`${config.routes.api}/${collectionSlug}/${id}/review`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, ...(action === 'send-back' ? { comment } : {}) }),
      })
      const body = (await res.json().catch(() => ({}))) as { errors?: { message?: string }[] }
      if (!res.ok) {
        toast.error(body.errors?.[0]?.message ?? 'The review state could not be changed.')
        return
      }
      toast.success(done)
      closeModal(SEND_BACK)
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  if (status === 'awaiting_review') {
    return (
      <>
        {editor ? (
          <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => openModal(SEND_BACK)}>
            Send back…
          </Button>
        ) : (
          <Button
            buttonStyle="secondary"
            size="medium"
            disabled={busy}
            onClick={() => act('withdraw', 'Withdrawn from review.')}
          >
            Withdraw from review
          </Button>
        )}
        <Drawer slug={SEND_BACK} title="Send back to the author">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void act('send-back', 'Sent back with your comment.')
            }}
          >
            <label htmlFor="review-comment" style={{ display: 'block', marginBottom: 8, fontWeight: 600 }}>
              What needs to change?
            </label>
            <textarea
              id="review-comment"
              required
              maxLength={2000}
              rows={6}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              style={{ width: '100%', maxWidth: 640, padding: 10, font: 'inherit', display: 'block', marginBottom: 16 }}
            />
            <Button type="submit" buttonStyle="primary" disabled={busy || !comment.trim()}>
              Send back
            </Button>
          </form>
        </Drawer>
      </>
    )
  }
  // An editor's own joint release goes to the partners' approvers through the same submit.
  if (editor && !joint) return null
  return (
    <Button
      buttonStyle="secondary"
      size="medium"
      disabled={busy || unsaved}
      tooltip={unsaved ? 'Save your latest changes first (Save draft).' : undefined}
      onClick={() =>
        act(
          'submit',
          joint
            ? 'Submitted: the partners’ approvers are asked to sign it off.'
            : 'Submitted for review. Editors can now publish it or send it back.',
        )
      }
    >
      {editor ? 'Request sign-off' : 'Submit for review'}
    </Button>
  )
}
