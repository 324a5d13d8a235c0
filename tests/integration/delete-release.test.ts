import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseData } from '../helpers/fixtures'
import { as, startTestNewsroom, type TestNewsroom } from '../helpers/payload'

let n: TestNewsroom
beforeAll(async () => {
  n = await startTestNewsroom()
})
afterAll(() => n?.close())

describe('deleting a release', () => {
  it('is refused while quotes or milestones are tied to it, so they never go public in its place', async () => {
    const editor = as(n.users.editor)
    const release = await n.payload.create({
      collection: 'press-releases',
      data: releaseData(),
      draft: true,
      ...editor,
    })
    const quote = await n.payload.create({
      collection: 'quotes',
      data: {
        _status: 'published',
        text: 'Embargoed words.',
        speakerName: 'A speaker',
        provenance: 'verbatim',
        release: release.id,
      },
      ...editor,
    })
    const milestone = await n.payload.create({
      collection: 'milestones',
      data: {
        _status: 'published',
        title: 'Secret milestone',
        date: new Date().toISOString(),
        kind: 'other',
        announcedIn: release.id,
      },
      ...editor,
    })

    await expect(n.payload.delete({ collection: 'press-releases', id: release.id, ...editor })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('1 quote and 1 milestone'),
    })
    expect((await n.payload.find({ collection: 'quotes', ...as(null) })).totalDocs).toBe(0)
    expect((await n.payload.find({ collection: 'milestones', ...as(null) })).totalDocs).toBe(0)

    await n.payload.delete({ collection: 'quotes', id: quote.id, ...editor })
    await n.payload.delete({ collection: 'milestones', id: milestone.id, ...editor })
    await n.payload.delete({ collection: 'press-releases', id: release.id, ...editor })
    expect((await n.payload.count({ collection: 'press-releases', overrideAccess: true })).totalDocs).toBe(0)
  })
})
