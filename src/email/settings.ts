/**
 * Outgoing mail settings, read from the environment in one place (CONTRACT.md): `SMTP_URL`
 * (`smtp://user:pass@host:587`, `smtps://…` for TLS), or `SMTP_HOST` with `SMTP_PORT`,
 * `SMTP_USER`, `SMTP_PASSWORD` and `SMTP_SECURE`; `EMAIL_FROM` names the sender. Without an
 * SMTP server, mails are written to the server log instead (src/jobs/sendEmail.ts).
 */
import type SMTPTransport from 'nodemailer/lib/smtp-transport'

export const DEFAULT_EMAIL_FROM = 'Partner Newsroom <newsroom@localhost>'

/** A dead or silent server fails the attempt quickly; the jobs queue retries it later. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

const flag = (value: string | undefined) => /^(1|true|yes)$/i.test(value?.trim() ?? '')

/** The SMTP server to send through, or null when none is configured. */
export const smtpOptions = (): SMTPTransport.Options | null => {
  const url = process.env.SMTP_URL?.trim()
  if (url) {
    const parsed = new URL(url)
    return {
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 587,
      secure: parsed.protocol === 'smtps:',
      auth: parsed.username
        ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
        : undefined,
      ...TIMEOUTS,
    }
  }
  const host = process.env.SMTP_HOST?.trim()
  if (!host) return null
  const secure = flag(process.env.SMTP_SECURE)
  const user = process.env.SMTP_USER?.trim()
  return {
    host,
    port: Number(process.env.SMTP_PORT) || (secure ? 465 : 587),
    secure,
    auth: user ? { user, pass: process.env.SMTP_PASSWORD ?? '' } : undefined,
    ...TIMEOUTS,
  }
}

export const smtpConfigured = (): boolean => smtpOptions() !== null

/** `EMAIL_FROM` as name and address: `Newsroom <news@example.org>` or a bare address. */
export const emailFrom = (): { name: string; address: string } => {
  const raw = process.env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(raw)
  if (match) return { name: match[1].trim(), address: match[2].trim() }
  return { name: '', address: raw }
}
