import { Text } from '@react-email/components'

import { Layout } from './Layout'

export type InvitationProps = {
  siteName: string
  name: string
  invitedBy: string
  role: string
  link: string
  validDays: number
}

/** "You are invited": the link to choose a password, which then signs the person in to the admin. */
export const Invitation = ({ siteName, name, invitedBy, role, link, validDays }: InvitationProps) => (
  <Layout
    siteName={siteName}
    preview={`${invitedBy} invited you to ${siteName}`}
    heading={`You are invited to ${siteName}`}
    action={{ label: 'Choose your password', href: link }}
    footer="You get this mail because an administrator of the newsroom entered your address. If you did not expect it, ignore it: the account cannot be used without this link."
  >
    <Text>Hello {name},</Text>
    <Text>
      {invitedBy} invited you to the newsroom&apos;s admin as {/^[aeiou]/.test(role) ? 'an' : 'a'} {role}. Choose your
      password with the link below; it works once, for {validDays} days.
    </Text>
  </Layout>
)
