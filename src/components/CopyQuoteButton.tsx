'use client'

import { useState } from 'react'

/** Copies the quote with its attribution. Without JavaScript the same text is there to select. */
export const CopyQuoteButton = ({ text }: { text: string }) => {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
    setTimeout(() => setState('idle'), 2500)
  }
  return (
    <>
      <button type="button" onClick={copy}>
        Copy with attribution
      </button>
      <span role="status" aria-live="polite" className="muted">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'Could not copy; select the text instead.'
            : ''}
      </span>
    </>
  )
}
