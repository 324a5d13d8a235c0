import { correctionHeading, correctionsOf } from '@/lib/corrections'
import type { PressRelease } from '@/payload-types'

/** A published release's public corrections, newest first, at the top of its page. */
export function CorrectionNotes({ release }: { release: Pick<PressRelease, 'corrections'> }) {
  const corrections = correctionsOf(release)
  if (!corrections.length) return null
  return (
    <aside className="corrections" aria-label={corrections.length === 1 ? 'Correction' : 'Corrections'}>
      {corrections.map((c) => (
        <p key={c.id ?? c.date}>
          <strong>
            <time dateTime={c.date}>{correctionHeading(c)}</time>
          </strong>{' '}
          {c.note}
        </p>
      ))}
    </aside>
  )
}
