/**
 * Without SMTP settings (issue 15): nothing leaves the machine, the mail (its link included) is
 * written to the server log by the sendEmail job, and the admin's forgot-password screen says
 * that no e-mail was sent instead of "Email sent".
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startTestNewsroom, type TestNewsroom } from '../helpers/payload'

delete process.env.SMTP_URL
delete process.env.SMTP_HOST
process.env.SITE_URL = 'http://newsroom.test'

let n: TestNewsroom
let payload: Payload

beforeAll(async () => {
  n = await startTestNewsroom()
  payload = n.payload
})
afterAll(async () => n?.close())

describe('e-mail without an SMTP server', () => {
  it('writes the reset mail, link included, to the server log from the queue', async () => {
    const logged: string[] = []
    const spy = vi.spyOn(payload.logger, 'info').mockImplementation(((msg: unknown) => {
      logged.push(String(msg))
    }) as never)
    try {
      await payload.forgotPassword({ collection: 'users', data: { email: 'editor@example.org' } })
      expect(logged.join('\n')).not.toContain('/admin/reset/')
      await payload.jobs.run({ queue: 'default', limit: 10 })
    } finally {
      spy.mockRestore()
    }
    const entry = logged.find((m) => m.includes('E-mail not sent (no SMTP_URL configured)'))
    expect(entry).toBeDefined()
    expect(entry).toContain('To: editor@example.org')
    expect(entry).toContain('Subject: Reset your Partner Newsroom password')
    expect(entry).toMatch(/http:\/\/newsroom\.test\/admin\/reset\/[0-9a-f]{40}/)
  })

  it('makes the forgot-password screen say that nothing was mailed', () => {
    const en = payload.config.i18n.translations.en as { authentication?: Record<string, string> } | undefined
    expect(en?.authentication?.emailSent).toBe('E-mail is not set up')
    expect(en?.authentication?.checkYourEmailForPasswordReset).toMatch(/no e-mail was sent.*server log/)
  })
})
