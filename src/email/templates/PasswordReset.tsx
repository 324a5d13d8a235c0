import { Text } from '@react-email/components'

import { Layout } from './Layout'

export type PasswordResetProps = { siteName: string; name: string; link: string; validMinutes: number }

/** "Reset your password": the link into the admin's reset screen, and how long it works. */
export const PasswordReset = ({ siteName, name, link, validMinutes }: PasswordResetProps) => (
  <Layout
    siteName={siteName}
    preview={`Choose a new password for ${siteName}`}
    heading="Reset your password"
    action={{ label: 'Choose a new password', href: link }}
    footer="You get this mail because someone asked for a password reset for this address. If it was not you, ignore it: your password stays as it is."
  >
    <Text>Hello {name},</Text>
    <Text>
      Someone (we hope you) asked to reset the password of your {siteName} account. The link below works once, for{' '}
      {validMinutes} minutes.
    </Text>
  </Layout>
)
