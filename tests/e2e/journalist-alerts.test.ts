/**
 * Journalist alerts in Chromium on the production server (issue 15), with a real SMTP server on
 * 127.0.0.1: the home page's form subscribes, the mailed link opens a page whose button confirms,
 * a release published afterwards arrives as an alert whose preferences link opens a page whose
 * button unsubscribes, and the one-click POST to the List-Unsubscribe URL works without a
 * session. The server's own jobs queue sends the mails (every 10 s).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { type ReceivedMail, startSmtpServer } from '../helpers/smtp'
import { apiAs, setUpStaff, type Session } from '../helpers/staff'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let server: TestServer
let browser: Browser
let staff: Record<'admin' | 'editor' | 'contributor', Session>

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startServer({ SMTP_URL: smtp.url, EMAIL_FROM: 'Newsroom <news@example.org>' })
  staff = await setUpStaff(server.url)
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.close()
})

const mailTo = async (address: string, count = 1): Promise<ReceivedMail> => {
  const deadline = Date.now() + 45_000
  while (smtp.to(address).length < count) {
    if (Date.now() > deadline) throw new Error(`No mail to ${address} within 45 s.\n${server.output().slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return smtp.to(address)[count - 1]
}

const linkIn = (mail: ReceivedMail, pattern: string) => {
  const match = new RegExp(`${server.url.replace(/[.:/]/g, '\\$&')}${pattern}`).exec(mail.parsed.text ?? '')
  expect(match, mail.parsed.text).not.toBeNull()
  return match![0]
}

const publish = (title: string) =>
  apiAs<{ doc: { slug: string } }>(server.url, staff.editor, '/api/press-releases', {
    title,
    summary: 'Alerts reach confirmed subscribers.',
    _status: 'published',
    body: {
      root: {
        type: 'root',
        version: 1,
        children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Body.', version: 1 }] }],
      },
    },
  })

describe('e-mail alerts in the browser', () => {
  it('subscribes from the home page, confirms by the mailed link, and unsubscribes from the preferences page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.url}/`)
    const form = page.locator('form.subscribe-form').first()
    await form.getByLabel('E-mail alerts for every new release').fill('reporter@example.org')
    await form.getByRole('button', { name: 'Subscribe' }).click()
    await page.waitForURL((url) => url.pathname === '/subscriptions')
    await page.getByText('a link to confirm the subscription is on its way').waitFor()

    const confirmation = await mailTo('reporter@example.org')
    await page.goto(linkIn(confirmation, '/subscriptions\\?confirm=[\\w-]+'))
    await page.getByRole('button', { name: 'Confirm the subscription' }).click()
    await page.getByText('the subscription is confirmed').waitFor()
    await page.getByText('reporter@example.org').waitFor()

    const { doc } = await publish('Alerted in the browser')
    const alert = await mailTo('reporter@example.org', 2)
    expect(alert.parsed.subject).toBe('Alerted in the browser')
    await page.goto(linkIn(alert, `/news/${doc.slug}`))
    await page.getByRole('heading', { name: 'Alerted in the browser' }).waitFor()

    await page.goto(linkIn(alert, '/subscriptions\\?token=[\\w.-]+'))
    await page.getByRole('button', { name: 'Unsubscribe and delete this address' }).click()
    await page.getByText('You are unsubscribed').waitFor()
    await page.close()
  }, 120_000)

  it('ends a subscription by the one-click POST to the List-Unsubscribe URL, without a session', async () => {
    const subscribe = await fetch(`${server.url}/api/subscribers/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'one-click@example.org' }),
    })
    expect(subscribe.status).toBe(202)
    const token = new URL(
      linkIn(await mailTo('one-click@example.org'), '/subscriptions\\?confirm=[\\w-]+'),
    ).searchParams.get('confirm')
    const confirmed = await fetch(`${server.url}/api/subscribers/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    })
    expect(confirmed.status).toBe(200)
    await publish('One-click alert')
    const alert = await mailTo('one-click@example.org', 2)
    const headers = alert.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ')
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    const url = /^List-Unsubscribe: <([^>]+)>$/m.exec(headers)![1]
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    await publish('After one-click')
    await new Promise((r) => setTimeout(r, 12_000)) // past the queue's next run
    expect(smtp.to('one-click@example.org').map((m) => m.parsed.subject)).not.toContain('After one-click')
  }, 120_000)
})
