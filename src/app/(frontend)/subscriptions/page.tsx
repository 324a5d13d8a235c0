import type { Metadata } from 'next'

import { SubscribeForm } from '@/components/SubscribeForm'
import { payload } from '@/data/payload'
import { scopeLabel } from '@/email/journalistMail'
import { pageMetadata } from '@/seo/metadata'
import { subscriptionOfToken } from '@/subscriptions/lookup'
import { SITE_SCOPE, paths } from '@/urls'

/**
 * E-mail alerts for journalists: where the subscribe form lands ("check your inbox"), where the
 * confirmation link leads (a button that confirms, so a mail scanner opening the link confirms
 * nothing), and the preferences page every alert links to (what the subscription is, and a
 * button that ends it). Never indexed; the links' tokens are the only key.
 */
type SearchParams = Promise<Record<string, string | string[] | undefined>>

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? ''

export const metadata: Metadata = pageMetadata({
  title: 'E-mail alerts',
  description: 'Subscribe to e-mail alerts for new press releases, confirm a subscription or end it.',
  path: paths.subscription(''),
  noIndex: true,
})

const Preferences = async ({ token, confirmed }: { token: string; confirmed: boolean }) => {
  const sub = await subscriptionOfToken({ payload: await payload() }, token)
  if (!sub) {
    return (
      <p>
        This link no longer works: the subscription has ended (or never existed). Nothing more is sent to its address.
      </p>
    )
  }
  return (
    <>
      {confirmed && <p className="notice">Thank you: the subscription is confirmed.</p>}
      <p>
        <strong>{sub.email}</strong> gets {sub.frequency === 'daily' ? 'a daily digest of' : 'an e-mail for'}{' '}
        {scopeLabel(sub)}.
      </p>
      <form className="subscribe-form" method="post" action={paths.preferencesEndpoint()}>
        <input type="hidden" name="token" value={token} />
        <label>
          How often
          <select name="frequency" defaultValue={sub.frequency}>
            <option value="each">Each release, as it is published</option>
            <option value="daily">One daily digest</option>
          </select>
        </label>
        <button type="submit">Save</button>
      </form>
      <form method="post" action={paths.unsubscribeEndpoint()}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button--danger">
          Unsubscribe and delete this address
        </button>
      </form>
    </>
  )
}

export default async function SubscriptionsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const outcome = one(params.outcome)
  const confirm = one(params.confirm)
  const token = one(params.token)
  return (
    <>
      <h1>E-mail alerts</h1>
      {outcome === 'sent' ? (
        <p>
          Thank you. If this address can receive mail, a link to confirm the subscription is on its way. Nothing else is
          sent to it until the link is followed.
        </p>
      ) : outcome === 'invalid' ? (
        <p>This confirmation link is unknown or has expired. Subscribe again below to get a new one.</p>
      ) : outcome === 'unsubscribed' ? (
        <p>You are unsubscribed: the address and its subscription have been deleted.</p>
      ) : confirm ? (
        <form method="post" action={paths.confirmEndpoint()}>
          <p>Confirm that this address should get e-mail alerts from the newsroom.</p>
          <input type="hidden" name="token" value={confirm} />
          <button type="submit">Confirm the subscription</button>
        </form>
      ) : token ? (
        <Preferences token={token} confirmed={outcome === 'confirmed'} />
      ) : null}
      {!token && !confirm && (
        <section aria-labelledby="subscribe" className="panel subscribe">
          <h2 id="subscribe">Subscribe</h2>
          <SubscribeForm scope={SITE_SCOPE} label="every new release" />
          <p>Alerts for one partner or one topic: use the form on its page.</p>
        </section>
      )}
    </>
  )
}
