/**
 * Partner staff in the admin (src/access/partnerScope.ts), in Chromium on the production server:
 * the release list of partner A's comms staff shows A's drafts and never partner B's.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { ANONYMOUS, apiAs, setUpStaff, type Session } from '../helpers/staff'

let server: TestServer
let browser: Browser
let staffA: Session
let admin: Session

const draft = (title: string, partner: number) => ({
  title,
  summary: 'A short plain-text summary.',
  partners: [partner],
  _status: 'draft',
})

beforeAll(async () => {
  server = await startServer()
  admin = (await setUpStaff(server.url)).admin
  const partner = async (name: string) =>
    (await apiAs<{ doc: { id: number } }>(server.url, admin, '/api/partners', { name, kind: 'other' })).doc.id
  const a = await partner('Alpha Partner')
  const b = await partner('Beta Partner')
  await apiAs(server.url, admin, '/api/press-releases?draft=true', draft('Alpha draft for the list', a))
  await apiAs(server.url, admin, '/api/press-releases?draft=true', draft('Beta draft nobody at Alpha may see', b))
  const password = 'a long enough password'
  await apiAs(server.url, admin, '/api/users', {
    name: 'Alpha Comms',
    email: 'comms@alpha.example.org',
    password,
    role: 'contributor',
    partners: [a],
  })
  const login = await apiAs<{ token: string }>(server.url, ANONYMOUS, '/api/users/login', {
    email: 'comms@alpha.example.org',
    password,
  })
  staffA = { role: 'contributor', token: login.token }
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('partner staff in the admin', () => {
  const releaseList = async (session: Session) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: 'payload-token', value: session.token, url: server.url }])
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/press-releases?limit=100`)
    await page.getByText('Alpha draft for the list').first().waitFor({ timeout: 60_000 })
    const text = await page.locator('body').innerText()
    await context.close()
    return text
  }

  it('the release list shows partner A’s drafts to A’s staff, and none of partner B’s', async () => {
    expect(await releaseList(staffA)).not.toContain('Beta draft')
    // The same list for newsroom staff has both: the draft is there to be hidden.
    expect(await releaseList(admin)).toContain('Beta draft nobody at Alpha may see')
  }, 180_000)
})
