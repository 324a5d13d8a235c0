import { readdirSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseData } from '../helpers/fixtures'
import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

// Every write on the embedded database runs in a transaction, and libsql gives each one a
// connection of its own. They must be closed again, or a busy newsroom runs out of file handles
// after a few thousand writes (SQLITE_CANTOPEN), as the 10,000-release benchmark once did.
let n: TestNewsroom
beforeAll(async () => {
  n = await startTestNewsroom()
})
afterAll(async () => n?.close())

const openFiles = () => readdirSync('/proc/self/fd').length

describe('the embedded database', () => {
  it('closes the connection of every transaction', async () => {
    await n.payload.create({ collection: 'topics', data: { name: 'Warm-up' }, overrideAccess: true })
    const before = openFiles()
    for (let i = 0; i < 300; i++) {
      await n.payload.create({
        collection: 'press-releases',
        data: releaseData({ _status: 'published' }),
        overrideAccess: true,
      })
    }
    // Measured straight after a tight loop of writes, like a seed or an import: at most the
    // connections closed since the last collection may still hold their handles.
    expect(openFiles() - before).toBeLessThan(120)
  })
})
