import { describe, expect, it } from 'vitest'

import { becomesPublicAt, isReleasePublic } from '@/access/visibility'

const now = new Date('2026-01-28T12:00:00Z')
const before = '2026-01-28T11:00:00Z'
const after = '2026-01-28T13:00:00Z'

describe('the visibility rule (in memory)', () => {
  it('shows a published release dated in the past with no embargo', () => {
    expect(isReleasePublic({ _status: 'published', publishedAt: before }, now)).toBe(true)
  })
  it('hides drafts, whatever their dates', () => {
    expect(isReleasePublic({ _status: 'draft', publishedAt: before }, now)).toBe(false)
  })
  it('hides a release published with a future date', () => {
    expect(isReleasePublic({ _status: 'published', publishedAt: after }, now)).toBe(false)
    expect(becomesPublicAt({ _status: 'published', publishedAt: after }, now)?.toISOString()).toBe(
      new Date(after).toISOString(),
    )
  })
  it('hides a published release until its embargo lifts, then shows it', () => {
    const doc = { _status: 'published' as const, publishedAt: before, embargoUntil: after }
    expect(isReleasePublic(doc, now)).toBe(false)
    expect(isReleasePublic(doc, new Date(after))).toBe(true)
    expect(becomesPublicAt(doc, now)?.toISOString()).toBe(new Date(after).toISOString())
  })
  it('hides a published release without a publish date', () => {
    expect(isReleasePublic({ _status: 'published', publishedAt: null }, now)).toBe(false)
  })
})
