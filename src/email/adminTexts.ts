/**
 * Without an SMTP server nothing is mailed, so the admin must not say "Email sent": the
 * forgot-password screen then says where the link went (the server log) and whom to ask.
 * With SMTP settings, Payload's own texts stand.
 */
import { smtpConfigured } from './settings'

export const mailNotSentTranslations = () =>
  smtpConfigured()
    ? {}
    : {
        en: {
          authentication: {
            emailSent: 'E-mail is not set up',
            checkYourEmailForPasswordReset:
              'This newsroom has no SMTP server configured (SMTP_URL), so no e-mail was sent: if the address has an account, the reset link was written to the server log. Ask whoever runs the newsroom for it.',
            forgotPasswordEmailInstructions:
              'Enter your e-mail address. No SMTP server is configured (SMTP_URL), so the reset link will be written to the server log instead of being mailed.',
          },
        },
      }
