import type { Validate } from 'payload'
import { richText, text, textarea } from 'payload/shared'

/**
 * Releases validate their drafts (`versions.drafts.validate`), which is what stops Payload's
 * admin from creating an empty draft the moment "Create new" is opened (it does so for autosave
 * collections whose drafts skip validation: two untitled drafts per visit piled up as
 * `<No Title>` rows). A draft still need not be complete: a required field may be empty until
 * the release is published (a save that is not a draft save checks them, as before); anything
 * typed is checked as usual (lengths, safe links).
 */
const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (typeof value === 'object' && !JSON.stringify(value).includes('"text":"'))

const lenientForDrafts =
  (check: Validate): Validate =>
  (value, options) => {
    // A save knows whether it writes a draft (src/workflow/writeContext.ts); the admin's form
    // state, which is no save, goes by the status the form holds.
    const draftSave = options.req?.context?.draftSave
    const lenient = draftSave ?? (options.data as { _status?: string } | undefined)?._status !== 'published'
    if (lenient && isEmpty(value)) return true
    return check(value, options)
  }

export const requiredToPublish = {
  text: lenientForDrafts(text as Validate),
  textarea: lenientForDrafts(textarea as Validate),
  richText: lenientForDrafts(richText as Validate),
}
