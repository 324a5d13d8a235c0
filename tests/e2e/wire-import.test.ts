import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds')
const carePartnerText = readFileSync(path.join(SEEDS, 'hhc-msk-care-partner-release.txt'), 'utf8')
const allianceText = readFileSync(path.join(SEEDS, 'msk-cancer-alliance-launch.txt'), 'utf8')

let server: TestServer
let browser: Browser
let adminToken = ''
let contributorToken = ''

const call = async (urlPath: string, init: { method?: string; token?: string; json?: unknown; text?: string } = {}) => {
  const res = await fetch(`${server.url}${urlPath}`, {
    method: init.method ?? (init.json !== undefined || init.text !== undefined ? 'POST' : 'GET'),
    headers: {
      ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(init.text !== undefined ? { 'Content-Type': 'text/plain' } : {}),
      ...(init.token ? { Authorization: `JWT ${init.token}` } : {}),
    },
    body: init.json !== undefined ? JSON.stringify(init.json) : init.text,
  })
  const type = res.headers.get('content-type') ?? ''
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() }
}

beforeAll(async () => {
  // The demo content is on: its partner profiles are what the boilerplates should match.
  server = await startServer()
  browser = await launchBrowser()
  const password = 'a long enough password'
  await call('/api/users/first-register', { json: { name: 'Admin', email: 'admin@example.org', password } })
  adminToken = (await call('/api/users/login', { json: { email: 'admin@example.org', password } })).body.token
  await call('/api/users', {
    token: adminToken,
    json: { name: 'Casey Contributor', email: 'casey@example.org', password, role: 'contributor' },
  })
  contributorToken = (await call('/api/users/login', { json: { email: 'casey@example.org', password } })).body.token
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('POST /api/press-releases/import', () => {
  it('refuses anonymous callers and empty text, naming the problem', async () => {
    const anonymous = await call('/api/press-releases/import', { json: { text: carePartnerText } })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toMatch(/Log in/)
    const empty = await call('/api/press-releases/import', { token: contributorToken, json: { text: '' } })
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0].message).toMatch(/The text is empty/)
  })

  it('turns a contributor’s wire copy into a draft linked to the partners, hidden from the public', async () => {
    const res = await call('/api/press-releases/import', { token: contributorToken, text: carePartnerText })
    expect(res.status).toBe(201)
    const { release, quotes, partners } = res.body
    expect(release.status).toBe('draft')
    expect(quotes.map((q: { speakerName: string }) => q.speakerName)).toEqual([
      'Jeffrey A. Flaks',
      'Shelly Anderson, MPM',
      'Peter Yu, MD',
    ])
    expect(partners.linked.map((p: { slug: string; via: string }) => [p.slug, p.via])).toEqual([
      ['hartford-healthcare', 'about'],
      ['memorial-sloan-kettering-cancer-center', 'about'],
    ])

    const asStaff = await call(`/api/press-releases/${release.id}?depth=0`, { token: adminToken })
    expect(asStaff.body._status).toBe('draft')
    expect(asStaff.body.quotes).toHaveLength(3)
    const publicList = await call(`/api/press-releases?where[slug][equals]=${release.slug}`)
    expect(publicList.body.totalDocs).toBe(0)
    expect((await call(`/api/quotes?where[release][equals]=${release.id}`)).body.totalDocs).toBe(0)
    expect((await call(`/news/${release.slug}`)).status).toBe(404)

    const again = await call('/api/press-releases/import', { token: contributorToken, text: carePartnerText })
    expect(again.status).toBe(201)
    expect(again.body.release.slug).toBe(`${release.slug}-2`)
  })
})

describe('the admin import view', () => {
  it('takes pasted copy from the press-releases list to a new draft', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: 'payload-token', value: contributorToken, url: server.url }])
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/press-releases`)
    await page.getByRole('link', { name: 'Import wire copy' }).click()
    await page.waitForURL('**/admin/import')
    await page.getByLabel('Wire copy').fill(allianceText)
    await page.getByLabel('Headline (optional)').fill('MSK Launches Its Cancer Alliance With Hartford HealthCare')
    await page.getByRole('button', { name: 'Import as draft' }).click()
    await page.getByText('Draft saved:').waitFor({ timeout: 30_000 })
    await page.getByRole('link', { name: 'Craig B. Thompson' }).first().waitFor()
    await page.getByText(/No dateline/).waitFor()
    await page.getByRole('link', { name: 'Open the draft' }).click()
    await page.waitForURL(/\/admin\/collections\/press-releases\/\d+$/)
    const title = page.locator('#field-title')
    await title.waitFor({ timeout: 30_000 })
    expect(await title.inputValue()).toBe('MSK Launches Its Cancer Alliance With Hartford HealthCare')
    await context.close()
  })
})
