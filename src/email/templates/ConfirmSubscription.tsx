import { Text } from '@react-email/components'

import { Layout } from './Layout'

export type ConfirmSubscriptionProps = {
  siteName: string
  /** What the subscription is for, e.g. "every new release" or "releases involving MSK". */
  scopeLabel: string
  link: string
  validHours: number
}

/** Double opt-in: the only mail an unconfirmed address ever gets. */
export const ConfirmSubscription = ({ siteName, scopeLabel, link, validHours }: ConfirmSubscriptionProps) => (
  <Layout
    siteName={siteName}
    preview={`Confirm your ${siteName} e-mail alerts`}
    heading="Confirm your e-mail alerts"
    action={{ label: 'Confirm the subscription', href: link }}
    footer={
      <>
        Someone, hopefully you, asked for these alerts on {siteName}. If it was not you, ignore this mail: without a
        confirmation nothing more is sent to this address, and the request is forgotten.
      </>
    }
  >
    <Text>
      Please confirm that this address should get an e-mail for {scopeLabel} when it is published. The link works for{' '}
      {validHours} hours.
    </Text>
  </Layout>
)
