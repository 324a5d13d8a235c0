/**
 * Staff e-mail in Chromium on the production server (issue 15), with a real SMTP server on
 * 127.0.0.1: "Forgot password?" in the admin mails a link that opens the admin's reset screen,
 * where a new password signs the person in; an admin's "Invite a colleague" form mails a link with
 * which the colleague chooses a password and lands in the admin. The server's own jobs queue
 * sends the mails (every 10 s). A second server without SMTP settings shows that the admin says
 * no mail was sent, and that the link is in the server log.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { type ReceivedMail, startSmtpServer } from '../helpers/smtp'
import { ANONYMOUS, apiAs, requestAs, setUpStaff, type Session } from '../helpers/staff'

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

/** The mail to `address` once the server's queue has sent it (it runs every 10 s). */
const mailTo = async (address: string, count = 1): Promise<ReceivedMail> => {
  const deadline = Date.now() + 45_000
  while (smtp.to(address).length < count) {
    if (Date.now() > deadline) throw new Error(`No mail to ${address} within 45 s.\n${server.output().slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return smtp.to(address)[count - 1]
}

const resetLink = (mail: ReceivedMail) => {
  const match = new RegExp(`${server.url.replace(/[.:/]/g, '\\$&')}/admin/reset/[0-9a-f]{40}`).exec(
    mail.parsed.text ?? '',
  )
  expect(match, mail.parsed.text).not.toBeNull()
  return match![0]
}

/**
 * Opens an admin screen and waits until it is quiet: text typed into Payload's form before React
 * has hydrated it stays in the input but not in the form's state, and the submit then answers
 * "Please correct invalid fields." with no field marked (seen on a loaded machine).
 */
const openAdmin = (page: Page, url: string) => page.goto(url, { waitUntil: 'networkidle' })

const chooseNewPassword = async (page: Page, link: string, password: string) => {
  await openAdmin(page, link)
  await page.locator('#field-password').fill(password)
  await page.locator('#field-confirm-password').fill(password)
  await page.getByRole('button', { name: 'Reset Password' }).click()
  // Signed in: the reset screen hands over to the dashboard.
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 30_000 })
}

const signsIn = async (email: string, password: string) =>
  (
    await requestAs(server.url, ANONYMOUS, '/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).status

describe('password reset in the admin', () => {
  it('mails a link from "Forgot password?" that opens the reset screen and signs the person in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await openAdmin(page, `${server.url}/admin/forgot`)
    await page.locator('#field-email').fill('editor@example.org')
    await page.getByRole('button', { name: 'Submit' }).click()
    await page.getByText('Email Sent').waitFor()

    const mail = await mailTo('editor@example.org')
    expect(mail.parsed.subject).toBe('Reset your Partner Newsroom password')
    expect(mail.parsed.messageId).toBeTruthy()
    expect(mail.parsed.text).toContain('60 minutes')
    await chooseNewPassword(page, resetLink(mail), 'saffron glacier tandem orbit')
    await page.close()
    expect(await signsIn('editor@example.org', 'saffron glacier tandem orbit')).toBe(200)
  })
})

describe('invitations in the admin', () => {
  it('lets an admin invite a colleague, who chooses a password from the mailed link and lands in the admin', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: 'payload-token', value: staff.admin.token, url: server.url }])
    const page = await context.newPage()
    await openAdmin(page, `${server.url}/admin/collections/users`)
    const form = page.locator('form.invite-colleague')
    await form.waitFor()
    await form.getByLabel('E-mail address').fill('robin@example.org')
    await form.getByLabel('Name').fill('Robin Reporter')
    await form.getByRole('button', { name: 'Send invitation' }).click()
    await form.getByText('Invitation sent to robin@example.org.').waitFor()
    await context.close()

    const mail = await mailTo('robin@example.org')
    expect(mail.parsed.subject).toBe('You are invited to Partner Newsroom')
    expect(mail.parsed.text).toContain('as a contributor')
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await chooseNewPassword(fresh, resetLink(mail), 'harbour violin cedar meadow')
    await fresh.close()
    expect(await signsIn('robin@example.org', 'harbour violin cedar meadow')).toBe(200)
    const { docs } = await apiAs<{ docs: { email: string; role: string; name: string }[] }>(
      server.url,
      staff.admin,
      '/api/users?where[email][equals]=robin@example.org',
    )
    expect(docs[0]).toMatchObject({ role: 'contributor', name: 'Robin Reporter' })
  })
})

describe('without SMTP settings', () => {
  let bare: TestServer
  beforeAll(async () => {
    bare = await startServer({ SMTP_URL: '', SMTP_HOST: '' })
    await setUpStaff(bare.url)
  }, 180_000)
  afterAll(async () => bare?.stop())

  it('the forgot-password screen says no mail was sent, and the link is in the server log', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await openAdmin(page, `${bare.url}/admin/forgot`)
    await page.getByText('the reset link will be written to the server log').waitFor()
    await page.locator('#field-email').fill('contributor@example.org')
    await page.getByRole('button', { name: 'Submit' }).click()
    await page.getByText('E-mail is not set up').waitFor()
    expect(await page.getByText('Email Sent').count()).toBe(0)
    await page.close()
    const deadline = Date.now() + 45_000
    while (!/E-mail not sent \(no SMTP_URL configured\)/.test(bare.output())) {
      if (Date.now() > deadline) throw new Error(`No mail in the log within 45 s.\n${bare.output().slice(-2000)}`)
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(bare.output()).toMatch(new RegExp(`${bare.url.replace(/[.:/]/g, '\\$&')}/admin/reset/[0-9a-f]{40}`))
  })
})
